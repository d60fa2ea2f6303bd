package dev.apigw.runtime.mapping;

import java.util.ArrayList;

/**
 * A JSON array as a template sees it (reference 1.3): a list that navigates like any Java list
 * ({@code $l[0]}, {@code .size()}, {@code #foreach}) but prints as compact JSON ({@code
 * [{"foo":"bar"}]}), also inside a map that prints Java-map style.
 */
public final class JsonArray extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    JsonArray(int capacity) {
        super(capacity);
    }

    /** Returns the list as compact JSON. */
    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
