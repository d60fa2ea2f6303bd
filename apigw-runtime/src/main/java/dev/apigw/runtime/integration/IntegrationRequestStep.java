package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.ContentHandling;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.content.RequestDecompressionStep;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationRequest;
import dev.apigw.runtime.pipeline.Step;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps the request of a non-proxy integration (reference 1.1 and 6.2): the request template is
 * chosen by the request's Content-Type (parameters stripped; none means {@code application/json});
 * without one, the passthrough behaviour passes the body through or answers 415
 * UNSUPPORTED_MEDIA_TYPE. The body (already decompressed, {@link RequestDecompressionStep}) is
 * converted by the integration's {@code contentHandling} (reference 6.3, {@link ContentHandling}).
 * Proxy integrations pass untouched.
 */
public final class IntegrationRequestStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledMethod method = exchange.method();
        if (method.integration().type().isProxy()) {
            return next.proceed(exchange);
        }
        String contentType =
                MediaTypes.mimeType(
                        exchange.request().headers().first("Content-Type").orElse(MediaTypes.JSON));
        Map<String, MappingTemplate> templates = method.requestTemplates();
        MappingTemplate template = templates.get(contentType);
        if (template == null) {
            PassthroughBehavior passthrough = method.integration().passthroughBehavior();
            if (passthrough == PassthroughBehavior.NEVER
                    || (!templates.isEmpty()
                            && passthrough == PassthroughBehavior.WHEN_NO_TEMPLATES)) {
                exchange.trace()
                        .add(
                                "integration-request",
                                "No template for content type and passthrough is ",
                                passthrough);
                throw GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
            }
            exchange.trace().add("integration-request", "Request body passed through");
            return next.proceed(
                    exchange.withIntegrationRequest(
                            new IntegrationRequest(
                                    ContentHandling.requestPayload(exchange).bytes(),
                                    Headers.empty(),
                                    false)));
        }
        String input = ContentHandling.requestTemplateInput(exchange);
        String body =
                TemplateFailures.render(
                        exchange,
                        "integration-request",
                        template,
                        TemplateInputs.request(exchange, input));
        exchange.trace()
                .data("integration-request", "Endpoint request body after transformations: ", body);
        return next.proceed(
                exchange.withIntegrationRequest(
                        new IntegrationRequest(
                                body.getBytes(StandardCharsets.UTF_8), Headers.empty(), true)));
    }
}
