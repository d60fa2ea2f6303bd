package dev.apigw.runtime.websocket;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.parameters.ParameterInput;
import dev.apigw.runtime.parameters.ParameterSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code requestParameters} of a WebSocket integration (reference 5.4), parsed once when the
 * gateway is built: targets {@code integration.request.header.NAME}, {@code querystring.NAME} and
 * {@code path.NAME} (the URI's <code>{NAME}</code>), sources as {@link
 * ParameterSource.Side#WEBSOCKET_REQUEST} reads them. A source without a value leaves its target
 * out; a multi-value source gives several query parameters, and one header or path value joined
 * with commas. Immutable and thread-safe.
 */
final class RequestParameters {
    private static final String HEADER = "integration.request.header.";
    private static final String QUERY = "integration.request.querystring.";
    private static final String PATH = "integration.request.path.";

    private final Map<String, ParameterSource> headers = new LinkedHashMap<>();
    private final Map<String, ParameterSource> query = new LinkedHashMap<>();
    private final Map<String, ParameterSource> path = new LinkedHashMap<>();

    /** Parses the mappings, target to source; fails naming one that does not parse. */
    RequestParameters(Map<String, String> mappings) {
        mappings.forEach(
                (target, source) -> {
                    ParameterSource parsed =
                            ParameterSource.parse(source, ParameterSource.Side.WEBSOCKET_REQUEST);
                    if (target.startsWith(HEADER)) {
                        headers.put(target.substring(HEADER.length()), parsed);
                    } else if (target.startsWith(QUERY)) {
                        query.put(target.substring(QUERY.length()), parsed);
                    } else if (target.startsWith(PATH)) {
                        path.put(target.substring(PATH.length()), parsed);
                    } else {
                        throw new IllegalArgumentException("invalid mapping target " + target);
                    }
                });
    }

    /**
     * The mapped values of one call.
     *
     * @param headers the mapped headers
     * @param query the mapped query parameters, name and value, in order
     * @param path the values of the URI's placeholders
     */
    record Mapped(
            Headers headers, List<Map.Entry<String, String>> query, Map<String, String> path) {
        /** Nothing mapped. */
        static final Mapped NONE = new Mapped(Headers.empty(), List.of(), Map.of());
    }

    /** Returns the values of one call. */
    Mapped resolve(ParameterInput input) {
        Headers.Builder mappedHeaders = Headers.builder();
        headers.forEach(
                (name, source) -> {
                    List<String> values = source.values(input);
                    if (!values.isEmpty()) {
                        mappedHeaders.set(name, String.join(",", values));
                    }
                });
        List<Map.Entry<String, String>> mappedQuery = new ArrayList<>();
        query.forEach(
                (name, source) ->
                        source.values(input).forEach(v -> mappedQuery.add(Map.entry(name, v))));
        Map<String, String> mappedPath = new LinkedHashMap<>();
        path.forEach(
                (name, source) -> {
                    List<String> values = source.values(input);
                    if (!values.isEmpty()) {
                        mappedPath.put(name, String.join(",", values));
                    }
                });
        return new Mapped(mappedHeaders.build(), List.copyOf(mappedQuery), mappedPath);
    }
}
