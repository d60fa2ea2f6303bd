package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code --stage-config} file: GetStage's shape (reference 9.1), bad input named by path. */
class StageConfigReaderTest {
    private static final Stage DEPLOYED =
            Stage.builder().stageName("dev").deploymentId("abc123").putVariable("a", "1").build();

    @TempDir Path dir;

    private static Stage apply(String json) {
        return apply(json, DEPLOYED);
    }

    private static Stage apply(String json, Stage stage) {
        return StageConfigReader.parse(json, "stage.json")
                .applyTo(stage, "api0123456", "us-east-1", "123456789012");
    }

    @Test
    void read_everyField_setsTheServedStage() {
        Stage stage =
                apply(
                        """
                        {"variables": {"backend": "http://localhost:8080", "a": "2"},
                         "methodSettings": {
                           "*/*": {"metricsEnabled": true, "loggingLevel": "INFO",
                                   "dataTraceEnabled": true, "throttlingBurstLimit": 20,
                                   "throttlingRateLimit": 10.5, "cachingEnabled": true,
                                   "cacheTtlInSeconds": 60, "cacheDataEncrypted": true,
                                   "requireAuthorizationForCacheControl": false,
                                   "unauthorizedCacheControlHeaderStrategy": "FAIL_WITH_403"}},
                         "cacheClusterEnabled": true, "cacheClusterSize": "0.5",
                         "canarySettings": {"percentTraffic": 10, "useStageCache": true,
                                            "stageVariableOverrides": {"a": "canary"}},
                         "accessLogSettings": {"format": "$context.requestId $context.status"},
                         "tracingEnabled": true}
                        """);

        assertThat(stage.variables())
                .containsExactly(
                        Map.entry("a", "2"), Map.entry("backend", "http://localhost:8080"));
        MethodSetting all = stage.methodSettings().get("*/*");
        assertThat(all.metricsEnabled()).isTrue();
        assertThat(all.loggingLevel()).contains(LoggingLevel.INFO);
        assertThat(all.dataTraceEnabled()).isTrue();
        assertThat(all.throttle()).isEqualTo(new ThrottleSettings(20, 10.5));
        assertThat(all.cachingEnabled()).isTrue();
        assertThat(all.cacheTtlInSeconds()).isEqualTo(60);
        assertThat(all.cacheDataEncrypted()).isTrue();
        assertThat(all.requireAuthorizationForCacheControl()).isFalse();
        assertThat(all.unauthorizedCacheControlHeaderStrategy())
                .isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
        assertThat(stage.cacheClusterEnabled()).isTrue();
        assertThat(stage.cacheClusterSize()).contains("0.5");
        assertThat(stage.canarySettings())
                .contains(new CanarySettings(10.0, "abc123", Map.of("a", "canary"), true));
        assertThat(stage.accessLogSettings())
                .contains(
                        new AccessLogSettings(
                                "$context.requestId $context.status",
                                "arn:aws:logs:us-east-1:123456789012:log-group:"
                                        + "API-Gateway-Access-Logs_api0123456/dev"));
        assertThat(stage.tracingEnabled()).isTrue();
        assertThat(stage.deploymentId()).contains("abc123");
    }

    @Test
    void read_methodEntry_takesTheStageWideValuesItDoesNotSet() {
        Stage stage =
                apply(
                        """
                        {"methodSettings": {
                           "pets/GET": {"throttlingBurstLimit": 2},
                           "*/*": {"cachingEnabled": true, "throttlingRateLimit": 5}}}
                        """);

        MethodSetting pets = stage.methodSettings().get("pets/GET");
        assertThat(pets.throttle()).isEqualTo(new ThrottleSettings(2, 5.0));
        assertThat(pets.cachingEnabled()).isTrue();
        assertThat(stage.methodSettings().get("*/*").throttle())
                .isEqualTo(new ThrottleSettings(5000, 5.0));
    }

    @Test
    void read_overExistingEntries_changesOnlyTheFieldsGiven() {
        Stage template =
                DEPLOYED.copy(
                        s ->
                                s.putMethodSetting(
                                                "*/*",
                                                MethodSetting.builder()
                                                        .throttlingBurstLimit(7)
                                                        .build())
                                        .canarySettings(
                                                new CanarySettings(5, "can999", Map.of(), false)));

        Stage stage =
                apply(
                        """
                        {"methodSettings": {"*/*": {"loggingLevel": "ERROR"}},
                         "canarySettings": {"percentTraffic": 50}}
                        """,
                        template);

        MethodSetting all = stage.methodSettings().get("*/*");
        assertThat(all.throttle().burstLimit()).isEqualTo(7);
        assertThat(all.loggingLevel()).contains(LoggingLevel.ERROR);
        assertThat(stage.canarySettings())
                .contains(new CanarySettings(50, "can999", Map.of(), false));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "pets/GET|pets/GET",
                "/pets/GET|pets/GET",
                "pets/{petId}/delete|pets/{petId}/DELETE",
                "/GET|/GET",
                "//GET|/GET",
                "*/*|*/*"
            })
    void read_methodSettingsKey_isTheStagesKey(String key, String stageKey) {
        Stage stage = apply("{\"methodSettings\": {\"" + key + "\": {}}}");

        assertThat(stage.methodSettings()).containsKey(stageKey);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"stageName\": \"dev\"}"
                        + "|$.stageName: unknown field; known: accessLogSettings, cacheClusterEnabled,"
                        + " cacheClusterSize, canarySettings, methodSettings, tracingEnabled,"
                        + " variables",
                "{\"methodSettings\": {\"*/*\": {\"throttlingBurstLimit\": -1}}}"
                        + "|$.methodSettings['*/*'].throttlingBurstLimit: must be from 0 to"
                        + " 2147483647, got -1",
                "{\"methodSettings\": {\"*/*\": {\"throttlingRateLimit\": -0.5}}}"
                        + "|$.methodSettings['*/*'].throttlingRateLimit: must not be negative, got"
                        + " -0.5",
                "{\"methodSettings\": {\"*/*\": {\"throttlingRateLimit\": \"10\"}}}"
                        + "|$.methodSettings['*/*'].throttlingRateLimit: must be a number, got the"
                        + " string \"10\"",
                "{\"methodSettings\": {\"pets/GET\": {\"cacheTtlInSeconds\": 3601}}}"
                        + "|$.methodSettings['pets/GET'].cacheTtlInSeconds: must be from 0 to 3600,"
                        + " got 3601",
                "{\"methodSettings\": {\"pets/GET\": {\"cacheTtlInSeconds\": 1.5}}}"
                        + "|$.methodSettings['pets/GET'].cacheTtlInSeconds: must be a whole number"
                        + " from 0 to 3600, got 1.5",
                "{\"methodSettings\": {\"*/*\": {\"loggingLevel\": \"DEBUG\"}}}"
                        + "|$.methodSettings['*/*'].loggingLevel: must be one of [OFF, ERROR, INFO],"
                        + " got \"DEBUG\"",
                "{\"methodSettings\": {\"*/*\": {\"cachingEnabled\": \"yes\"}}}"
                        + "|$.methodSettings['*/*'].cachingEnabled: must be true or false, got the"
                        + " string \"yes\"",
                "{\"methodSettings\": {\"*/*\": {\"throttling\": {}}}}"
                        + "|$.methodSettings['*/*'].throttling: unknown field; known:",
                "{\"methodSettings\": {\"pets\": {}}}"
                        + "|$.methodSettings.pets: the key must be */* or"
                        + " {resourcePath}/{httpMethod}",
                "{\"methodSettings\": {\"*/GET\": {}}}"
                        + "|$.methodSettings['*/GET']: the key must be",
                "{\"methodSettings\": []}|$.methodSettings: must be an object, got array",
                "{\"cacheClusterSize\": \"2\"}"
                        + "|$.cacheClusterSize: must be one of the sizes AWS offers, in GB, as a"
                        + " string: \"0.5\", \"1.6\", \"6.1\", \"13.5\", \"28.4\", \"58.2\","
                        + " \"118\", \"237\"; got \"2\"",
                "{\"cacheClusterSize\": 0.5}|$.cacheClusterSize: must be one of the sizes",
                "{\"cacheClusterEnabled\": 1}|$.cacheClusterEnabled: must be true or false, got 1",
                "{\"canarySettings\": {\"percentTraffic\": 100.5}}"
                        + "|$.canarySettings.percentTraffic: must be from 0.0 to 100.0, got 100.5",
                "{\"canarySettings\": {\"deploymentId\": \"abc\"}}"
                        + "|$.canarySettings.deploymentId: not read: the canary serves",
                "{\"canarySettings\": {\"stageVariableOverrides\": {\"a-b\": \"x\"}}}"
                        + "|$.canarySettings.stageVariableOverrides['a-b']: variable name 'a-b'",
                "{\"variables\": {\"a\": 1}}|$.variables.a: must be a non-empty string, got 1",
                "{\"variables\": {\"a\": \"x y\"}}|$.variables.a: value of variable 'a' must match",
                "{\"accessLogSettings\": {\"format\": \"$context.status\"}}"
                        + "|$.accessLogSettings.format: must contain $context.requestId or"
                        + " $context.extendedRequestId",
                "{\"accessLogSettings\": {\"destinationArn\": \"arn:aws:logs:x\"}}"
                        + "|$.accessLogSettings.format: is required",
                "{\"accessLogSettings\": {\"format\": \"$context.requestId\","
                        + " \"destinationArn\": \"logs\"}}"
                        + "|$.accessLogSettings.destinationArn: must be the ARN",
                "{\"tracingEnabled\": null}|$.tracingEnabled: must be true or false, got null",
                "[]|$: must be a JSON object",
                "{\"variables\": {\"a\": \"1\", \"a\": \"2\"}}|$: not JSON: Duplicate field 'a'",
                "{\"variables\": |$: not JSON: "
            })
    void read_badInput_failsWithUsageNamingTheJsonPath(String json, String message) {
        assertThatThrownBy(() -> StageConfigReader.parse(json, "stage.json"))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> {
                            assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE);
                            assertThat(e.getMessage())
                                    .startsWith("--stage-config stage.json: " + message)
                                    .doesNotContain("\n");
                        });
    }

    @Test
    void read_missingFile_failsNamingIt() {
        Path missing = dir.resolve("none.json");

        assertThatThrownBy(() -> StageConfigReader.read(missing))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.FAILURE))
                .hasMessage("--stage-config " + missing + ": file not found");
    }

    @Test
    void read_file_readsItsJson() throws Exception {
        Path file = dir.resolve("stage.json");
        Files.writeString(file, "{\"tracingEnabled\": true}");

        Stage stage =
                StageConfigReader.read(file).applyTo(DEPLOYED, "api", "us-east-1", "123456789012");

        assertThat(stage.tracingEnabled()).isTrue();
    }

    @Test
    void child_keyThatIsNoName_isQuoted() {
        assertThat(StageConfigReader.child("$", "variables")).isEqualTo("$.variables");
        assertThat(StageConfigReader.child("$.m", "*/*")).isEqualTo("$.m['*/*']");
        assertThat(StageConfigReader.child("$.m", "it's")).isEqualTo("$.m['it\\'s']");
    }
}
