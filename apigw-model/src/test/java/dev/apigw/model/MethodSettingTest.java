package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stage method settings and the defaults AWS materialises (reference 9.1 and 9.3). */
class MethodSettingTest {

    @Test
    void build_nothingSet_hasAwsDefaults() {
        MethodSetting s = MethodSetting.builder().build();

        assertThat(s.cacheDataEncrypted()).isFalse();
        assertThat(s.cacheTtlInSeconds()).isEqualTo(300);
        assertThat(s.dataTraceEnabled()).isFalse();
        assertThat(s.metricsEnabled()).isFalse();
        assertThat(s.requireAuthorizationForCacheControl()).isTrue();
        assertThat(s.throttle()).isEqualTo(new ThrottleSettings(5000, 10000.0));
        assertThat(s.unauthorizedCacheControlHeaderStrategy())
                .isEqualTo(UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
        assertThat(s.cachingEnabled()).isFalse();
        assertThat(s.loggingLevel()).isEmpty();
    }

    @Test
    void build_everythingSet_isKept() {
        MethodSetting s =
                MethodSetting.builder()
                        .metricsEnabled(true)
                        .loggingLevel(LoggingLevel.INFO)
                        .dataTraceEnabled(true)
                        .throttlingBurstLimit(124)
                        .throttlingRateLimit(2.5)
                        .cachingEnabled(true)
                        .cacheTtlInSeconds(60)
                        .cacheDataEncrypted(true)
                        .requireAuthorizationForCacheControl(false)
                        .unauthorizedCacheControlHeaderStrategy(
                                UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403)
                        .build();

        assertThat(s.metricsEnabled()).isTrue();
        assertThat(s.loggingLevel()).contains(LoggingLevel.INFO);
        assertThat(s.dataTraceEnabled()).isTrue();
        assertThat(s.throttle()).isEqualTo(new ThrottleSettings(124, 2.5));
        assertThat(s.cachingEnabled()).isTrue();
        assertThat(s.cacheTtlInSeconds()).isEqualTo(60);
        assertThat(s.cacheDataEncrypted()).isTrue();
        assertThat(s.requireAuthorizationForCacheControl()).isFalse();
        assertThat(s.unauthorizedCacheControlHeaderStrategy())
                .isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 1, 300, 3600})
    void build_ttlInRange_isKept(int ttl) {
        assertThat(MethodSetting.builder().cacheTtlInSeconds(ttl).build().cacheTtlInSeconds())
                .isEqualTo(ttl);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 3601, 86_400})
    void build_ttlOutOfRange_throwsNamingField(int ttl) {
        assertThatThrownBy(() -> MethodSetting.builder().cacheTtlInSeconds(ttl).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cacheTtlInSeconds must be between 0 and 3600, was " + ttl);
    }

    @Test
    void build_negativeThrottle_throws() {
        assertThatThrownBy(() -> MethodSetting.builder().throttlingBurstLimit(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodSetting.builder().throttlingRateLimit(-0.5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodSetting.builder().throttlingRateLimit(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_zeroThrottle_isAccepted() {
        assertThat(
                        MethodSetting.builder()
                                .throttlingBurstLimit(0)
                                .throttlingRateLimit(0)
                                .build()
                                .throttle())
                .isEqualTo(new ThrottleSettings(0, 0));
    }

    @Test
    void toBuilder_roundTripAndChange() {
        MethodSetting original =
                MethodSetting.builder().throttlingBurstLimit(124).cachingEnabled(true).build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        MethodSetting changed = original.toBuilder().throttlingBurstLimit(100).build();
        assertThat(changed).isNotEqualTo(original);
        assertThat(changed.cachingEnabled()).isTrue();
        assertThat(original.throttle().burstLimit()).isEqualTo(124);
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        MethodSetting original =
                MethodSetting.builder()
                        .throttlingBurstLimit(124)
                        .throttlingRateLimit(12.5)
                        .loggingLevel(LoggingLevel.INFO)
                        .build();

        MethodSetting changed = original.copy(b -> b.cachingEnabled(true));

        assertThat(changed.cachingEnabled()).isTrue();
        assertThat(changed.throttle()).isEqualTo(original.throttle());
        assertThat(changed.loggingLevel()).contains(LoggingLevel.INFO);
        assertThat(original.cachingEnabled()).isFalse();
        assertThat(original.copy(b -> {})).isEqualTo(original);
    }
}
