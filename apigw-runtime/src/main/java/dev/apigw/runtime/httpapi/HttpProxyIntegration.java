package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.integration.EndpointSender;
import dev.apigw.runtime.integration.UriEncoding;
import dev.apigw.runtime.integration.UriTemplate;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.routing.RouteMatch;
import dev.apigw.runtime.spi.BackendResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API's HTTP proxy integration ({@code HTTP_PROXY}, reference 4.2, 5.5, 7.2, 11.1): the
 * request goes to the integration URI through the host's {@link dev.apigw.runtime.spi.HttpBackend}
 * and the backend's answer comes back as it is, less the hop-by-hop headers ({@link
 * ProxiedHeaders}). The URI's {@code {name}} placeholders take the route's path parameters and its
 * {@code ${stageVariables.x}} the stage's variables; the {@code $default} route appends the whole
 * request path (without the stage) to the URI's path; an {@code overwrite:path} mapping replaces
 * the URI's path; the client's query string (as mapped) follows the URI's own. {@code
 * integrationMethod ANY} sends the caller's method. A timeout ({@code timeoutInMillis}) answers 503
 * {@code Service Unavailable}, an unreachable backend or an unusable URI 500 {@code Internal Server
 * Error} (reference 3.3). Immutable and thread-safe.
 */
final class HttpProxyIntegration implements RouteIntegration {
    private final UriTemplate uri;
    private final String method;
    private final EndpointSender sender;

    /** Prepares the HTTP proxy {@code integration}. */
    HttpProxyIntegration(HttpIntegration integration) {
        this.uri = UriTemplate.parse(integration.integrationUri().orElseThrow());
        this.method = integration.integrationMethod().orElseThrow().toUpperCase(Locale.ROOT);
        this.sender = new EndpointSender(Duration.ofMillis(integration.timeoutInMillis()), false);
    }

    @Override
    public Response invoke(Exchange exchange) {
        Request request = exchange.request();
        URI target = target(exchange);
        BackendResponse answer =
                sender.send(
                        exchange,
                        method.equals("ANY") ? request.httpMethod() : method,
                        target,
                        ProxiedHeaders.toBackend(request, target),
                        request.body());
        return Response.builder()
                .statusCode(answer.statusCode())
                .headers(ProxiedHeaders.toClient(answer.headers()))
                .body(answer.body())
                .build();
    }

    /** Returns the backend URI of a request; a URI that is not absolute http(s) answers 500. */
    private URI target(Exchange exchange) {
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        Map<String, String> parameters =
                exchange.matchedRoute().map(RouteMatch::pathParameters).orElse(Map.of());
        Optional<String> expanded = uri.expand(parameters, resolution.stage().stageVariables());
        if (expanded.isEmpty()) {
            throw invalid(exchange, "a stage variable of the URI is not defined");
        }
        URI base;
        try {
            base = new URI(expanded.get());
        } catch (URISyntaxException e) {
            throw invalid(exchange, e.getReason());
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw invalid(exchange, "Invalid endpoint address");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        Optional<String> mapped = exchange.attribute(ParameterMappings.MAPPED_PATH);
        if (mapped.isPresent()) {
            path = UriEncoding.pathValue(mapped.get());
        } else if (exchange.target(CompiledRoute.class).route().routeKey().isDefault()) {
            path =
                    (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                            + resolution.path();
        }
        String query = join(base.getRawQuery(), exchange.request().rawQueryString());
        String target = scheme + "://" + base.getRawAuthority() + path;
        try {
            return new URI(query.isEmpty() ? target : target + "?" + query);
        } catch (URISyntaxException e) {
            throw invalid(exchange, e.getReason());
        }
    }

    private static String join(String own, String client) {
        if (own == null || own.isEmpty()) {
            return client;
        }
        return client.isEmpty() ? own : own + "&" + client;
    }

    private static GatewayException invalid(Exchange exchange, String reason) {
        exchange.trace()
                .error("integration", "Execution failed due to configuration error: ", reason);
        return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
}
