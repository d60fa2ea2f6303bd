package dev.apigw.model.openapi;

import dev.apigw.model.MethodResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the names in {@code method.request.*} and {@code method.response.header.*} declarations
 * (reference sections 4.3 and 5.1).
 */
final class ExportNames {
    private static final String REQUEST = "method.request.";
    private static final String RESPONSE_HEADER = "method.response.header.";

    private ExportNames() {}

    /**
     * Returns the OpenAPI {@code in} and name of a request declaration ({@code
     * method.request.querystring.q} is {@code query}, {@code q}); absent for the locations OpenAPI
     * has no place for ({@code multivaluequerystring}, {@code multivalueheader}).
     */
    static Optional<Map.Entry<String, String>> requestParameter(String declaration) {
        if (!declaration.startsWith(REQUEST)) {
            return Optional.empty();
        }
        String rest = declaration.substring(REQUEST.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            return Optional.empty();
        }
        String name = rest.substring(dot + 1);
        switch (rest.substring(0, dot)) {
            case "path":
                return Optional.of(Map.entry("path", name));
            case "querystring":
                return Optional.of(Map.entry("query", name));
            case "header":
                return Optional.of(Map.entry("header", name));
            default:
                return Optional.empty();
        }
    }

    /** Returns the declared response headers by name, with their required flags. */
    static Map<String, Boolean> headers(MethodResponse response) {
        Map<String, Boolean> headers = new LinkedHashMap<>();
        response.responseParameters()
                .forEach(
                        (key, required) -> {
                            if (key.startsWith(RESPONSE_HEADER)
                                    && key.length() > RESPONSE_HEADER.length()) {
                                headers.put(key.substring(RESPONSE_HEADER.length()), required);
                            }
                        });
        return headers;
    }
}
