package dev.apigw.samples.localserver;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stage settings of a {@code --stage-config} file, in the shape of GetStage's answer (reference
 * 9.1), read by {@link StageConfigReader}: only what the file sets. {@link #applyTo} lays them over
 * the served stage as UpdateStage's patch operations would: each variable and each method setting
 * field given replaces that one value and leaves the others; a {@code methodSettings} entry new to
 * the stage starts from the stage's {@code *}{@code /*} entry (reference 9.1: a method entry shows
 * the {@code *}{@code /*} value of what it does not set itself), else from AWS's defaults.
 *
 * <p>The canary (reference 9.2) serves the stage's canary deployment when the stage has one (a
 * template's), else the stage's own deployment, as AWS makes it when {@code
 * /canarySettings/percentTraffic} is set on a stage without a canary: a spec has one definition, so
 * canary requests differ by their stage variables, {@code $context.isCanaryRequest}, their logs and
 * their metrics.
 */
final class StageConfig {
    /** The key of the settings of every method. */
    static final String ALL = "*/*";

    private final Map<String, String> variables;
    private final Map<String, Consumer<MethodSetting.Builder>> methodSettings;
    private final Boolean cacheClusterEnabled;
    private final String cacheClusterSize;
    private final Canary canary;
    private final Access accessLog;
    private final Boolean tracingEnabled;

    private StageConfig(Builder b) {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        methodSettings = Collections.unmodifiableMap(new LinkedHashMap<>(b.methodSettings));
        cacheClusterEnabled = b.cacheClusterEnabled;
        cacheClusterSize = b.cacheClusterSize;
        canary = b.canary;
        accessLog = b.accessLog;
        tracingEnabled = b.tracingEnabled;
    }

    /** Returns a configuration that sets nothing. */
    static StageConfig empty() {
        return new Builder().build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Returns the stage variables the file sets. */
    Map<String, String> variables() {
        return variables;
    }

    /** Returns the keys of the method settings the file sets. */
    Set<String> methodSettingKeys() {
        return methodSettings.keySet();
    }

    /**
     * Returns the method settings the file sets, each as the fields it sets laid over AWS's
     * defaults.
     */
    Map<String, MethodSetting> methodSettingsOverDefaults() {
        Map<String, MethodSetting> settings = new LinkedHashMap<>();
        methodSettings.forEach(
                (key, fields) -> settings.put(key, MethodSetting.builder().build().copy(fields)));
        return settings;
    }

    /** Returns the access-log format and destination the file sets, if any (null: default). */
    Optional<AccessLogSettings> accessLog(String defaultDestination) {
        if (accessLog == null) {
            return Optional.empty();
        }
        String destination =
                accessLog.destinationArn != null ? accessLog.destinationArn : defaultDestination;
        return Optional.of(new AccessLogSettings(accessLog.format, destination));
    }

    /**
     * Returns the names of the stage-level settings the file sets that only REST stages have:
     * {@code cacheClusterEnabled}, {@code cacheClusterSize}, {@code canarySettings}, {@code
     * tracingEnabled} (reference 11.1: HTTP APIs have no cache, canary or X-Ray).
     */
    List<String> restOnlySettings() {
        List<String> names = new ArrayList<>();
        if (cacheClusterEnabled != null) {
            names.add("cacheClusterEnabled");
        }
        if (cacheClusterSize != null) {
            names.add("cacheClusterSize");
        }
        if (canary != null) {
            names.add("canarySettings");
        }
        if (tracingEnabled != null) {
            names.add("tracingEnabled");
        }
        return names;
    }

    /**
     * Returns {@code stage} with these settings laid over it. {@code restApiId} and {@code region}
     * and {@code accountId} name the default access-log destination, {@code
     * arn:aws:logs:{region}:{accountId}:log-group:API-Gateway-Access-Logs_{restApiId}/{stage}}.
     */
    Stage applyTo(Stage stage, String restApiId, String region, String accountId) {
        Stage.Builder b = stage.toBuilder();
        variables.forEach(b::putVariable);
        Map<String, MethodSetting> settings = new LinkedHashMap<>(stage.methodSettings());
        Consumer<MethodSetting.Builder> all = methodSettings.get(ALL);
        if (all != null) {
            settings.put(
                    ALL, settings.getOrDefault(ALL, MethodSetting.builder().build()).copy(all));
        }
        methodSettings.forEach(
                (key, fields) -> {
                    if (!key.equals(ALL)) {
                        MethodSetting start = settings.get(key);
                        if (start == null) {
                            start = settings.getOrDefault(ALL, MethodSetting.builder().build());
                        }
                        settings.put(key, start.copy(fields));
                    }
                });
        b.methodSettings(settings);
        if (cacheClusterEnabled != null) {
            b.cacheClusterEnabled(cacheClusterEnabled);
        }
        if (cacheClusterSize != null) {
            b.cacheClusterSize(cacheClusterSize);
        }
        if (canary != null) {
            String deploymentId =
                    stage.canarySettings()
                            .map(CanarySettings::deploymentId)
                            .or(stage::deploymentId)
                            .orElseThrow();
            b.canarySettings(
                    new CanarySettings(
                            canary.percentTraffic,
                            deploymentId,
                            canary.stageVariableOverrides,
                            canary.useStageCache));
        }
        if (accessLog != null) {
            String destination =
                    accessLog.destinationArn != null
                            ? accessLog.destinationArn
                            : "arn:aws:logs:"
                                    + region
                                    + ":"
                                    + accountId
                                    + ":log-group:API-Gateway-Access-Logs_"
                                    + restApiId
                                    + "/"
                                    + stage.stageName();
            b.accessLogSettings(new AccessLogSettings(accessLog.format, destination));
        }
        if (tracingEnabled != null) {
            b.tracingEnabled(tracingEnabled);
        }
        return b.build();
    }

    /** The {@code canarySettings} of the file; what it leaves out takes AWS's defaults. */
    static final class Canary {
        private final double percentTraffic;
        private final Map<String, String> stageVariableOverrides;
        private final boolean useStageCache;

        Canary(double percentTraffic, Map<String, String> overrides, boolean useStageCache) {
            this.percentTraffic = percentTraffic;
            this.stageVariableOverrides = Map.copyOf(overrides);
            this.useStageCache = useStageCache;
        }
    }

    /** The {@code accessLogSettings} of the file; a null destination takes the default. */
    static final class Access {
        private final String format;
        private final String destinationArn;

        Access(String format, String destinationArn) {
            this.format = Objects.requireNonNull(format);
            this.destinationArn = destinationArn;
        }
    }

    /** Gathers what {@link StageConfigReader} reads. */
    static final class Builder {
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, Consumer<MethodSetting.Builder>> methodSettings =
                new LinkedHashMap<>();
        private Boolean cacheClusterEnabled;
        private String cacheClusterSize;
        private Canary canary;
        private Access accessLog;
        private Boolean tracingEnabled;

        private Builder() {}

        Builder putVariable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        Builder putMethodSetting(String key, Consumer<MethodSetting.Builder> fields) {
            methodSettings.put(key, fields);
            return this;
        }

        Builder cacheClusterEnabled(boolean enabled) {
            cacheClusterEnabled = enabled;
            return this;
        }

        Builder cacheClusterSize(String size) {
            cacheClusterSize = size;
            return this;
        }

        Builder canary(Canary canary) {
            this.canary = canary;
            return this;
        }

        Builder accessLog(Access accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        Builder tracingEnabled(boolean enabled) {
            tracingEnabled = enabled;
            return this;
        }

        StageConfig build() {
            return new StageConfig(this);
        }
    }
}
