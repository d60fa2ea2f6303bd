package dev.apigw.runtime;

import dev.apigw.model.LoggingLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * What each pipeline step did for one request: the console's "Test" log and the stage's execution
 * log (reference section 10.2). A trace records every line for {@link Api#testInvoke}, and writes
 * lines to the stage's execution log once {@link #startLogging} switched it on, which the pipeline
 * does after routing when the method's {@code loggingLevel} is {@code ERROR} or {@code INFO}. A
 * line is informational ({@link #add}), an error ({@link #error}: written at both levels) or
 * request data, a header list or a body ({@link #data}: written only with {@code
 * dataTraceEnabled}). A trace that neither records nor logs ignores every line, so that {@link
 * Api#handle} pays nothing for it. One trace belongs to one request and is not thread-safe.
 *
 * <p>Each execution-log event is {@code (<requestId>) <message>}, as in CloudWatch Logs, cut to
 * 1024 bytes of UTF-8 ending in {@code " [TRUNCATED]"} when longer (reference 10.2, 9.5: "log
 * events are truncated at 1024 bytes").
 */
public final class ExecutionTrace {
    /** The most bytes of one execution-log event (reference 9.5). */
    public static final int EVENT_BYTES = 1024;

    /** What ends an event cut to {@link #EVENT_BYTES}. */
    public static final String TRUNCATED = " [TRUNCATED]";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final List<Entry> entries;
    private Logger log;
    private boolean logInfo;
    private boolean logData;
    private String prefix;

    private ExecutionTrace(Clock clock, List<Entry> entries) {
        this.clock = clock;
        this.entries = entries;
    }

    /** Returns a trace that records every line, timed by {@code clock}. */
    public static ExecutionTrace recording(Clock clock) {
        return new ExecutionTrace(clock, new ArrayList<>());
    }

    /** Returns a trace that records nothing until {@link #startLogging} switches it on. */
    public static ExecutionTrace off() {
        return new ExecutionTrace(null, null);
    }

    /**
     * Returns whether lines are recorded or logged: a step checks it before it builds a costly
     * line.
     */
    public boolean isRecording() {
        return entries != null || log != null;
    }

    /** Returns whether lines go to an execution log. */
    public boolean isLogging() {
        return log != null;
    }

    /**
     * Starts writing this trace's lines to an execution log (reference 10.2): at {@code ERROR} only
     * the error lines, at {@code INFO} every line, the request data only with {@code dataTrace};
     * {@code OFF} changes nothing. Each event is prefixed with {@code (<requestId>)}.
     *
     * @param logger the logger of the stage's log group
     * @param level the method's logging level
     * @param dataTrace whether headers and bodies are logged
     * @param requestId the request's id
     */
    public void startLogging(
            Logger logger, LoggingLevel level, boolean dataTrace, String requestId) {
        if (level == LoggingLevel.OFF) {
            return;
        }
        log = Objects.requireNonNull(logger);
        logInfo = level == LoggingLevel.INFO;
        logData = logInfo && dataTrace;
        prefix = "(" + requestId + ") ";
    }

    /** Writes a line to the execution log only, not to the recorded test log. */
    public void logOnly(String message) {
        if (log != null && logInfo) {
            log.info(event(prefix + SecretMask.mask(message)));
        }
    }

    /** Records an informational line for a step. */
    public void add(String step, String message) {
        line(step, message, logInfo);
    }

    /** Records an informational line made of a message and a detail, joined only when used. */
    public void add(String step, String message, Object detail) {
        if (isRecording()) {
            line(step, message + detail, logInfo);
        }
    }

    /** Records an error line for a step, logged at {@code ERROR} and {@code INFO}. */
    public void error(String step, String message) {
        if (entries != null) {
            entries.add(new Entry(clock.instant(), step, message));
        }
        if (log != null) {
            log.error(event(prefix + SecretMask.mask(message)));
        }
    }

    /** Records an error line made of a message and a detail. */
    public void error(String step, String message, Object detail) {
        if (isRecording()) {
            error(step, message + detail);
        }
    }

    /** Records a line of request or response data, logged only with {@code dataTraceEnabled}. */
    public void data(String step, String message, Object detail) {
        if (isRecording()) {
            line(step, message + detail, logData);
        }
    }

    private void line(String step, String message, boolean logged) {
        if (entries != null) {
            entries.add(new Entry(clock.instant(), step, message));
        }
        if (logged) {
            log.info(event(prefix + SecretMask.mask(message)));
        }
    }

    /**
     * Returns an execution-log event cut to {@link #EVENT_BYTES} bytes of UTF-8, ending in {@link
     * #TRUNCATED} when cut, never splitting a character.
     */
    static String event(String text) {
        if (text.length() * 3 <= EVENT_BYTES || utf8Length(text, text.length()) <= EVENT_BYTES) {
            return text;
        }
        int keep = EVENT_BYTES - TRUNCATED.length();
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            used += utf8Bytes(cp);
            if (used > keep) {
                break;
            }
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + TRUNCATED;
    }

    private static int utf8Length(String text, int end) {
        int bytes = 0;
        for (int i = 0; i < end; ) {
            int cp = text.codePointAt(i);
            bytes += utf8Bytes(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static int utf8Bytes(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Returns the recorded lines in order. */
    public List<Entry> entries() {
        return entries == null ? List.of() : Collections.unmodifiableList(entries);
    }

    /** Returns whether some line's message contains {@code text}. */
    public boolean contains(String text) {
        return entries().stream().anyMatch(e -> e.message().contains(text));
    }

    /** Returns the lines as the console prints them: {@code <time> : <message>}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries()) {
            s.append(TIME.format(e.time())).append(" : ").append(e.message()).append('\n');
        }
        return s.toString();
    }

    /**
     * One line of a trace.
     *
     * @param time when it was recorded
     * @param step the step that recorded it
     * @param message what happened
     */
    public record Entry(Instant time, String step, String message) {}
}
