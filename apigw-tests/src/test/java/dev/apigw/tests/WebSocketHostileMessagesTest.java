package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.ManageConnectionsException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random messages (garbage JSON, deep nesting, binary, invalid UTF-8, huge frames) and
 * {@code @connections} calls with made-up ids through {@link WebSocketGateway}: nothing throws but
 * the {@code @connections} errors, every routed message gets its one answer, and a new connection
 * is served afterwards.
 */
class WebSocketHostileMessagesTest {
    private static final String[] PIECES = {
        "{",
        "}",
        "[",
        "]",
        "\"action\"",
        ":",
        ",",
        "\"echo\"",
        "\"$connect\"",
        "null",
        "1e999",
        "\\u0000",
        "\"\\ud800\"",
        "true",
        "\"a\":",
        " ",
        "\"action\":[1,{\"x\":2}]",
        "é",
        "$",
        "${"
    };

    @Test
    void randomMessagesNeverThrowAndEachGetsOneAnswer() {
        SplittableRandom random = new SplittableRandom(20240120);
        WebSocketApis.Recorder fn = new WebSocketApis.Recorder();
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(
                                Gateway.builder().random(new SplittableRandom(1)::nextLong).build())
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .lambda("chat", fn)
                        .build();
        RecordingSink sink = new RecordingSink();
        String id =
                ((ConnectResult.Accepted) gateway.connect(ConnectRequest.builder().build(), sink))
                        .connectionId();
        int routed = 0;
        for (int i = 0; i < 500; i++) {
            Frame frame = frame(random);
            assertThatCode(() -> gateway.message(id, frame)).doesNotThrowAnyException();
            routed++;
            String made = randomId(random);
            assertThatCode(() -> calls(gateway, made, frame)).doesNotThrowAnyException();
        }

        assertThat(sink.frames()).hasSize(routed);
        assertThat(sink.closes()).isEmpty();
        RecordingSink fresh = new RecordingSink();
        assertThat(gateway.connect(ConnectRequest.builder().build(), fresh))
                .isInstanceOf(ConnectResult.Accepted.class);
    }

    @Test
    void aHugeFrameClosesOnlyItsConnection() {
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .lambda("chat", new WebSocketApis.Recorder())
                        .build();
        RecordingSink big = new RecordingSink();
        RecordingSink other = new RecordingSink();
        String bigId = accepted(gateway, big);
        String otherId = accepted(gateway, other);

        gateway.message(bigId, Frame.binary(new byte[4 * 1024 * 1024]));
        gateway.message(otherId, Frame.text("{\"action\":\"echo\"}"));

        assertThat(big.closes()).extracting(RecordingSink.Close::statusCode).containsExactly(1009);
        assertThat(other.texts()).containsExactly("echo:{\"action\":\"echo\"}");
    }

    private static String accepted(WebSocketGateway gateway, RecordingSink sink) {
        return ((ConnectResult.Accepted) gateway.connect(ConnectRequest.builder().build(), sink))
                .connectionId();
    }

    private static void calls(WebSocketGateway gateway, String id, Frame frame) {
        try {
            gateway.getConnection(id);
        } catch (ManageConnectionsException expected) {
            assertThat(expected.statusCode()).isEqualTo(410);
        }
        try {
            gateway.postToConnection(id, frame.data());
        } catch (ManageConnectionsException expected) {
            assertThat(expected.statusCode()).isIn(410, 413);
        }
    }

    private static Frame frame(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return Frame.binary(bytes);
            case 1:
                byte[] invalid = new byte[random.nextInt(1, 32)];
                random.nextBytes(invalid);
                return new Frame(true, invalid);
            case 2:
                int depth = random.nextInt(1, 5000);
                return Frame.text("[".repeat(depth) + "]".repeat(random.nextInt(depth + 1)));
            default:
                List<String> parts = new ArrayList<>();
                for (int i = random.nextInt(1, 30); i > 0; i--) {
                    parts.add(PIECES[random.nextInt(PIECES.length)]);
                }
                return Frame.text(String.join("", parts));
        }
    }

    private static String randomId(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 24)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
