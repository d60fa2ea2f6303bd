package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.QueryString;
import dev.apigw.runtime.spi.BackendResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoint of an HTTP or HTTP_PROXY integration, prepared once when the API is built: its URI
 * template, request parameter mappings, method, timeout and TLS setting (reference 4.2). Resolves
 * the endpoint URI of a request and sends it through the host's {@link
 * dev.apigw.runtime.spi.HttpBackend}, turning the host's failures into the gateway responses of
 * reference 3.1 and 9.5.
 */
final class HttpEndpoint {
    /** The largest endpoint response body API Gateway passes on (reference 9.5). */
    static final int MAX_RESPONSE_BYTES = EndpointSender.MAX_RESPONSE_BYTES;

    private final UriTemplate uri;
    private final RequestParameters parameters;
    private final String httpMethod;
    private final EndpointSender sender;

    /** Prepares the endpoint of an HTTP or HTTP_PROXY integration. */
    HttpEndpoint(Integration integration) {
        this.uri = UriTemplate.parse(integration.uri().orElseThrow());
        this.parameters =
                new RequestParameters(integration.requestParameters(), integration.type());
        this.httpMethod = integration.httpMethod().orElseThrow().toUpperCase(Locale.ROOT);
        this.sender =
                new EndpointSender(
                        Duration.ofMillis(integration.timeoutInMillis()),
                        integration.insecureSkipVerification());
    }

    /** Returns the integration's request parameter mappings. */
    RequestParameters parameters() {
        return parameters;
    }

    /** Returns the method to send: the integration's, or the request's for {@code ANY}. */
    String httpMethod(Exchange exchange) {
        return httpMethod.equals("ANY") ? exchange.request().httpMethod() : httpMethod;
    }

    /**
     * Returns the endpoint URI of a request: the template filled, then {@code clientQuery} (raw,
     * without the parameters a mapping or an override sets), the mapped query parameters and the
     * {@code $context.requestOverride} ones appended; path overrides replace mapped path values
     * (reference 1.6). A stage variable that is not defined, or a result that is not an absolute
     * http(s) URI, is a configuration error (reference 3.1 API_CONFIGURATION_ERROR, 500).
     */
    URI uri(Exchange exchange, String clientQuery) {
        parameters.checkTargets(exchange);
        Map<String, String> pathValues = parameters.pathValues(exchange);
        Map<String, String> pathOverrides = exchange.overrides().requestPath();
        if (!pathOverrides.isEmpty()) {
            pathValues = new LinkedHashMap<>(pathValues);
            pathValues.putAll(pathOverrides);
        }
        Optional<String> expanded = uri.expand(pathValues, exchange.stageVariables());
        if (expanded.isEmpty()) {
            throw invalid(exchange, "Invalid endpoint address");
        }
        String query = query(exchange, clientQuery);
        String target = expanded.get();
        if (!query.isEmpty()) {
            target +=
                    target.indexOf('?') < 0
                            ? "?"
                            : target.endsWith("?") || target.endsWith("&") ? "" : "&";
            target += query;
        }
        URI result;
        try {
            result = new URI(target);
        } catch (URISyntaxException e) {
            throw invalid(exchange, e.getReason());
        }
        String scheme =
                result.getScheme() == null ? "" : result.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || result.getHost() == null) {
            throw invalid(exchange, "Invalid endpoint address");
        }
        return result;
    }

    private String query(Exchange exchange, String clientQuery) {
        StringBuilder query = new StringBuilder(clientQuery.length() + 32);
        Set<String> mapped = parameters.queryNames();
        Map<String, List<String>> overridden = exchange.overrides().requestQuerystring();
        for (String pair : clientQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = QueryString.formDecode(eq < 0 ? pair : pair.substring(0, eq));
            if (!pair.isEmpty() && !mapped.contains(name) && !overridden.containsKey(name)) {
                query.append(query.length() == 0 ? "" : "&").append(pair);
            }
        }
        for (Map.Entry<String, String> e : parameters.queryValues(exchange)) {
            if (!overridden.containsKey(e.getKey())) {
                appendQuery(query, e.getKey(), e.getValue());
            }
        }
        overridden.forEach((name, values) -> values.forEach(v -> appendQuery(query, name, v)));
        return query.toString();
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        query.append(query.length() == 0 ? "" : "&")
                .append(UriEncoding.queryComponent(name))
                .append('=')
                .append(UriEncoding.queryComponent(value));
    }

    private static GatewayException invalid(Exchange exchange, String reason) {
        exchange.trace()
                .error("integration", "Execution failed due to configuration error: ", reason);
        return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    /**
     * Sends a request to the endpoint and returns its answer, failures turned into gateway
     * responses ({@link EndpointSender#send}).
     */
    BackendResponse send(
            Exchange exchange, String method, URI target, Headers headers, byte[] body) {
        return sender.send(exchange, method, target, headers, body);
    }
}
