package dev.apigw.runtime.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code $input} of a mapping template (reference 1.3): the payload as text and the request
 * parameters. Public for Velocity's introspection.
 */
public final class Input {
    private final String body;
    private final Map<String, Map<String, String>> params;

    /**
     * Creates the variable.
     *
     * @param body the payload as text; an empty request payload is seen as {@code {}}
     * @param path path parameters
     * @param querystring query string parameters (last value of each)
     * @param header headers (one value each)
     */
    public Input(String body, Map<String, String> path, Map<String, String> querystring,
            Map<String, String> header) {
        this.body = body.isEmpty() ? "{}" : body;
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("path", Objects.requireNonNull(path));
        all.put("querystring", Objects.requireNonNull(querystring));
        all.put("header", Objects.requireNonNull(header));
        this.params = all;
    }

    /** Returns {@code $input.body}: the raw payload text. */
    public String getBody() {
        return body;
    }

    /** Returns {@code $input.params()}: {@code path}, {@code querystring}, {@code header}. */
    public Map<String, Map<String, String>> params() {
        return params;
    }

    /**
     * Returns {@code $input.params(x)}: the value of {@code x} from the path, else the query
     * string, else the headers; empty text when absent.
     */
    public String params(String name) {
        for (Map<String, String> values : params.values()) {
            String value = values.get(name);
            if (value != null) {
                return value;
            }
        }
        return "";
    }
}
