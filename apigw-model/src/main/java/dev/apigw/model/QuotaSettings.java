package dev.apigw.model;

import java.util.Objects;

/**
 * The number of requests a key may make in a period (reference section 8.2).
 *
 * @param limit requests allowed per period
 * @param offset requests subtracted from the limit in the first period
 * @param period the period
 */
public record QuotaSettings(int limit, int offset, QuotaPeriodType period) {
    /** Validates the settings. */
    public QuotaSettings {
        Objects.requireNonNull(period, "quota period is required");
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("quota limit and offset must be at least 0");
        }
    }
}
