package dev.apigw.testkit;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger factory that records every event of its loggers, for tests of what goes through
 * SLF4J without a logging backend: pass it to {@code Gateway.Builder.executionLogs} and read the
 * execution log of a stage by its logger name, {@code API-Gateway-Execution-Logs_{apiId}/{stage}}
 * (reference 10.2). Every level is enabled. Thread-safe.
 *
 * <pre>{@code
 * RecordingLoggers logs = new RecordingLoggers();
 * Gateway account = Gateway.builder().executionLogs(logs).build();
 * ...
 * assertThat(logs.messages("API-Gateway-Execution-Logs_a1b2c3d4e5/prod")).contains(...);
 * }</pre>
 */
public final class RecordingLoggers implements ILoggerFactory {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    /** Returns a factory that has recorded nothing yet. */
    public RecordingLoggers() {}

    /**
     * One logged event.
     *
     * @param logger the logger's name
     * @param level the event's level
     * @param message the formatted message
     */
    public record Event(String logger, Level level, String message) {}

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new Recording(n, events));
    }

    /** Returns every event in the order logged. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Returns the events of one logger, in the order logged. */
    public List<Event> events(String loggerName) {
        return events.stream()
                .filter(e -> e.logger().equals(loggerName))
                .collect(Collectors.toList());
    }

    /** Returns the messages of one logger, in the order logged. */
    public List<String> messages(String loggerName) {
        return events(loggerName).stream().map(Event::message).collect(Collectors.toList());
    }

    /** A logger that adds each event to the factory's list. */
    private static final class Recording extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final transient List<Event> events;

        Recording(String name, List<Event> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable t) {
            events.add(
                    new Event(name, level, MessageFormatter.basicArrayFormat(pattern, arguments)));
        }
    }
}
