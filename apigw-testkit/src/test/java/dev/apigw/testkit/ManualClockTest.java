package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private static final Instant START = Instant.parse("2026-03-04T19:15:17.135Z");

    @Test
    void instant_notAdvanced_staysPut() {
        ManualClock clock = ManualClock.startingAt(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void advance_duration_movesEveryView() {
        ManualClock clock = ManualClock.startingAt(START);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMillis(1234));

        assertThat(clock.instant()).isEqualTo(START.plusMillis(1234));
        assertThat(paris.instant()).isEqualTo(START.plusMillis(1234));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void set_instant_jumps() {
        ManualClock clock = ManualClock.startingAt(START);
        Instant later = START.plus(Duration.ofDays(3));

        clock.set(later);

        assertThat(clock.instant()).isEqualTo(later);
    }
}
