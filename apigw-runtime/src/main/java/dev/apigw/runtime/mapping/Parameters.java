package dev.apigw.runtime.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request parameters {@code $input.params()} shows (reference 1.3): path, query string and
 * header values, one value per name, without the headers API Gateway hides.
 *
 * @param path path parameters
 * @param querystring query string parameters
 * @param header headers
 */
public record Parameters(
        Map<String, String> path, Map<String, String> querystring, Map<String, String> header) {
    /** Checks that no field is null; keeps the maps' own iteration order. */
    public Parameters {
        path = Collections.unmodifiableMap(Objects.requireNonNull(path));
        querystring = Collections.unmodifiableMap(Objects.requireNonNull(querystring));
        header = Collections.unmodifiableMap(Objects.requireNonNull(header));
    }

    /** Returns no parameters at all. */
    public static Parameters none() {
        return new Parameters(Map.of(), Map.of(), Map.of());
    }

    /** Returns {@code path}, {@code querystring} and {@code header}, in that order. */
    Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>(4);
        all.put("path", path);
        all.put("querystring", querystring);
        all.put("header", header);
        return all;
    }
}
