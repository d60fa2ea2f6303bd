package dev.apigw.runtime.quota;

import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar of usage-plan quotas (reference 8.2, whose period boundaries are unconfirmed): every
 * period in UTC; a DAY starts at 00:00, a WEEK on Sunday at 00:00 (the older SDK documentation
 * numbers a WEEK's days from 0 = Sunday), a MONTH on its 1st at 00:00. A quota's {@code offset} is
 * subtracted from the limit of the plan's initial period only (the current API reference: "the
 * number of requests subtracted from the given limit in the initial time period"). Internal.
 */
public final class QuotaPeriods {
    private QuotaPeriods() {}

    /** Returns the UTC day of an instant. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Returns the first day of the period of {@code type} that {@code day} falls in. */
    public static LocalDate periodStart(QuotaPeriodType type, LocalDate day) {
        switch (type) {
            case DAY:
                return day;
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            default:
                throw new IllegalArgumentException("unknown quota period " + type);
        }
    }

    /**
     * Returns how many requests the period starting on {@code periodStart} admits: the quota's
     * limit, less its offset in the plan's initial period (the one {@code planStart} falls in), and
     * never below 0.
     */
    public static long limit(QuotaSettings quota, LocalDate periodStart, Instant planStart) {
        LocalDate initial = periodStart(quota.period(), day(planStart));
        long limit = quota.limit();
        return periodStart.equals(initial) ? Math.max(0, limit - quota.offset()) : limit;
    }
}
