package dev.apigw.model;

import java.util.Objects;

/**
 * The number of requests a key may make in a period (reference section 8.2). The {@code offset} is
 * read as the current API reference words it: "the number of requests subtracted from the given
 * limit in the initial time period".
 *
 * @param limit requests allowed per period, at least 0
 * @param offset requests subtracted from the limit in the plan's initial period: 0 for a DAY period
 *     (AWS refuses any other), else at least 0 and, when not 0, below {@code limit}
 * @param period the period
 */
public record QuotaSettings(int limit, int offset, QuotaPeriodType period) {
    /** Validates the settings; the messages name the field at fault. */
    public QuotaSettings {
        Objects.requireNonNull(period, "quota period is required");
        if (limit < 0) {
            throw new IllegalArgumentException("quota limit must be at least 0, found " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("quota offset must be at least 0, found " + offset);
        }
        if (period == QuotaPeriodType.DAY && offset != 0) {
            throw new IllegalArgumentException(
                    "Usage Plan quota offset must be zero in the DAY period, found " + offset);
        }
        if (offset != 0 && offset >= limit) {
            throw new IllegalArgumentException(
                    "quota offset " + offset + " must be below the limit " + limit);
        }
    }

    /** Returns a quota of {@code limit} requests per {@code period}, without offset. */
    public static QuotaSettings of(int limit, QuotaPeriodType period) {
        return new QuotaSettings(limit, 0, period);
    }
}
