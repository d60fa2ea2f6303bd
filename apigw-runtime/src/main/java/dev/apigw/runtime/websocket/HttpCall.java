package dev.apigw.runtime.websocket;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.integration.EndpointSender;
import dev.apigw.runtime.integration.UriEncoding;
import dev.apigw.runtime.integration.UriTemplate;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP endpoint of a WebSocket {@code HTTP} or {@code HTTP_PROXY} integration (reference 5.4,
 * 7.3): the integration's {@code integrationMethod} to its URI (placeholders from {@code
 * integration.request.path} mappings, {@code ${stageVariables.x}} from the stage), the mapped query
 * parameters appended, through the host's {@link HttpBackend} by {@link EndpointSender} within the
 * integration's timeout. Headers: {@code User-Agent: AmazonAPIGateway_<apiId>} and {@code
 * X-Amzn-Apigateway-Api-Id} (for {@code HTTP_PROXY} on {@code $connect}: the upgrade's headers
 * instead, less the hop-by-hop and WebSocket ones), {@code Content-Type: application/json} with a
 * body, then the mapped headers. A URI that is not absolute http(s) after expansion is a
 * configuration error (500). Immutable and thread-safe.
 */
final class HttpCall implements IntegrationCall {
    private static final Set<String> NOT_FORWARDED =
            Set.of(
                    "connection",
                    "content-length",
                    "host",
                    "keep-alive",
                    "te",
                    "trailer",
                    "transfer-encoding",
                    "upgrade");

    private final UriTemplate uri;
    private final String method;
    private final EndpointSender sender;
    private final HttpBackend backend;
    private final Map<String, String> stageVariables;
    private final String apiId;
    private final boolean proxy;

    HttpCall(
            WebSocketIntegration integration,
            HttpBackend backend,
            Map<String, String> stageVariables,
            String apiId) {
        this.uri = UriTemplate.parse(integration.integrationUri().orElseThrow());
        this.method = integration.integrationMethod().orElse("POST").toUpperCase(Locale.ROOT);
        this.sender = new EndpointSender(Duration.ofMillis(integration.timeoutInMillis()), false);
        this.backend = backend;
        this.stageVariables = Map.copyOf(stageVariables);
        this.apiId = apiId;
        this.proxy = integration.integrationType() == IntegrationType.HTTP_PROXY;
    }

    @Override
    public Answer call(RouteRequest request, Mapped mapped) {
        URI target = target(mapped.parameters());
        Headers.Builder headers = Headers.builder();
        if (proxy && request.isConnect()) {
            request.connection()
                    .headers()
                    .forEach((name, values) -> forward(name, values, headers));
        } else {
            headers.add("User-Agent", "AmazonAPIGateway_" + apiId)
                    .add("X-Amzn-Apigateway-Api-Id", apiId);
        }
        if (mapped.body().length > 0 && !headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json");
        }
        mapped.parameters().headers().forEach(headers::set);
        BackendResponse response =
                sender.send(
                        backend,
                        ExecutionTrace.off(),
                        method,
                        target,
                        headers.build(),
                        mapped.body());
        return new Answer(
                response.statusCode(), response.headers(), response.body(), Optional.empty());
    }

    private static void forward(String name, List<String> values, Headers.Builder headers) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NOT_FORWARDED.contains(lower) && !lower.startsWith("sec-websocket-")) {
            values.forEach(value -> headers.add(name, value));
        }
    }

    private URI target(RequestParameters.Mapped parameters) {
        String expanded =
                uri.expand(parameters.path(), stageVariables)
                        .orElseThrow(
                                () ->
                                        GatewayException.of(
                                                GatewayResponseType.API_CONFIGURATION_ERROR));
        StringBuilder target = new StringBuilder(expanded);
        for (Map.Entry<String, String> query : parameters.query()) {
            target.append(target.indexOf("?") < 0 ? '?' : '&')
                    .append(UriEncoding.queryComponent(query.getKey()))
                    .append('=')
                    .append(UriEncoding.queryComponent(query.getValue()));
        }
        try {
            URI result = new URI(target.toString());
            String scheme =
                    result.getScheme() == null ? "" : result.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && result.getHost() != null) {
                return result;
            }
        } catch (URISyntaxException e) {
            // a configuration error, as below
        }
        throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
}
