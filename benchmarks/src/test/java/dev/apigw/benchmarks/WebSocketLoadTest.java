package dev.apigw.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.samples.localserver.BareWebSocketMain;
import dev.apigw.servlet.LocalServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the load generator (not a measurement): 2 clients and 100 messages against the
 * local server's bare Jetty WebSocket echo all come back; a server that answers nothing fails the
 * run; the command line is checked.
 */
class WebSocketLoadTest {
    @Test
    void twoClients_hundredMessages_allAnsweredAgainstTheBareEcho() {
        try (LocalServer bare = BareWebSocketMain.start(0)) {
            String url = "ws://127.0.0.1:" + bare.port() + "/bare";

            WebSocketLoad.Result result =
                    WebSocketLoad.run(
                            WebSocketLoadOptions.parse(
                                    List.of(
                                            url,
                                            "--clients",
                                            "2",
                                            "--messages",
                                            "100",
                                            "--warmup",
                                            "20",
                                            "--window",
                                            "3",
                                            "--timeout",
                                            "30")));

            assertThat(result.complete()).as(result.describe()).isTrue();
            assertThat(result.answered()).isEqualTo(100);
            assertThat(result.p99()).isPositive().isLessThanOrEqualTo(result.max());
            assertThat(result.line())
                    .startsWith("RESULT clients=2 messages=100 per_second=")
                    .endsWith("lost=0 wrong=0 throttled=0");
        }
    }

    @Test
    void aStageThatRefusesTheUpgrade_failsTheRun() {
        try (LocalServer bare = BareWebSocketMain.start(0)) {
            String url = "ws://127.0.0.1:" + bare.port() + "/nothing-here";

            WebSocketLoad.Result result =
                    WebSocketLoad.run(
                            WebSocketLoadOptions.parse(
                                    List.of(
                                            url,
                                            "--clients",
                                            "2",
                                            "--messages",
                                            "10",
                                            "--timeout",
                                            "30")));

            assertThat(result.complete()).isFalse();
            assertThat(result.lost()).isEqualTo(10);
            assertThat(result.failure()).startsWith("cannot connect");
        }
    }

    @Test
    void options_needAUrlAndAtLeastOneMessagePerClient() {
        assertThatThrownBy(() -> WebSocketLoadOptions.parse(List.of("--clients", "2")))
                .hasMessageContaining("URL is missing");
        assertThatThrownBy(() -> WebSocketLoadOptions.parse(List.of("ws://h/s", "--clients", "2")))
                .hasMessageContaining("--clients and --messages are required");
        assertThatThrownBy(
                        () ->
                                WebSocketLoadOptions.parse(
                                        List.of("ws://h/s", "--clients", "5", "--messages", "4")))
                .hasMessageContaining("--messages at least --clients");
        assertThatThrownBy(
                        () ->
                                WebSocketLoadOptions.parse(
                                        List.of("http://h/s", "--clients", "1", "--messages", "1")))
                .hasMessageContaining("not a WebSocket URL");
        assertThat(
                        WebSocketLoadOptions.parse(
                                        List.of(
                                                "ws://h/s",
                                                "--clients",
                                                "1",
                                                "--messages",
                                                "1,000"))
                                .messages())
                .isEqualTo(1000);
    }
}
