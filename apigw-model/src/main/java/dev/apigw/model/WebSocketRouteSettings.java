package dev.apigw.model;

import java.util.Optional;

/**
 * A WebSocket stage's settings for its routes (reference section 9.1, HTTP API and WebSocket
 * stages): the stage's {@code defaultRouteSettings} or one route's entry of {@code routeSettings}.
 * {@code loggingLevel} and {@code dataTraceEnabled} are the WebSocket-only settings.
 *
 * @param dataTraceEnabled whether full messages are written to the execution log (reference 10.2)
 * @param detailedMetricsEnabled whether per-route metrics are emitted (reference 10.1)
 * @param loggingLevel the execution-log level, or null for none set
 * @param throttlingBurstLimit the route's bucket size, or null for none set
 * @param throttlingRateLimit the route's steady rate in messages per second, or null for none set
 */
public record WebSocketRouteSettings(
        boolean dataTraceEnabled,
        boolean detailedMetricsEnabled,
        LoggingLevel loggingLevel,
        Integer throttlingBurstLimit,
        Double throttlingRateLimit) {
    /** No setting: no trace, no metrics per route, no log level, no stage throttle. */
    public static final WebSocketRouteSettings NONE =
            new WebSocketRouteSettings(false, false, null, null, null);

    /** Validates the limits. */
    public WebSocketRouteSettings {
        if (throttlingBurstLimit != null || throttlingRateLimit != null) {
            new ThrottleSettings(
                    throttlingBurstLimit == null ? 0 : throttlingBurstLimit,
                    throttlingRateLimit == null ? 0 : throttlingRateLimit);
        }
    }

    /**
     * Returns settings that throttle to {@code rateLimit} messages per second, bursts of {@code
     * burstLimit}.
     */
    public static WebSocketRouteSettings throttled(int burstLimit, double rateLimit) {
        return new WebSocketRouteSettings(false, false, null, burstLimit, rateLimit);
    }

    /**
     * Returns the token bucket these settings describe, when either limit is set; the one not set
     * takes the account's default (burst 5,000, rate 10,000, reference 9.4).
     */
    public Optional<ThrottleSettings> throttle() {
        return new RouteSettings(false, throttlingBurstLimit, throttlingRateLimit).throttle();
    }

    /** Returns these settings with {@code other}'s values where this has none. */
    public WebSocketRouteSettings orElse(WebSocketRouteSettings other) {
        return new WebSocketRouteSettings(
                dataTraceEnabled || other.dataTraceEnabled,
                detailedMetricsEnabled || other.detailedMetricsEnabled,
                loggingLevel != null ? loggingLevel : other.loggingLevel,
                throttlingBurstLimit != null ? throttlingBurstLimit : other.throttlingBurstLimit,
                throttlingRateLimit != null ? throttlingRateLimit : other.throttlingRateLimit);
    }
}
