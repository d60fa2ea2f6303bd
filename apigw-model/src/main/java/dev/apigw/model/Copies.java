package dev.apigw.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable, order-keeping copies for the model's collections (AWS keeps definition order). */
final class Copies {
    private Copies() {}

    static <K, V> Map<K, V> orderedMap(Map<K, V> source) {
        Map<K, V> copy = new LinkedHashMap<>();
        source.forEach(
                (k, v) ->
                        copy.put(
                                Objects.requireNonNull(k, "key"),
                                Objects.requireNonNull(v, () -> "value of " + k)));
        return Collections.unmodifiableMap(copy);
    }

    static <T> List<T> list(List<T> source) {
        List<T> copy = new ArrayList<>(source.size());
        for (T item : source) {
            copy.add(Objects.requireNonNull(item, "list item"));
        }
        return Collections.unmodifiableList(copy);
    }
}
