package dev.apigw.model;

/**
 * A token bucket: {@code rateLimit} requests per second refill a bucket of {@code burstLimit}
 * (reference section 9.4).
 *
 * @param burstLimit the bucket size, at least 0
 * @param rateLimit the steady-state rate in requests per second, at least 0
 */
public record ThrottleSettings(int burstLimit, double rateLimit) {
    /** Validates the limits. */
    public ThrottleSettings {
        if (burstLimit < 0 || rateLimit < 0 || Double.isNaN(rateLimit)) {
            throw new IllegalArgumentException(
                    "throttle burstLimit and rateLimit must be at least 0");
        }
    }
}
