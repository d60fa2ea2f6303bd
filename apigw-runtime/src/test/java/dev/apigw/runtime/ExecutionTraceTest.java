package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.LoggingLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/**
 * What an {@link ExecutionTrace} records and logs (reference 10.2): each level's lines, the request
 * id prefix and events cut at 1024 bytes of UTF-8 (reference 9.5).
 */
class ExecutionTraceTest {
    private final List<String> logged = new ArrayList<>();

    /** A logger that keeps {@code LEVEL message} of each event. */
    private final class Keeping extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

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
                Level level, Marker marker, String message, Object[] arguments, Throwable t) {
            logged.add(level + " " + message);
        }
    }

    private ExecutionTrace logging(LoggingLevel level, boolean dataTrace) {
        ExecutionTrace trace = ExecutionTrace.off();
        trace.startLogging(new Keeping(), level, dataTrace, "id-1");
        trace.add("s", "info ", 1);
        trace.data("s", "data ", 2);
        trace.error("s", "error ", 3);
        return trace;
    }

    @Test
    void add_info_logsInfoAndErrorLines() {
        logging(LoggingLevel.INFO, false);

        assertThat(logged).containsExactly("INFO (id-1) info 1", "ERROR (id-1) error 3");
    }

    @Test
    void add_infoWithDataTrace_logsEveryLine() {
        logging(LoggingLevel.INFO, true);

        assertThat(logged)
                .containsExactly(
                        "INFO (id-1) info 1", "INFO (id-1) data 2", "ERROR (id-1) error 3");
    }

    @Test
    void add_errorWithDataTrace_logsErrorLinesOnly() {
        logging(LoggingLevel.ERROR, true);

        assertThat(logged).containsExactly("ERROR (id-1) error 3");
    }

    @Test
    void add_off_logsNothing() {
        ExecutionTrace trace = logging(LoggingLevel.OFF, true);

        assertThat(logged).isEmpty();
        assertThat(trace.isRecording()).isFalse();
    }

    @Test
    void add_recordingTrace_recordsEveryLineButLogsNone() {
        ExecutionTrace trace = ExecutionTrace.recording(Clock.systemUTC());
        trace.add("s", "info ", 1);
        trace.data("s", "data ", 2);
        trace.error("s", "error ", 3);
        trace.logOnly("log only");

        assertThat(trace.entries())
                .extracting(ExecutionTrace.Entry::message)
                .containsExactly("info 1", "data 2", "error 3");
        assertThat(logged).isEmpty();
    }

    @Test
    void event_exactly1024Bytes_isKept() {
        String text = "a".repeat(1022) + "é";

        assertThat(ExecutionTrace.event(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "é", "€", "😀"})
    void event_longerThan1024Bytes_isCutOnACharacterAndMarked(String unit) {
        String text = unit.repeat(2000);

        String event = ExecutionTrace.event(text);

        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(1024).isGreaterThan(1024 - 4);
        assertThat(event).endsWith(unit + " [TRUNCATED]");
        assertThat(event.substring(0, event.length() - 12).replace(unit, "")).isEmpty();
    }
}
