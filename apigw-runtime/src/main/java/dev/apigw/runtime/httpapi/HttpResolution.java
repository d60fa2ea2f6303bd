package dev.apigw.runtime.httpapi;

import dev.apigw.model.HttpStage;
import dev.apigw.runtime.pipeline.AttributeKey;
import java.util.Objects;

/**
 * Which stage of an HTTP API serves a request, and the request's path without the stage's prefix
 * (reference 7.2; {@code $request.path} of parameter mappings, reference 5.5).
 *
 * @param stage the stage
 * @param path the path after the stage prefix; the whole path on the {@code $default} stage
 */
public record HttpResolution(HttpStage stage, String path) {
    /** Where the HTTP API steps keep the resolution in an exchange. */
    public static final AttributeKey<HttpResolution> KEY = AttributeKey.of("httpApiResolution");

    /** Checks the parts. */
    public HttpResolution {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(path);
    }

    /** Returns the stage's name ({@code $default} included). */
    public String stageName() {
        return stage.stageName();
    }
}
