package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An API key: a value callers send in {@code x-api-key}; it counts only while enabled and in a
 * usage plan of the stage (reference section 8.2).
 */
public final class ApiKey {
    private final String id;
    private final String name;
    private final String value;
    private final boolean enabled;
    private final String description;

    private ApiKey(Builder b) {
        this.value = Checks.requireText(b.value, "apiKey value");
        if (value.length() < 20 || value.length() > 128) {
            throw new IllegalArgumentException("apiKey value must be 20 to 128 characters long");
        }
        this.name = b.name != null ? b.name : "key";
        this.id = b.id != null ? b.id : StableIds.of("apikey:" + value, 10);
        this.enabled = b.enabled;
        this.description = b.description;
    }

    /** Returns a new builder; keys are enabled by default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns an enabled key with this value. */
    public static ApiKey of(String value) {
        return builder().value(value).build();
    }

    /** Returns a builder holding this key's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy built from {@link #toBuilder()} with the changes the consumer makes, e.g.
     * {@code key.copy(b -> b.enabled(false))}; this instance does not change.
     */
    public ApiKey copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the key id ({@code $context.identity.apiKeyId}). */
    public String id() {
        return id;
    }

    /** Returns the key name. */
    public String name() {
        return name;
    }

    /** Returns the key value ({@code $context.identity.apiKey}). */
    public String value() {
        return value;
    }

    /** Returns whether the key is enabled. */
    public boolean enabled() {
        return enabled;
    }

    /** Returns the description, if set. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k
                && id.equals(k.id)
                && name.equals(k.name)
                && value.equals(k.value)
                && enabled == k.enabled
                && Objects.equals(description, k.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, value, enabled);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + " " + name + (enabled ? "" : " disabled") + "]";
    }

    /** Builds an {@link ApiKey}. */
    public static final class Builder {
        private String id;
        private String name;
        private String value;
        private boolean enabled = true;
        private String description;

        private Builder() {}

        private Builder(ApiKey k) {
            id = k.id;
            name = k.name;
            value = k.value;
            enabled = k.enabled;
            description = k.description;
        }

        /** Sets the id (by default derived from the value). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the value, 20 to 128 characters. */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /** Sets whether the key is enabled. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Validates and builds. */
        public ApiKey build() {
            return new ApiKey(this);
        }
    }
}
