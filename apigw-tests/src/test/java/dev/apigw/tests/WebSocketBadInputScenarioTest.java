package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.GoneException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad input through {@link WebSocketGateway} (reference 7.3, 7.4): {@code @connections} calls with
 * unknown or malformed ids answer 410 {@code GoneException} and touch no open connection; a text
 * frame that is not UTF-8 goes to {@code $default} (the host closes such frames with 1007 before
 * the gateway sees them); a {@code $disconnect} handler that throws leaves nothing thrown, its
 * connection removed, and the other connections served.
 */
class WebSocketBadInputScenarioTest {
    private static final List<String> BAD_IDS =
            Arrays.asList(
                    null,
                    "",
                    " ",
                    "unknownId=",
                    "a/b",
                    "%2F%%",
                    "../prod",
                    "\u00e9t\u00e9\ud83d\ude00",
                    "x".repeat(10_000),
                    "L0SM9cOFvHcCIhw=\n");

    private final WebSocketApis.Recorder fn = new WebSocketApis.Recorder();

    private WebSocketGateway gateway(LambdaFunction function) {
        return WebSocketGateway.builder()
                .gateway(Gateway.builder().random(new SplittableRandom(3)::nextLong).build())
                .webSocketApi(WebSocketApis.chat(true))
                .stage("prod")
                .lambda("chat", function)
                .build();
    }

    private static String accept(WebSocketGateway gateway, RecordingSink sink) {
        return ((ConnectResult.Accepted) gateway.connect(ConnectRequest.builder().build(), sink))
                .connectionId();
    }

    @Test
    void connectionsCallsWithUnknownOrMalformedIdsAnswer410AndTouchNoConnection() {
        WebSocketGateway gateway = gateway(fn);
        RecordingSink sink = new RecordingSink();
        String open = accept(gateway, sink);
        byte[] data = "hi".getBytes(StandardCharsets.UTF_8);

        for (String id : BAD_IDS) {
            assertThatThrownBy(() -> gateway.postToConnection(id, data))
                    .as("post to %s", id)
                    .isInstanceOf(GoneException.class)
                    .satisfies(e -> assertThat(((GoneException) e).statusCode()).isEqualTo(410));
            assertThatThrownBy(() -> gateway.getConnection(id))
                    .as("get %s", id)
                    .isInstanceOf(GoneException.class);
            assertThatThrownBy(() -> gateway.deleteConnection(id))
                    .as("delete %s", id)
                    .isInstanceOf(GoneException.class);
            assertThatCode(() -> gateway.message(id, Frame.text("{\"action\":\"echo\"}")))
                    .doesNotThrowAnyException();
            assertThatCode(() -> gateway.disconnect(id, 1000, "")).doesNotThrowAnyException();
        }

        assertThat(sink.frames()).isEmpty();
        assertThat(sink.closes()).isEmpty();
        gateway.postToConnection(open, data);
        assertThat(sink.texts()).containsExactly("hi");
    }

    @Test
    void aTextFrameThatIsNotUtf8GoesToDefault() {
        WebSocketGateway gateway = gateway(fn);
        RecordingSink sink = new RecordingSink();
        String id = accept(gateway, sink);

        gateway.message(id, new Frame(true, new byte[] {'{', (byte) 0xC3, 0x28, '}'}));

        assertThat(sink.texts()).hasSize(1).allMatch(t -> t.startsWith("$default:"));
        assertThat(sink.closes()).isEmpty();
    }

    @Test
    void aDisconnectHandlerThatThrowsThrowsNothingRemovesItsConnectionAndSparesTheOthers() {
        LambdaFunction throwing =
                invocation -> {
                    String event = new String(invocation.payload(), StandardCharsets.UTF_8);
                    if (event.contains("DISCONNECT")) {
                        throw new IllegalStateException("disconnect handler broke");
                    }
                    return fn.invoke(invocation);
                };
        WebSocketGateway gateway = gateway(throwing);
        RecordingSink leavingSink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        String leaving = accept(gateway, leavingSink);
        String other = accept(gateway, otherSink);

        assertThatCode(() -> gateway.disconnect(leaving, 1001, "")).doesNotThrowAnyException();
        assertThatCode(() -> gateway.deleteConnection(other)).doesNotThrowAnyException();
        String third = accept(gateway, otherSink);
        gateway.message(third, Frame.text("{\"action\":\"echo\"}"));

        assertThatThrownBy(() -> gateway.getConnection(leaving)).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> gateway.getConnection(other)).isInstanceOf(GoneException.class);
        assertThat(otherSink.closes()).containsExactly(new RecordingSink.Close(1000, ""));
        assertThat(otherSink.texts()).containsExactly("echo:{\"action\":\"echo\"}");
    }
}
