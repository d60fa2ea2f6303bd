package dev.apigw.model;

import java.util.Optional;

/**
 * An HTTP API stage's settings for its routes (reference section 9.1, HTTP API stages): the stage's
 * {@code defaultRouteSettings} or one route's entry of {@code routeSettings}.
 *
 * @param detailedMetricsEnabled whether per-route metrics are emitted (reference 10.1)
 * @param throttlingBurstLimit the route's bucket size, or null for none set
 * @param throttlingRateLimit the route's steady rate in requests per second, or null for none set
 */
public record RouteSettings(
        boolean detailedMetricsEnabled, Integer throttlingBurstLimit, Double throttlingRateLimit) {
    /** No setting: no metrics per route, no stage throttle. */
    public static final RouteSettings NONE = new RouteSettings(false, null, null);

    /** Validates the limits. */
    public RouteSettings {
        if (throttlingBurstLimit != null || throttlingRateLimit != null) {
            new ThrottleSettings(
                    throttlingBurstLimit == null ? 0 : throttlingBurstLimit,
                    throttlingRateLimit == null ? 0 : throttlingRateLimit);
        }
    }

    /**
     * Returns settings that throttle to {@code rateLimit} requests per second, bursts of {@code
     * burstLimit}.
     */
    public static RouteSettings throttled(int burstLimit, double rateLimit) {
        return new RouteSettings(false, burstLimit, rateLimit);
    }

    /**
     * Returns the token bucket these settings describe, when either limit is set; the one not set
     * takes the account's default (burst 5,000, rate 10,000, reference 9.4).
     */
    public Optional<ThrottleSettings> throttle() {
        if (throttlingBurstLimit == null && throttlingRateLimit == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ThrottleSettings(
                        throttlingBurstLimit == null ? 5000 : throttlingBurstLimit,
                        throttlingRateLimit == null ? 10_000 : throttlingRateLimit));
    }

    /** Returns these settings with {@code other}'s values where this has none. */
    public RouteSettings orElse(RouteSettings other) {
        return new RouteSettings(
                detailedMetricsEnabled || other.detailedMetricsEnabled,
                throttlingBurstLimit != null ? throttlingBurstLimit : other.throttlingBurstLimit,
                throttlingRateLimit != null ? throttlingRateLimit : other.throttlingRateLimit);
    }
}
