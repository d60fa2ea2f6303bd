package dev.apigw.samples.localserver;

import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line lays over the served stage, in this order: the {@code --stage-config} file
 * ({@link StageConfig}), the {@code --stage-var} values, then the execution-log level. {@code
 * --log-level} sets the {@code loggingLevel} of every {@code methodSettings} entry, {@code *}{@code
 * /*} included (reference 9.1, 10.2); without it the stage keeps its own levels, and a stage that
 * sets none logs at {@code ERROR}, the server's choice (on AWS such a stage writes no execution
 * log; {@code docs/differences.md}). A {@code *}{@code /*} entry made only to carry the level keeps
 * the stage's caching as it was without one: {@code cachingEnabled} is on, so a GET method of a
 * stage with a cache cluster still caches (reference 9.3).
 */
final class StageOverrides {
    private final StageConfig config;
    private final Map<String, String> variables;
    private final LogLevel level;

    private StageOverrides(StageConfig config, Map<String, String> variables, LogLevel level) {
        this.config = Objects.requireNonNull(config);
        this.variables = Map.copyOf(variables);
        this.level = level;
    }

    /** Returns the overrides of the options, reading the {@code --stage-config} file now. */
    static StageOverrides of(ServerOptions options) {
        StageConfig config =
                options.stageConfig().map(StageConfigReader::read).orElse(StageConfig.empty());
        return new StageOverrides(
                config, options.stageVariables(), options.logLevel().orElse(null));
    }

    /** Returns overrides of a configuration, variables and a level (null: the stage's own). */
    static StageOverrides of(StageConfig config, Map<String, String> variables, LogLevel level) {
        return new StageOverrides(config, variables, level);
    }

    /** Returns the configuration read from the file (empty without one). */
    StageConfig config() {
        return config;
    }

    /** Returns the {@code --stage-var} values, laid over the file's. */
    Map<String, String> variables() {
        return variables;
    }

    /** Returns the {@code --log-level} given, if any. */
    Optional<LogLevel> level() {
        return Optional.ofNullable(level);
    }

    /**
     * Returns the REST API with its stage {@code stageName} overridden ({@link HttpStageOverrides}
     * does it for an HTTP API); fails with an {@link IllegalArgumentException} naming what the
     * runtime refuses.
     */
    Api applyTo(Api api, String stageName) {
        Stage stage = api.stage(stageName).orElseThrow();
        Gateway account = api.gateway();
        Stage changed = applyTo(stage, api.restApi().id(), account.region(), account.accountId());
        return api.toBuilder().stage(changed).build();
    }

    /** Returns the stage overridden. */
    Stage applyTo(Stage stage, String restApiId, String region, String accountId) {
        Stage configured = config.applyTo(stage, restApiId, region, accountId);
        Stage.Builder b = configured.toBuilder();
        variables.forEach(b::putVariable);
        b.methodSettings(withLevel(configured));
        return b.build();
    }

    private Map<String, MethodSetting> withLevel(Stage stage) {
        Map<String, MethodSetting> settings = new LinkedHashMap<>(stage.methodSettings());
        LoggingLevel chosen = level != null ? level.loggingLevel() : null;
        if (chosen == null) {
            boolean anyLevel =
                    settings.values().stream().anyMatch(s -> s.loggingLevel().isPresent());
            if (anyLevel) {
                return settings;
            }
            chosen = LoggingLevel.ERROR;
        }
        LoggingLevel value = chosen;
        settings.replaceAll((key, setting) -> setting.copy(b -> b.loggingLevel(value)));
        settings.computeIfAbsent(
                StageConfig.ALL,
                key -> MethodSetting.builder().cachingEnabled(true).loggingLevel(value).build());
        return settings;
    }
}
