package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code integration.request.{path|querystring|header}.NAME} mappings of an HTTP
 * integration (reference 5.2), parsed once when the API is built and resolved per request. A
 * source without a value leaves its target out. Several values of a multi-value source become
 * several query parameters, or one header or path value joined with commas (unconfirmed).
 *
 * <p>Header targets follow the recorded rules of reference 5.2: mappings to {@code Expect},
 * {@code Proxy-Authenticate}, {@code TE} and {@code Via} are silently dropped; mappings to
 * {@code Content-Length} or {@code Transfer-Encoding} make every call fail with 500.
 */
final class RequestParameters {
    private static final String PATH = "integration.request.path.";
    private static final String QUERY = "integration.request.querystring.";
    private static final String MULTI_QUERY = "integration.request.multivaluequerystring.";
    private static final String HEADER = "integration.request.header.";
    private static final Set<String> DROPPED_HEADERS =
            Set.of("expect", "proxy-authenticate", "te", "via");
    private static final Set<String> FAILING_HEADERS = Set.of("content-length", "transfer-encoding");

    private final Map<String, MappingSource> path = new LinkedHashMap<>();
    private final Map<String, MappingSource> query = new LinkedHashMap<>();
    private final Map<String, MappingSource> headers = new LinkedHashMap<>();
    private final String failingHeader;

    /** Parses the mappings, target to source; fails naming an invalid target or source. */
    RequestParameters(Map<String, String> requestParameters) {
        String failing = null;
        for (Map.Entry<String, String> e : requestParameters.entrySet()) {
            String target = e.getKey();
            MappingSource source = MappingSource.parse(e.getValue());
            if (target.startsWith(PATH)) {
                path.put(target.substring(PATH.length()), source);
            } else if (target.startsWith(QUERY) || target.startsWith(MULTI_QUERY)) {
                String name = target.substring(target.indexOf(".querystring.") + 13);
                query.put(name, source);
            } else if (target.startsWith(HEADER)) {
                String name = target.substring(HEADER.length());
                String lower = name.toLowerCase(Locale.ROOT);
                if (FAILING_HEADERS.contains(lower)) {
                    failing = failing == null ? name : failing;
                } else if (!DROPPED_HEADERS.contains(lower)) {
                    headers.put(name, source);
                }
            } else {
                throw new IllegalArgumentException("Invalid mapping expression specified: "
                        + target);
            }
        }
        this.failingHeader = failing;
    }

    /**
     * Fails the call when a header mapping targets a header AWS cannot send (reference 5.2: 500
     * on every call).
     */
    void checkTargets(Exchange exchange) {
        if (failingHeader != null) {
            exchange.trace().add("integration", "Execution failed due to configuration error:"
                    + " Invalid mapping target header: ", failingHeader);
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }

    /** Returns the values of the URI's {@code {name}} placeholders that have one. */
    Map<String, String> pathValues(Exchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        path.forEach((name, source) -> {
            List<String> v = source.values(exchange);
            if (!v.isEmpty()) {
                values.put(name, String.join(",", v));
            }
        });
        return values;
    }

    /** Returns the names of the mapped query parameters. */
    Set<String> queryNames() {
        return Collections.unmodifiableSet(query.keySet());
    }

    /** Returns the mapped query parameters, one name and value per entry, in order. */
    List<Map.Entry<String, String>> queryValues(Exchange exchange) {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        query.forEach((name, source) -> {
            for (String value : source.values(exchange)) {
                values.add(Map.entry(name, value));
            }
        });
        return values;
    }

    /** Sets the mapped headers on {@code headers}, replacing those of the same name. */
    void applyHeaders(Exchange exchange, Headers.Builder target) {
        headers.forEach((name, source) -> {
            List<String> v = source.values(exchange);
            if (!v.isEmpty()) {
                target.set(name, String.join(",", v));
            }
        });
    }
}
