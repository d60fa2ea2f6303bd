package dev.apigw.model;

import java.util.Map;

/**
 * A stage of an API that a usage plan covers, with per-method throttles keyed {@code /pets/GET}
 * (root: {@code //GET}) (reference section 8.2).
 *
 * @param apiId the REST API id
 * @param stage the stage name
 * @param throttle per-method throttles
 */
public record ApiStage(String apiId, String stage, Map<String, ThrottleSettings> throttle) {
    /** Validates and copies. */
    public ApiStage {
        Checks.requireText(apiId, "apiStage apiId");
        Checks.requireText(stage, "apiStage stage");
        throttle = Copies.orderedMap(throttle);
    }

    /** Returns an API stage without method throttles. */
    public static ApiStage of(String apiId, String stage) {
        return new ApiStage(apiId, stage, Map.of());
    }
}
