package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, as the security steps established it: the API key a method required (reference
 * 8.2). The authorizer's identity and output join here when authorizers do. {@link #ANONYMOUS}
 * until a step establishes something.
 *
 * @param apiKey the caller's valid API key, or null
 */
public record Caller(ApiKey apiKey) {
    /** A caller about whom nothing is established. */
    public static final Caller ANONYMOUS = new Caller(null);

    /** Returns a copy with the caller's API key. */
    public Caller withApiKey(ApiKey apiKey) {
        return new Caller(Objects.requireNonNull(apiKey));
    }

    /** Returns the API key, if a step established one. */
    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }
}
