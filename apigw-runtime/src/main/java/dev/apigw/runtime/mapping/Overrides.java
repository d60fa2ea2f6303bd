package dev.apigw.runtime.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code $context.requestOverride} and {@code $context.responseOverride} of one request
 * (reference 1.6): writable in request and response templates alike, and what one template set is
 * readable in the next. The pipeline applies them after the parameter mappings and after the whole
 * template ran. Belongs to one request: not thread-safe.
 */
public final class Overrides {
    private OverrideMap requestOverride;
    private OverrideMap responseOverride;

    /** Returns empty overrides. */
    public Overrides() {}

    /**
     * Returns {@code $context.requestOverride}: {@code header}, {@code path}, {@code querystring}.
     */
    public Map<String, Object> requestOverride() {
        if (requestOverride == null) {
            requestOverride = OverrideMap.ofNames();
            requestOverride.preset("header", OverrideMap.ofHeaders());
            requestOverride.preset("path", OverrideMap.ofNames());
            requestOverride.preset("querystring", OverrideMap.ofNames());
        }
        return requestOverride;
    }

    /**
     * Returns {@code $context.responseOverride}: {@code header}, {@code status}, any custom key.
     */
    public Map<String, Object> responseOverride() {
        if (responseOverride == null) {
            responseOverride = OverrideMap.ofNames();
            responseOverride.preset("header", OverrideMap.ofHeaders());
        }
        return responseOverride;
    }

    /** Returns the request header overrides; a list value gives several values. */
    public Map<String, List<String>> requestHeaders() {
        return values(requestOverride, "header");
    }

    /** Returns the URI path parameter overrides; a list value is joined with commas. */
    public Map<String, String> requestPath() {
        Map<String, List<String>> values = values(requestOverride, "path");
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, String> joined = new LinkedHashMap<>();
        values.forEach((name, v) -> joined.put(name, String.join(",", v)));
        return joined;
    }

    /** Returns the query string overrides; a list value gives several values. */
    public Map<String, List<String>> requestQuerystring() {
        return values(requestOverride, "querystring");
    }

    /** Returns the response header overrides; a list value gives several values. */
    public Map<String, List<String>> responseHeaders() {
        return values(responseOverride, "header");
    }

    /** Returns the value {@code responseOverride.status} was set to, if it was set. */
    public Optional<Object> responseStatusValue() {
        return Optional.ofNullable(
                responseOverride == null ? null : responseOverride.get("status"));
    }

    /**
     * Returns {@code responseOverride.status} when it was set to an integer (a number, or text that
     * parses as one); any other value is ignored. The range check is the caller's.
     */
    public OptionalInt responseStatus() {
        Object status = responseStatusValue().orElse(null);
        try {
            if (status instanceof Number || status instanceof CharSequence) {
                return OptionalInt.of(new BigDecimal(status.toString().trim()).intValueExact());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static Map<String, List<String>> values(OverrideMap parent, String kind) {
        if (parent == null || !(parent.get(kind) instanceof Map)) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        ((Map<?, ?>) parent.get(kind))
                .forEach(
                        (name, value) -> {
                            List<String> strings = strings(value);
                            if (!strings.isEmpty()) {
                                result.put(String.valueOf(name), strings);
                            }
                        });
        return result;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                if (element != null) {
                    strings.add(element.toString());
                }
            }
        } else if (value != null) {
            strings.add(value.toString());
        }
        return strings;
    }
}
