package dev.apigw.runtime.pipeline;

import java.util.Objects;

/**
 * The typed key of one kind of feature data an {@link Exchange} carries (AWS SDK v2's {@code
 * ExecutionAttribute}, Armeria's {@code AttributeKey}): a feature declares its key once, as a
 * constant next to its step, and only code that sees the constant reads or writes the value. Keys
 * compare by identity, so two features can never collide on a name.
 *
 * @param <T> the type of the value
 */
public final class AttributeKey<T> {
    private final String name;

    private AttributeKey(String name) {
        this.name = Objects.requireNonNull(name);
    }

    /** Returns a new key; {@code name} only appears in messages. */
    public static <T> AttributeKey<T> of(String name) {
        return new AttributeKey<>(name);
    }

    /** Returns the name given at creation. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "AttributeKey[" + name + "]";
    }
}
