package dev.apigw.samples.localserver;

import dev.apigw.model.LoggingLevel;
import java.util.Locale;

/**
 * How much of each request's execution log the local server writes to standard error, named as a
 * stage's {@code loggingLevel} (reference 10.2).
 */
public enum LogLevel {
    /** No execution log. */
    OFF,
    /** The execution log of each request answered with a 4xx or 5xx status. */
    ERROR,
    /** The execution log of every request. */
    INFO;

    /** Returns the stage setting of this level. */
    LoggingLevel loggingLevel() {
        return LoggingLevel.valueOf(name());
    }

    /** Returns the level named (in any case); fails with a usage error naming the choices. */
    static LogLevel parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LaunchException.usage(
                    "--log-level expects OFF, ERROR or INFO, got '" + value + "'");
        }
    }
}
