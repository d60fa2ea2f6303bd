package dev.apigw.model;

import java.util.Map;

/**
 * A canary release on a stage: the share of requests sent to another deployment, with stage
 * variable overrides (reference section 9.2).
 *
 * @param percentTraffic 0.0 to 100.0
 * @param deploymentId the canary deployment
 * @param stageVariableOverrides variables overridden or added for canary requests
 * @param useStageCache whether canary requests use the stage cache
 */
public record CanarySettings(
        double percentTraffic,
        String deploymentId,
        Map<String, String> stageVariableOverrides,
        boolean useStageCache) {
    /** Validates and copies. */
    public CanarySettings {
        if (!(percentTraffic >= 0.0 && percentTraffic <= 100.0)) {
            throw new IllegalArgumentException(
                    "canarySettings percentTraffic must be between 0.0 and 100.0");
        }
        Checks.requireText(deploymentId, "canarySettings deploymentId");
        stageVariableOverrides = Copies.orderedMap(stageVariableOverrides);
    }
}
