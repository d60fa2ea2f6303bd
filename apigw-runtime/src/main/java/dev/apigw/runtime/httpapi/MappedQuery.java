package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.httpapi.ParameterMapping.Action;
import dev.apigw.runtime.integration.UriEncoding;
import dev.apigw.runtime.pipeline.QueryString;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw query string changed by {@code querystring} mappings (reference 5.5): the pairs the client
 * sent stay as they were written, except those of a parameter a mapping overwrites or removes;
 * mapped values are added percent-encoded at the end. Belongs to one call.
 */
final class MappedQuery {
    private final List<String> pairs = new ArrayList<>();
    private final String raw;
    private boolean changed;

    /** Starts from the client's raw query string. */
    MappedQuery(String raw) {
        this.raw = raw;
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                pairs.add(pair);
            }
        }
    }

    /**
     * Applies one mapping: {@code append} adds {@code name=value} (nothing when the value is
     * empty), {@code overwrite} replaces every value of {@code name}, {@code remove} drops them.
     */
    void apply(Action action, String name, String value) {
        changed = true;
        if (action != Action.APPEND) {
            pairs.removeIf(pair -> name.equals(nameOf(pair)));
        }
        if (action == Action.OVERWRITE || action == Action.APPEND && !value.isEmpty()) {
            pairs.add(encode(name) + "=" + encode(value));
        }
    }

    /** Returns the raw query string: the client's as sent when no mapping changed it. */
    String build() {
        return changed ? String.join("&", pairs) : raw;
    }

    private static String nameOf(String pair) {
        int eq = pair.indexOf('=');
        return QueryString.formDecode(eq < 0 ? pair : pair.substring(0, eq));
    }

    private static String encode(String text) {
        return UriEncoding.queryComponent(text);
    }
}
