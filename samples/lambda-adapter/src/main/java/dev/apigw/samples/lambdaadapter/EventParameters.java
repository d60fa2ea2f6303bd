package dev.apigw.samples.lambdaadapter;

import dev.apigw.runtime.Headers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Reads the headers and query parameters of events that carry them as maps, preferring the
 * multi-value map when the event has one, and writes response headers back as maps.
 */
final class EventParameters {
    private EventParameters() {}

    /** Returns headers in the maps' order, each name's values in list order. */
    static Headers headers(Map<String, List<String>> multiValue, Map<String, String> single) {
        Headers.Builder headers = Headers.builder();
        each(multiValue, single, headers::add);
        return headers.build();
    }

    /**
     * Returns a raw query string from parameters API Gateway has already decoded: names and values
     * percent-encoded as UTF-8 (a space as {@code %20}), in the maps' order.
     */
    static String encodedQuery(Map<String, List<String>> multiValue, Map<String, String> single) {
        return query(multiValue, single, EventParameters::percentEncode);
    }

    /**
     * Returns a raw query string from parameters that are still encoded as the client sent them (an
     * ALB does not decode them), joined as they are.
     */
    static String rawQuery(Map<String, List<String>> multiValue, Map<String, String> single) {
        return query(multiValue, single, UnaryOperator.identity());
    }

    /** Returns each header name (first casing) with its values in order. */
    static Map<String, List<String>> multiValueHeaders(Headers headers) {
        return headers.toMultimap();
    }

    /**
     * Returns each header name (first casing) with its values joined by commas, leaving out {@code
     * Set-Cookie}, which cannot be joined.
     */
    static Map<String, String> joinedHeadersWithoutSetCookie(Headers headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        headers.toMultimap()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("Set-Cookie")) {
                                joined.put(name, String.join(",", values));
                            }
                        });
        return joined;
    }

    private static String query(
            Map<String, List<String>> multiValue,
            Map<String, String> single,
            UnaryOperator<String> encoding) {
        StringBuilder query = new StringBuilder();
        each(
                multiValue,
                single,
                (name, value) ->
                        query.append(query.length() == 0 ? "" : "&")
                                .append(encoding.apply(name))
                                .append('=')
                                .append(encoding.apply(value)));
        return query.toString();
    }

    private static void each(
            Map<String, List<String>> multiValue,
            Map<String, String> single,
            BiConsumer<String, String> action) {
        if (multiValue != null) {
            multiValue.forEach(
                    (name, values) -> {
                        if (values != null) {
                            values.forEach(
                                    value -> action.accept(name, value == null ? "" : value));
                        }
                    });
        } else if (single != null) {
            single.forEach((name, value) -> action.accept(name, value == null ? "" : value));
        }
    }

    private static String percentEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
