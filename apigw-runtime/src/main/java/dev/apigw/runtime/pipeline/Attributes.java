package dev.apigw.runtime.pipeline;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of typed values keyed by {@link AttributeKey}. A request carries a handful of
 * attributes at most, so they are kept in one small array and copied on write, which costs less
 * than a map at that size.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(new Object[0]);

    /** Keys at even, values at odd indexes. */
    private final Object[] entries;

    private Attributes(Object[] entries) {
        this.entries = entries;
    }

    /** Returns the set with no attribute. */
    public static Attributes empty() {
        return EMPTY;
    }

    /** Returns the value of {@code key}, if set. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(AttributeKey<T> key) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] == key) {
                return Optional.of((T) entries[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** Returns a copy where {@code key} has {@code value}, replacing an earlier value. */
    public <T> Attributes with(AttributeKey<T> key, T value) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value, key.name());
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] == key) {
                Object[] copy = entries.clone();
                copy[i + 1] = value;
                return new Attributes(copy);
            }
        }
        Object[] copy = Arrays.copyOf(entries, entries.length + 2);
        copy[entries.length] = key;
        copy[entries.length + 1] = value;
        return new Attributes(copy);
    }
}
