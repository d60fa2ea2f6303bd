package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canary settings of a stage (reference 9.2). */
class CanarySettingsTest {
    @Test
    void build_everyField_isKept() {
        CanarySettings canary =
                CanarySettings.builder()
                        .percentTraffic(10.0)
                        .deploymentId("abc123")
                        .putStageVariableOverride("color", "green")
                        .useStageCache(true)
                        .build();

        assertThat(canary)
                .isEqualTo(new CanarySettings(10.0, "abc123", Map.of("color", "green"), true));
        assertThat(canary.toBuilder().build()).isEqualTo(canary);
    }

    @Test
    void build_nothingButTheDeployment_isNoTrafficNoOverridesNoCache() {
        CanarySettings canary = CanarySettings.builder().deploymentId("abc123").build();

        assertThat(canary.percentTraffic()).isZero();
        assertThat(canary.stageVariableOverrides()).isEmpty();
        assertThat(canary.useStageCache()).isFalse();
    }

    @Test
    void build_noDeployment_failsNamingIt() {
        assertThatThrownBy(() -> CanarySettings.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("canarySettings deploymentId is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {-0.1, 100.1, Double.NaN})
    void build_percentTrafficOutOfRange_fails(double percent) {
        assertThatThrownBy(
                        () ->
                                CanarySettings.builder()
                                        .deploymentId("abc123")
                                        .percentTraffic(percent)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0.0 and 100.0");
    }
}
