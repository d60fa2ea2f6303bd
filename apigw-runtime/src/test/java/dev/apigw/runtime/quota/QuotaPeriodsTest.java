package dev.apigw.runtime.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The UTC calendar of quotas (reference 8.2: period boundaries unconfirmed, our choice). */
class QuotaPeriodsTest {
    @ParameterizedTest
    @CsvSource({
        "DAY, 2026-01-01, 2026-01-01",
        "WEEK, 2026-01-01, 2025-12-28",
        "WEEK, 2026-01-03, 2025-12-28",
        "WEEK, 2026-01-04, 2026-01-04",
        "WEEK, 2026-01-10, 2026-01-04",
        "MONTH, 2026-02-28, 2026-02-01",
        "MONTH, 2024-02-29, 2024-02-01",
        "MONTH, 2026-03-01, 2026-03-01"
    })
    void periodStart_day_isTheFirstDayOfItsPeriod(
            QuotaPeriodType type, LocalDate day, LocalDate start) {
        assertThat(QuotaPeriods.periodStart(type, day)).isEqualTo(start);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01T23:59:59.999Z, 2026-01-01", "2026-01-02T00:00:00Z, 2026-01-02"})
    void day_instant_isItsUtcDate(Instant instant, LocalDate day) {
        assertThat(QuotaPeriods.day(instant)).isEqualTo(day);
    }

    /** Seeded random days: a period starts on or before the day, within the period's length. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void periodStart_randomDays_startOnTheirBoundary(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextInt(40_000));
            LocalDate week = QuotaPeriods.periodStart(QuotaPeriodType.WEEK, day);
            LocalDate month = QuotaPeriods.periodStart(QuotaPeriodType.MONTH, day);
            assertThat(week.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(week).isBeforeOrEqualTo(day).isAfter(day.minusDays(7));
            assertThat(month.getDayOfMonth()).isEqualTo(1);
            assertThat(month.getMonth()).isEqualTo(day.getMonth());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2025-12-28, 2026-01-01T10:00:00Z, 7",
        "2026-01-04, 2026-01-01T10:00:00Z, 10",
        "2026-01-04, 2026-01-04T00:00:00Z, 7",
        "2025-12-28, 2026-01-03T23:59:59Z, 7"
    })
    void limit_offset_isSubtractedInThePlansInitialPeriodOnly(
            LocalDate periodStart, Instant planStart, long expected) {
        QuotaSettings quota = new QuotaSettings(10, 3, QuotaPeriodType.WEEK);

        assertThat(QuotaPeriods.limit(quota, periodStart, planStart)).isEqualTo(expected);
    }
}
