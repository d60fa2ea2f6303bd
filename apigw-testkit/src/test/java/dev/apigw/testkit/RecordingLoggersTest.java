package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** What {@link RecordingLoggers} keeps: every event of its loggers, formatted, in order. */
class RecordingLoggersTest {
    private final RecordingLoggers loggers = new RecordingLoggers();

    @Test
    void getLogger_sameName_returnsTheSameLogger() {
        assertThat(loggers.getLogger("a")).isSameAs(loggers.getLogger("a"));
    }

    @Test
    void events_loggedAtTwoLevels_keepsNameLevelAndFormattedMessage() {
        Logger a = loggers.getLogger("a");
        Logger b = loggers.getLogger("b");

        a.info("one {}", 1);
        b.error("two");
        a.debug("three");

        assertThat(loggers.events())
                .containsExactly(
                        new RecordingLoggers.Event("a", Level.INFO, "one 1"),
                        new RecordingLoggers.Event("b", Level.ERROR, "two"),
                        new RecordingLoggers.Event("a", Level.DEBUG, "three"));
        assertThat(loggers.messages("a")).containsExactly("one 1", "three");
        assertThat(loggers.events("b")).hasSize(1);
    }
}
