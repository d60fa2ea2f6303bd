package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the command line lays over the served stage (reference 9.1, 10.2). */
class StageOverridesTest {
    private static final Stage STAGE =
            Stage.builder()
                    .stageName("dev")
                    .deploymentId("abc123")
                    .putMethodSetting(
                            "pets/GET", MethodSetting.builder().throttlingBurstLimit(3).build())
                    .build();

    private static Stage apply(StageOverrides overrides, Stage stage) {
        return overrides.applyTo(stage, "api", "us-east-1", "123456789012");
    }

    @Test
    void logLevel_given_setsEveryEntryAndTheStageWideOne() {
        Stage stage = apply(StageOverrides.of(StageConfig.empty(), Map.of(), LogLevel.INFO), STAGE);

        assertThat(stage.methodSettings().get("pets/GET").loggingLevel())
                .contains(LoggingLevel.INFO);
        assertThat(stage.methodSettings().get("pets/GET").throttle().burstLimit()).isEqualTo(3);
        assertThat(stage.methodSettings().get("*/*").loggingLevel()).contains(LoggingLevel.INFO);
    }

    @Test
    void logLevel_given_overridesTheStagesOwnLevels() {
        Stage own =
                STAGE.copy(
                        s ->
                                s.putMethodSetting(
                                        "*/*",
                                        MethodSetting.builder()
                                                .loggingLevel(LoggingLevel.INFO)
                                                .build()));

        Stage stage = apply(StageOverrides.of(StageConfig.empty(), Map.of(), LogLevel.OFF), own);

        assertThat(stage.methodSettings().values())
                .allSatisfy(s -> assertThat(s.loggingLevel()).contains(LoggingLevel.OFF));
    }

    @Test
    void logLevel_notGiven_keepsTheStagesOwnLevels() {
        Stage own =
                STAGE.copy(
                        s ->
                                s.putMethodSetting(
                                        "pets/GET",
                                        MethodSetting.builder()
                                                .loggingLevel(LoggingLevel.INFO)
                                                .build()));

        Stage stage = apply(StageOverrides.of(StageConfig.empty(), Map.of(), null), own);

        assertThat(stage.methodSettings()).containsOnlyKeys("pets/GET");
        assertThat(stage.methodSettings().get("pets/GET").loggingLevel())
                .contains(LoggingLevel.INFO);
    }

    @Test
    void logLevel_notGivenAndStageSetsNone_logsErrors() {
        Stage stage = apply(StageOverrides.of(StageConfig.empty(), Map.of(), null), STAGE);

        assertThat(stage.methodSettings().values())
                .allSatisfy(s -> assertThat(s.loggingLevel()).contains(LoggingLevel.ERROR));
        assertThat(stage.methodSettings()).containsKey("*/*");
    }

    @Test
    void stageWideEntryMadeForTheLevel_keepsGetCachingOn() {
        Stage stage = apply(StageOverrides.of(StageConfig.empty(), Map.of(), LogLevel.INFO), STAGE);

        MethodSetting all = stage.methodSettings().get("*/*");
        assertThat(all.cachingEnabled()).isTrue();
        assertThat(all.throttle()).isEqualTo(MethodSetting.builder().build().throttle());
    }

    @Test
    void stageVarFlags_winOverTheFilesVariables() {
        StageConfig config = StageConfigReader.parse("{\"variables\": {\"a\": \"file\"}}", "f");

        Stage stage = apply(StageOverrides.of(config, Map.of("a", "flag"), null), STAGE);

        assertThat(stage.variables()).containsEntry("a", "flag");
    }
}
