package dev.apigw.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ThrottleSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mapping of a throttle to a token bucket every rate limit store uses (reference 9.4). */
class TokenBucketLimitsTest {
    @Test
    void of_integralRate_refillsThatManyASecond() {
        assertThat(TokenBucketLimits.of(new ThrottleSettings(50, 10)))
                .isEqualTo(new TokenBucketLimits(50, 10, Duration.ofSeconds(1)));
    }

    @Test
    void of_fractionalRate_refillsAThousandTimesItEveryThousandSeconds() {
        assertThat(TokenBucketLimits.of(new ThrottleSettings(5, 0.5)))
                .isEqualTo(new TokenBucketLimits(5, 500, Duration.ofSeconds(1_000)));
        assertThat(TokenBucketLimits.of(new ThrottleSettings(5, 0.0001)).refillTokens())
                .isEqualTo(1);
    }

    @Test
    void of_rateAboveOnePerNanosecond_isCappedThere() {
        assertThat(TokenBucketLimits.of(new ThrottleSettings(1, 1e15)).refillTokens())
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void admitsNothing_onlyForARateOrBurstOfZero() {
        assertThat(TokenBucketLimits.of(new ThrottleSettings(0, 5)).admitsNothing()).isTrue();
        assertThat(TokenBucketLimits.of(new ThrottleSettings(5, 0)).admitsNothing()).isTrue();
        assertThat(TokenBucketLimits.of(new ThrottleSettings(1, 0.0001)).admitsNothing()).isFalse();
    }
}
