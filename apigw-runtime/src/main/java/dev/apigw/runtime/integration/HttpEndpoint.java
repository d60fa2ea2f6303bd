package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.QueryString;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint of an HTTP or HTTP_PROXY integration, prepared once when the API is built: its URI
 * template, request parameter mappings, method, timeout and TLS setting (reference 4.2). Resolves
 * the endpoint URI of a request and sends it through the host's {@link
 * dev.apigw.runtime.spi.HttpBackend}, turning the host's failures into the gateway responses of
 * reference 3.1 and 9.5.
 */
final class HttpEndpoint {
    /** The largest endpoint response body API Gateway passes on (reference 9.5). */
    static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    private static final String NETWORK_ERROR = "Network error communicating with endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private final UriTemplate uri;
    private final RequestParameters parameters;
    private final String httpMethod;
    private final Duration timeout;
    private final boolean insecureSkipVerification;

    /** Prepares the endpoint of an HTTP or HTTP_PROXY integration. */
    HttpEndpoint(Integration integration) {
        this.uri = UriTemplate.parse(integration.uri().orElseThrow());
        this.parameters =
                new RequestParameters(integration.requestParameters(), integration.type());
        this.httpMethod = integration.httpMethod().orElseThrow().toUpperCase(Locale.ROOT);
        this.timeout = Duration.ofMillis(integration.timeoutInMillis());
        this.insecureSkipVerification = integration.insecureSkipVerification();
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
     * Sends a request to the endpoint and returns its answer. A timeout is INTEGRATION_TIMEOUT (504
     * {@code Endpoint request timed out}); a network failure, or any other exception or a null
     * answer from the host's backend, is INTEGRATION_FAILURE (504 {@code Network error
     * communicating with endpoint}); a body over 10 MB, a status outside 100 to 599, a header that
     * is not a valid RFC 9110 field, or an answer the backend reports as {@code INVALID_RESPONSE}
     * (too many headers, an endless status line) is INTEGRATION_FAILURE with 502 {@code Internal
     * server error} (our choice).
     */
    BackendResponse send(
            Exchange exchange, String method, URI target, Headers headers, byte[] body) {
        BackendRequest request =
                new BackendRequest(
                        method, target, headers, body, timeout, insecureSkipVerification);
        exchange.trace().add("integration", "Endpoint request URI: ", target);
        exchange.trace().data("integration", "Endpoint request headers: ", headers);
        BackendResponse response;
        try {
            response = exchange.backends().httpBackend().send(request);
        } catch (HttpBackendException e) {
            if (e.failure() == HttpBackendException.Failure.TIMEOUT) {
                exchange.trace()
                        .error(
                                "integration",
                                "Execution failed due to a timeout error: ",
                                e.getMessage());
                throw GatewayException.of(GatewayResponseType.INTEGRATION_TIMEOUT);
            }
            if (e.failure() == HttpBackendException.Failure.INVALID_RESPONSE) {
                throw badAnswer(exchange, e.getMessage());
            }
            throw networkError(exchange, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("HTTP backend failed on {} {}", method, target, e);
            throw networkError(exchange, "the HTTP backend threw " + e);
        }
        if (response == null) {
            throw networkError(exchange, "the HTTP backend returned null");
        }
        return checked(exchange, response);
    }

    private static BackendResponse checked(Exchange exchange, BackendResponse response) {
        exchange.trace().data("integration", "Endpoint response headers: ", response.headers());
        if (exchange.trace().isRecording()) {
            exchange.trace()
                    .data(
                            "integration",
                            "Endpoint response body before transformations: ",
                            new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            throw badAnswer(
                    exchange,
                    "endpoint response body of "
                            + response.body().length
                            + " bytes exceeds the 10 MB limit");
        }
        if (response.statusCode() < 100 || response.statusCode() > 599) {
            throw badAnswer(exchange, "invalid endpoint status " + response.statusCode());
        }
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            if (!Headers.isValidName(headers.name(i)) || !Headers.isValidValue(headers.value(i))) {
                throw badAnswer(exchange, "invalid endpoint response header " + headers.name(i));
            }
        }
        return response;
    }

    /** A backend answer API Gateway does not pass on: 502 INTEGRATION_FAILURE (our choice). */
    private static GatewayException badAnswer(Exchange exchange, String detail) {
        exchange.trace().error("integration", "Execution failed: ", detail);
        return GatewayException.of(
                GatewayResponseType.INTEGRATION_FAILURE, 502, "Internal server error");
    }

    private static GatewayException networkError(Exchange exchange, String detail) {
        exchange.trace()
                .error(
                        "integration",
                        "Execution failed due to a network error communicating with endpoint: ",
                        detail);
        return GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE, NETWORK_ERROR);
    }
}
