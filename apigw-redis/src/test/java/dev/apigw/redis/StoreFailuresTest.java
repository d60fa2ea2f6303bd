package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The failures of a Redis store: every one counted and metered, at most one line an interval. */
class StoreFailuresTest {
    private static final RedisException DOWN = new RedisException("Currently not connected");

    @Test
    void record_manyFailuresInOneInterval_logsOnceAndCountsAll() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StoreFailures failures =
                new StoreFailures("usage", FailurePolicy.CLOSED, Duration.ofHours(1), meters);

        long logged = IntStream.range(0, 1_000).filter(i -> failures.record(DOWN)).count();

        assertThat(logged).isEqualTo(1);
        assertThat(failures.count()).isEqualTo(1_000);
        assertThat(
                        meters.get("apigw.redis.failures")
                                .tags("store", "usage", "policy", "closed")
                                .counter()
                                .count())
                .isEqualTo(1_000);
    }

    @Test
    void record_intervalPassed_logsAgain() {
        StoreFailures failures =
                new StoreFailures("rate-limit", FailurePolicy.OPEN, Duration.ZERO, null);

        assertThat(failures.record(DOWN)).isTrue();
        assertThat(failures.record(DOWN)).isTrue();
        failures.succeeded();
        assertThat(failures.count()).isEqualTo(2);
    }
}
