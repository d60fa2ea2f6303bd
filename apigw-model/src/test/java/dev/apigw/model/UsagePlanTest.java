package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage plans: stages covered, keys, throttle and quota (reference 8.2 and 9.4). */
class UsagePlanTest {

    @Test
    void covers_onlyListedApiAndStage() {
        UsagePlan plan =
                UsagePlan.builder()
                        .name("gold")
                        .addApiStage("api1", "prod")
                        .addApiStage("api2", "dev")
                        .build();

        assertThat(plan.covers("api1", "prod")).isTrue();
        assertThat(plan.covers("api2", "dev")).isTrue();
        assertThat(plan.covers("api1", "dev")).isFalse();
        assertThat(plan.covers("api2", "prod")).isFalse();
        assertThat(plan.covers("api3", "prod")).isFalse();
    }

    @Test
    void addApiKey_keepsKeyIds() {
        ApiKey a = ApiKey.of("a".repeat(20));
        ApiKey b = ApiKey.of("b".repeat(20));

        UsagePlan plan =
                UsagePlan.builder().name("p").addApiKey(a).addApiKey(b).addApiKey(a).build();

        assertThat(plan.apiKeyIds()).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void build_defaults_noThrottleNoQuotaNoStages() {
        UsagePlan plan = UsagePlan.builder().name("basic").build();

        assertThat(plan.throttle()).isEmpty();
        assertThat(plan.quota()).isEmpty();
        assertThat(plan.apiStages()).isEmpty();
        assertThat(plan.apiKeyIds()).isEmpty();
        assertThat(plan.id()).hasSize(6).isEqualTo(UsagePlan.builder().name("basic").build().id());
    }

    @Test
    void build_noName_throwsNamingField() {
        assertThatThrownBy(() -> UsagePlan.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usagePlan name is required");
    }

    @Test
    void build_throttleAndQuota_areKept() {
        UsagePlan plan =
                UsagePlan.builder()
                        .name("p")
                        .throttle(new ThrottleSettings(10, 5.0))
                        .quota(new QuotaSettings(1000, 0, QuotaPeriodType.DAY))
                        .build();

        assertThat(plan.throttle()).contains(new ThrottleSettings(10, 5.0));
        assertThat(plan.quota()).contains(new QuotaSettings(1000, 0, QuotaPeriodType.DAY));
    }

    @Test
    void quotaSettings_negativeOrNoPeriod_throws() {
        assertThatThrownBy(() -> new QuotaSettings(-1, 0, QuotaPeriodType.WEEK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaSettings(5, -1, QuotaPeriodType.MONTH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaSettings(5, 0, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void apiStage_methodThrottles_areKeptAndBlankIdsRejected() {
        ApiStage stage =
                new ApiStage("api1", "prod", Map.of("/pets/GET", new ThrottleSettings(1, 1.0)));

        assertThat(stage.throttle()).containsOnlyKeys("/pets/GET");
        assertThatThrownBy(() -> ApiStage.of(" ", "prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiStage apiId is required");
        assertThatThrownBy(() -> ApiStage.of("api1", "")).hasMessage("apiStage stage is required");
    }

    @Test
    void toBuilder_roundTripAndChange() {
        UsagePlan original =
                UsagePlan.builder()
                        .name("p")
                        .description("d")
                        .addApiStage("api1", "prod")
                        .throttle(new ThrottleSettings(3, 3.0))
                        .addApiKey(ApiKey.of("c".repeat(25)))
                        .build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        UsagePlan changed = original.toBuilder().addApiStage("api1", "dev").build();
        assertThat(changed.covers("api1", "dev")).isTrue();
        assertThat(original.covers("api1", "dev")).isFalse();
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        UsagePlan original =
                UsagePlan.builder()
                        .name("p")
                        .description("d")
                        .addApiStage("api1", "prod")
                        .throttle(new ThrottleSettings(3, 3.0))
                        .addApiKey(ApiKey.of("c".repeat(25)))
                        .build();

        UsagePlan changed = original.copy(b -> b.description("gold"));

        assertThat(changed.description()).contains("gold");
        assertThat(changed.id()).isEqualTo(original.id());
        assertThat(changed.apiStages()).isEqualTo(original.apiStages());
        assertThat(changed.throttle()).isEqualTo(original.throttle());
        assertThat(changed.apiKeyIds()).isEqualTo(original.apiKeyIds());
        assertThat(original.description()).contains("d");
    }
}
