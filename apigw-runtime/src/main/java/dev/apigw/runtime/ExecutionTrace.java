package dev.apigw.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What each pipeline step did for one request, in the spirit of the console's "Test" log (reference
 * section 10.2). A trace that is not recording ignores every line, so that {@link Api#handle} pays
 * nothing for it; {@link Api#testInvoke} records. One trace belongs to one request and is not
 * thread-safe.
 */
public final class ExecutionTrace {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final List<Entry> entries;

    private ExecutionTrace(Clock clock, List<Entry> entries) {
        this.clock = clock;
        this.entries = entries;
    }

    /** Returns a trace that records every line, timed by {@code clock}. */
    public static ExecutionTrace recording(Clock clock) {
        return new ExecutionTrace(clock, new ArrayList<>());
    }

    /** Returns a trace that records nothing. */
    public static ExecutionTrace off() {
        return new ExecutionTrace(null, null);
    }

    /** Returns whether lines are recorded. */
    public boolean isRecording() {
        return entries != null;
    }

    /** Records a line for a step. */
    public void add(String step, String message) {
        if (entries != null) {
            entries.add(new Entry(clock.instant(), step, message));
        }
    }

    /** Records a line made of a message and a detail, joined only when recording. */
    public void add(String step, String message, Object detail) {
        if (entries != null) {
            entries.add(new Entry(clock.instant(), step, message + detail));
        }
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
