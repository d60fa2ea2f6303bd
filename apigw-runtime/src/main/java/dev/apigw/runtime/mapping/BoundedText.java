package dev.apigw.runtime.mapping;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The text of a template value, built as {@code toString()} builds it ({@code {k=v, k2=v2}} for a
 * map, {@code [a, b]} for a list, compact JSON for a {@link JsonArray}, empty for a {@link
 * ContextEntryMap}) but failing with {@link RenderLimitException} once it passes {@link
 * TemplateEngine#MAX_OUTPUT_CHARS} characters: a list nested in itself forty times ({@code #set($l
 * = [$l, $l])} in a loop) holds 80 elements but prints as 2<sup>40</sup>.
 */
final class BoundedText {
    private final StringBuilder out = new StringBuilder(64);

    private BoundedText() {}

    /** Returns whether printing {@code value} needs a bound: a map or a collection. */
    static boolean needed(Object value) {
        return value instanceof Map || value instanceof Collection;
    }

    /** Returns the text of {@code value}; null for null. */
    static String of(Object value) {
        if (!needed(value)) {
            return value == null ? null : value.toString();
        }
        if (value instanceof JsonArray) {
            return value.toString(); // JsonValues.toJson writes through a bounded writer
        }
        BoundedText text = new BoundedText();
        text.append(value, null);
        return text.out.toString();
    }

    private void append(Object value, Object container) {
        if (value == container && value != null) {
            add(value instanceof Map ? "(this Map)" : "(this Collection)");
        } else if (value instanceof ContextEntryMap || !needed(value)) {
            add(String.valueOf(value));
        } else if (value instanceof JsonArray) {
            add(value.toString());
        } else if (value instanceof Map) {
            appendMap((Map<?, ?>) value);
        } else {
            appendCollection((Collection<?>) value);
        }
    }

    private void appendMap(Map<?, ?> map) {
        add("{");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            append(entry.getKey(), map);
            add("=");
            append(entry.getValue(), map);
            if (entries.hasNext()) {
                add(", ");
            }
        }
        add("}");
    }

    private void appendCollection(Collection<?> collection) {
        add("[");
        Iterator<?> elements = collection.iterator();
        while (elements.hasNext()) {
            append(elements.next(), collection);
            if (elements.hasNext()) {
                add(", ");
            }
        }
        add("]");
    }

    private void add(String text) {
        Sizes.checkText((long) out.length() + text.length(), "printing a collection");
        out.append(text);
    }
}
