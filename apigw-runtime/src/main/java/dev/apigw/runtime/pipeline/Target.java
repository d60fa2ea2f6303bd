package dev.apigw.runtime.pipeline;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import java.util.Optional;

/**
 * What a request was routed to, as the steps every kind of API shares read it: a REST API's
 * resource method today, an HTTP API route or a WebSocket route later. Steps particular to one kind
 * of API read its own type through {@link Exchange#target(Class)}.
 */
public interface Target {
    /**
     * Returns the key of this target's settings in its stage: {@code {resourcePath}/{httpMethod}}
     * for a REST method (reference 9.1: {@code test/GET}, the resource path without its leading
     * slash), the route key for an HTTP API route.
     */
    String settingsKey();

    /** Returns how callers are authorized (reference 8). */
    AuthorizationType authorizationType();

    /** Returns whether a caller must present an API key (reference 8.2). */
    boolean apiKeyRequired();

    /** Returns the target as messages name it ({@code /pets/{id} GET}). */
    String place();

    /**
     * Returns the stage's method settings for this target: its own entry, else the stage-wide
     * {@code *}{@code /*} entry (reference 9.1: a specific method entry overrides {@code *}{@code
     * /*}).
     */
    default Optional<MethodSetting> methodSetting(Stage stage) {
        MethodSetting own = stage.methodSettings().get(settingsKey());
        return Optional.ofNullable(own != null ? own : stage.methodSettings().get("*/*"));
    }
}
