package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A named stage serving one deployment, with its variables, method settings, canary, cache, access
 * logging and tracing settings (reference section 9.1). Stage settings take effect without
 * redeploying.
 */
public final class Stage {
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern VARIABLE_VALUE =
            Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]{1,512}");

    /** The sizes of a stage cache in GB (reference 9.3). */
    private static final List<String> CACHE_CLUSTER_SIZES =
            List.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");

    private final String stageName;
    private final String deploymentId;
    private final String description;
    private final Map<String, String> variables;
    private final Map<String, MethodSetting> methodSettings;
    private final CanarySettings canarySettings;
    private final boolean cacheClusterEnabled;
    private final String cacheClusterSize;
    private final AccessLogSettings accessLogSettings;
    private final boolean tracingEnabled;
    private final String clientCertificateId;

    private Stage(Builder b) {
        this.stageName = Checks.requireText(b.stageName, "stageName");
        if (!STAGE_NAME.matcher(stageName).matches()) {
            throw new IllegalArgumentException(
                    "stageName '"
                            + stageName
                            + "' may hold only alphanumerics, - and _, up to 128 characters");
        }
        this.deploymentId = b.deploymentId;
        this.description = b.description;
        if (b.variables.size() > 100) {
            throw new IllegalArgumentException(
                    "stage " + stageName + ": at most 100 stage variables");
        }
        b.variables.forEach(
                (k, v) -> {
                    if (!VARIABLE_NAME.matcher(k).matches()) {
                        throw new IllegalArgumentException(
                                "stage "
                                        + stageName
                                        + ": variable name '"
                                        + k
                                        + "' may hold only alphanumerics and _, up to 64 characters");
                    }
                    if (!VARIABLE_VALUE.matcher(v).matches()) {
                        throw new IllegalArgumentException(
                                "stage "
                                        + stageName
                                        + ": value of variable '"
                                        + k
                                        + "' must match [A-Za-z0-9-._~:/?#&=,]+, up to 512 characters");
                    }
                });
        this.variables = Copies.orderedMap(b.variables);
        this.methodSettings = Copies.orderedMap(b.methodSettings);
        this.canarySettings = b.canarySettings;
        this.cacheClusterEnabled = b.cacheClusterEnabled;
        if (b.cacheClusterSize != null && !CACHE_CLUSTER_SIZES.contains(b.cacheClusterSize)) {
            throw new IllegalArgumentException(
                    "stage "
                            + stageName
                            + ": cacheClusterSize '"
                            + b.cacheClusterSize
                            + "' must be one of "
                            + CACHE_CLUSTER_SIZES);
        }
        this.cacheClusterSize = b.cacheClusterSize;
        this.accessLogSettings = b.accessLogSettings;
        this.tracingEnabled = b.tracingEnabled;
        this.clientCertificateId = b.clientCertificateId;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this stage's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public Stage copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the stage name, the first path segment of every request to it. */
    public String stageName() {
        return stageName;
    }

    /** Returns the deployment this stage serves; absent until one is deployed to it. */
    public Optional<String> deploymentId() {
        return Optional.ofNullable(deploymentId);
    }

    /** Returns the description, if set. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Returns the stage variables. */
    public Map<String, String> variables() {
        return variables;
    }

    /** Returns the method settings keyed {@code *}{@code /*} or {@code resourcePath/METHOD}. */
    public Map<String, MethodSetting> methodSettings() {
        return methodSettings;
    }

    /** Returns the canary settings, if a canary is configured. */
    public Optional<CanarySettings> canarySettings() {
        return Optional.ofNullable(canarySettings);
    }

    /** Returns whether the stage cache is enabled. */
    public boolean cacheClusterEnabled() {
        return cacheClusterEnabled;
    }

    /** Returns the cache size in GB (e.g. {@code 0.5}), if set. */
    public Optional<String> cacheClusterSize() {
        return Optional.ofNullable(cacheClusterSize);
    }

    /** Returns the access-log settings, if set. */
    public Optional<AccessLogSettings> accessLogSettings() {
        return Optional.ofNullable(accessLogSettings);
    }

    /** Returns whether X-Ray tracing is on. */
    public boolean tracingEnabled() {
        return tracingEnabled;
    }

    /** Returns the client certificate id for backend mTLS, if set. */
    public Optional<String> clientCertificateId() {
        return Optional.ofNullable(clientCertificateId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stage s
                && stageName.equals(s.stageName)
                && Objects.equals(deploymentId, s.deploymentId)
                && Objects.equals(description, s.description)
                && variables.equals(s.variables)
                && methodSettings.equals(s.methodSettings)
                && Objects.equals(canarySettings, s.canarySettings)
                && cacheClusterEnabled == s.cacheClusterEnabled
                && Objects.equals(cacheClusterSize, s.cacheClusterSize)
                && Objects.equals(accessLogSettings, s.accessLogSettings)
                && tracingEnabled == s.tracingEnabled
                && Objects.equals(clientCertificateId, s.clientCertificateId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stageName, deploymentId, variables);
    }

    @Override
    public String toString() {
        return "Stage[" + stageName + " -> " + deploymentId + "]";
    }

    /** Builds a {@link Stage}. */
    public static final class Builder {
        private String stageName;
        private String deploymentId;
        private String description;
        private Map<String, String> variables = new LinkedHashMap<>();
        private Map<String, MethodSetting> methodSettings = new LinkedHashMap<>();
        private CanarySettings canarySettings;
        private boolean cacheClusterEnabled;
        private String cacheClusterSize;
        private AccessLogSettings accessLogSettings;
        private boolean tracingEnabled;
        private String clientCertificateId;

        private Builder() {}

        private Builder(Stage s) {
            stageName = s.stageName;
            deploymentId = s.deploymentId;
            description = s.description;
            variables = new LinkedHashMap<>(s.variables);
            methodSettings = new LinkedHashMap<>(s.methodSettings);
            canarySettings = s.canarySettings;
            cacheClusterEnabled = s.cacheClusterEnabled;
            cacheClusterSize = s.cacheClusterSize;
            accessLogSettings = s.accessLogSettings;
            tracingEnabled = s.tracingEnabled;
            clientCertificateId = s.clientCertificateId;
        }

        /** Sets the stage name. */
        public Builder stageName(String stageName) {
            this.stageName = stageName;
            return this;
        }

        /** Points the stage at a deployment. */
        public Builder deploymentId(String deploymentId) {
            this.deploymentId = deploymentId;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Replaces the stage variables. */
        public Builder variables(Map<String, String> variables) {
            this.variables = new LinkedHashMap<>(variables);
            return this;
        }

        /** Sets one stage variable. */
        public Builder putVariable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** Replaces the method settings. */
        public Builder methodSettings(Map<String, MethodSetting> methodSettings) {
            this.methodSettings = new LinkedHashMap<>(methodSettings);
            return this;
        }

        /** Sets the settings of {@code *}{@code /*} or of {@code resourcePath/METHOD}. */
        public Builder putMethodSetting(String key, MethodSetting setting) {
            methodSettings.put(key, setting);
            return this;
        }

        /** Sets or clears (null) the canary. */
        public Builder canarySettings(CanarySettings canarySettings) {
            this.canarySettings = canarySettings;
            return this;
        }

        /** Sets whether the stage cache is enabled. */
        public Builder cacheClusterEnabled(boolean cacheClusterEnabled) {
            this.cacheClusterEnabled = cacheClusterEnabled;
            return this;
        }

        /**
         * Sets the cache size in GB, one of {@code 0.5}, {@code 1.6}, {@code 6.1}, {@code 13.5},
         * {@code 28.4}, {@code 58.2}, {@code 118}, {@code 237} (reference 9.3).
         */
        public Builder cacheClusterSize(String cacheClusterSize) {
            this.cacheClusterSize = cacheClusterSize;
            return this;
        }

        /** Sets the access-log settings. */
        public Builder accessLogSettings(AccessLogSettings accessLogSettings) {
            this.accessLogSettings = accessLogSettings;
            return this;
        }

        /** Sets whether X-Ray tracing is on. */
        public Builder tracingEnabled(boolean tracingEnabled) {
            this.tracingEnabled = tracingEnabled;
            return this;
        }

        /** Sets the client certificate id. */
        public Builder clientCertificateId(String clientCertificateId) {
            this.clientCertificateId = clientCertificateId;
            return this;
        }

        /** Validates and builds; fails naming the field. */
        public Stage build() {
            return new Stage(this);
        }
    }
}
