package dev.apigw.model;

import java.util.LinkedHashMap;
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

    /**
     * Returns a new builder: no traffic (0.0), no overrides, no stage cache, and no deployment id
     * until one is set (a canary release deployment sets its own, reference 9.2).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        return new Builder()
                .percentTraffic(percentTraffic)
                .deploymentId(deploymentId)
                .stageVariableOverrides(stageVariableOverrides)
                .useStageCache(useStageCache);
    }

    /** Builds {@link CanarySettings}. */
    public static final class Builder {
        private double percentTraffic;
        private String deploymentId;
        private Map<String, String> stageVariableOverrides = new LinkedHashMap<>();
        private boolean useStageCache;

        private Builder() {}

        /** Sets the share of requests the canary serves, 0.0 to 100.0. */
        public Builder percentTraffic(double percentTraffic) {
            this.percentTraffic = percentTraffic;
            return this;
        }

        /** Sets the canary's deployment. */
        public Builder deploymentId(String deploymentId) {
            this.deploymentId = deploymentId;
            return this;
        }

        /** Replaces the stage variables overridden or added for canary requests. */
        public Builder stageVariableOverrides(Map<String, String> overrides) {
            this.stageVariableOverrides = new LinkedHashMap<>(overrides);
            return this;
        }

        /** Overrides or adds one stage variable for canary requests. */
        public Builder putStageVariableOverride(String name, String value) {
            stageVariableOverrides.put(name, value);
            return this;
        }

        /** Sets whether canary requests use the stage cache. */
        public Builder useStageCache(boolean useStageCache) {
            this.useStageCache = useStageCache;
            return this;
        }

        /** Validates and builds; fails naming the field. */
        public CanarySettings build() {
            return new CanarySettings(
                    percentTraffic, deploymentId, stageVariableOverrides, useStageCache);
        }
    }
}
