package dev.apigw.runtime.websocket;

import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.TemplateException;
import dev.apigw.runtime.pipeline.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket route whose integration is not a Lambda proxy (reference 5.4, 6, 7.3): {@code AWS},
 * {@code HTTP}, {@code MOCK} with request templates, request parameters and integration responses,
 * or {@code HTTP_PROXY} passing the message and the answer as they are. Per call: the request
 * parameters are resolved, the request template ({@link RequestTemplates}) renders the message or
 * it passes through, the backend ({@link IntegrationCall}) is called, and the integration responses
 * ({@link IntegrationResponses}) make what goes back. The answer's status decides a {@code
 * $connect}; a Lambda function error on {@code $connect} refuses it with 502. A failure (a template
 * that fails or passes its budgets, a refused passthrough 415, a configuration error 500, a bad
 * answer 502, a timeout or network error 504) is a failed answer with that status. Never throws;
 * immutable and thread-safe.
 */
final class BackendRoute implements RouteIntegration {
    private static final Logger LOG = LoggerFactory.getLogger(BackendRoute.class);

    private final RequestTemplates templates;
    private final RequestParameters parameters;
    private final IntegrationCall backend;
    private final IntegrationResponses responses;
    private final Map<String, String> stageVariables;
    private final String domainName;

    BackendRoute(
            RequestTemplates templates,
            RequestParameters parameters,
            IntegrationCall backend,
            IntegrationResponses responses,
            Map<String, String> stageVariables,
            String domainName) {
        this.templates = templates;
        this.parameters = parameters;
        this.backend = backend;
        this.responses = responses;
        this.stageVariables = Map.copyOf(stageVariables);
        this.domainName = domainName;
    }

    @Override
    public RouteAnswer invoke(RouteRequest request) {
        try {
            return answer(request);
        } catch (GatewayException e) {
            return RouteAnswer.failure(e.statusCode());
        } catch (TemplateException e) {
            LOG.warn(
                    "a template of route {} failed: {}", request.call().routeKey(), e.getMessage());
            return RouteAnswer.failure(500);
        } catch (RuntimeException e) {
            LOG.warn("route {} failed", request.call().routeKey(), e);
            return RouteAnswer.failure(500);
        }
    }

    private RouteAnswer answer(RouteRequest request) {
        Map<String, Object> context = RouteContext.of(request, domainName);
        RequestParameters.Mapped mapped =
                parameters.resolve(new RouteInput(request, context, stageVariables));
        Optional<MappingTemplate> template = templates.select(request);
        byte[] body =
                template.isPresent()
                        ? template.get()
                                .render(
                                        TemplateInputs.of(
                                                request.bodyText(),
                                                request,
                                                context,
                                                stageVariables))
                                .getBytes(StandardCharsets.UTF_8)
                        : templates.passThrough(request);
        IntegrationCall.Answer answer =
                backend.call(
                        request, new IntegrationCall.Mapped(body, template.isPresent(), mapped));
        if (request.isConnect() && answer.errorMessage().isPresent()) {
            return RouteAnswer.failure(502);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().forEach(headers::putIfAbsent);
        return new RouteAnswer(
                answer.statusCode(),
                headers,
                responses.output(request, answer, context, stageVariables),
                false);
    }
}
