package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits and bad input of a WebSocket API served by the jar, with a client over a plain socket
 * (reference 7.3, 9.4, 9.5): a frame past 32 KB closes with 1009, a message fragmented up to 128 KB
 * passes and one past it closes with 1009, what the server sends goes out in frames of at most 32
 * KB, a text frame that is not UTF-8 closes with 1007, each time with {@code $disconnect} getting
 * that code; an upgrade URL past 4,096 characters answers 414, one without {@code
 * Sec-WebSocket-Key} or version 13 400; a connection flooding a throttled route gets the {@code Too
 * Many Requests} error frames and stays open while another is served; a {@code $disconnect} handler
 * that throws is logged and the other connections live on; a throttled {@code $connect} refuses the
 * upgrade with 429.
 */
class WebSocketLimitsIT {
    private static final Path TEMPLATE =
            Path.of("src/test/resources/websocket/limits-websocket.yaml");
    private static final Path CONNECT_LIMIT_TEMPLATE =
            Path.of("src/test/resources/websocket/connect-limit-websocket.yaml");
    private static final int FRAME = 32 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;

    private static Path classes;
    private static Path disconnects;
    private static ServerProcess server;
    private static String wsUrl;

    @BeforeAll
    static void start() throws Exception {
        classes = Files.createDirectories(dir.resolve("classes"));
        disconnects = Files.createDirectories(dir.resolve("disconnects"));
        LimitsHandlerSource.compile(dir, classes, disconnects);
        server = ServerProcess.startApart(arguments(TEMPLATE));
        wsUrl = server.awaitLine("Listening on ").substring("Listening on ".length());
    }

    private static List<String> arguments(Path template) {
        return List.of(
                "--template",
                template.toString(),
                "--lambda",
                "WsFunction=limits.Handler",
                "--classpath",
                classes.toString(),
                "--port",
                "0");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Asks the connection's id ({@code whoami}). */
    private static String whoami(RawWebSocket socket) throws Exception {
        socket.sendText("{\"action\":\"whoami\"}");
        return socket.read().text();
    }

    /**
     * Returns the code {@code $disconnect} got for {@code id}, once the server logged its failure.
     */
    private static String disconnectCode(String id) throws Exception {
        server.awaitErrorLineWith("$disconnect of " + id);
        return Files.readString(disconnects.resolve(id.replace('/', '_')));
    }

    private static byte[] bytes(int length) {
        return "x".repeat(length).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void frame_over32Kb_closesWith1009AndDisconnectGets1009() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(wsUrl)) {
            String id = whoami(socket);

            socket.send(true, RawWebSocket.TEXT, bytes(FRAME + 1));

            assertThat(socket.awaitClose()).isEqualTo(1009);
            assertThat(disconnectCode(id)).isEqualTo("1009");
        }
    }

    @Test
    void frame_of32Kb_passes() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(wsUrl)) {
            socket.send(true, RawWebSocket.TEXT, bytes(FRAME));

            assertThat(socket.read().text()).isEqualTo("default:" + FRAME);
        }
    }

    @Test
    void message_fragmentedUpTo128Kb_passes() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(wsUrl)) {
            socket.send(false, RawWebSocket.TEXT, bytes(FRAME));
            socket.send(false, RawWebSocket.CONTINUATION, bytes(FRAME));
            socket.send(false, RawWebSocket.CONTINUATION, bytes(FRAME));
            socket.send(true, RawWebSocket.CONTINUATION, bytes(FRAME));

            assertThat(socket.read().text()).isEqualTo("default:" + 4 * FRAME);
        }
    }

    @Test
    void message_fragmentedPast128Kb_closesWith1009() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(wsUrl)) {
            String id = whoami(socket);
            socket.send(false, RawWebSocket.TEXT, bytes(FRAME));
            for (int i = 0; i < 3; i++) {
                socket.send(false, RawWebSocket.CONTINUATION, bytes(FRAME));
            }
            socket.send(true, RawWebSocket.CONTINUATION, bytes(1));

            assertThat(socket.awaitClose()).isEqualTo(1009);
            assertThat(disconnectCode(id)).isEqualTo("1009");
        }
    }

    @Test
    void postToConnection_past32Kb_arrivesInFramesOfAtMost32KbCutBetweenCharacters()
            throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(wsUrl)) {
            String id = whoami(socket);
            String message = "!" + "é".repeat(50_000);

            HttpResponse<String> post = post(id, message);

            assertThat(post.statusCode()).isEqualTo(200);
            List<RawWebSocket.Received> frames = new ArrayList<>();
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            RawWebSocket.Received frame;
            do {
                frame = socket.read();
                frames.add(frame);
                whole.write(frame.payload());
                assertThat(frame.payload().length).isLessThanOrEqualTo(FRAME);
                assertThat(frame.text()).doesNotContain("\uFFFD");
            } while (!frame.fin());
            assertThat(frames).hasSize(4);
            assertThat(frames.get(0).opcode()).isEqualTo(RawWebSocket.TEXT);
            assertThat(frames.subList(1, 4))
                    .extracting(RawWebSocket.Received::opcode)
                    .containsOnly(RawWebSocket.CONTINUATION);
            assertThat(whole.toString(StandardCharsets.UTF_8)).isEqualTo(message);
        }
    }

    @Test
    void textFrame_notUtf8_closesWith1007AndDisconnectGets1007() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(wsUrl)) {
            String id = whoami(socket);

            socket.send(true, RawWebSocket.TEXT, new byte[] {'a', (byte) 0xC3, 0x28});

            assertThat(socket.awaitClose()).isEqualTo(1007);
            assertThat(disconnectCode(id)).isEqualTo("1007");
        }
    }

    @Test
    void upgrade_urlPast4096Characters_answers414() throws Exception {
        String stagePath = URI.create(wsUrl).getRawPath();
        String base = wsUrl + "?q=";
        int filler = 4096 - (stagePath.length() + "?q=".length());
        try (RawWebSocket atLimit = RawWebSocket.connect(base + "x".repeat(filler))) {
            assertThat(whoami(atLimit)).isNotEmpty();
        }

        RawWebSocket.Answer tooLong =
                RawWebSocket.request(
                        base + "x".repeat(filler + 1),
                        "Upgrade: websocket",
                        "Connection: Upgrade",
                        "Sec-WebSocket-Version: 13",
                        "Sec-WebSocket-Key: " + RawWebSocket.KEY);
        tooLong.socket().close();

        assertThat(tooLong.status()).isEqualTo(414);
    }

    @Test
    void upgrade_withoutKeyOrVersion13_answers400() throws Exception {
        RawWebSocket.Answer noKey =
                RawWebSocket.request(
                        wsUrl,
                        "Upgrade: websocket",
                        "Connection: Upgrade",
                        "Sec-WebSocket-Version: 13");
        noKey.socket().close();
        RawWebSocket.Answer version8 =
                RawWebSocket.request(
                        wsUrl,
                        "Upgrade: websocket",
                        "Connection: Upgrade",
                        "Sec-WebSocket-Version: 8",
                        "Sec-WebSocket-Key: " + RawWebSocket.KEY);
        version8.socket().close();

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(version8.status()).isEqualTo(400);
    }

    @Test
    void flood_onAThrottledRoute_getsErrorFramesAndStaysOpenWhileOthersAreServed()
            throws Exception {
        try (RawWebSocket flood = RawWebSocket.connect(wsUrl);
                RawWebSocket other = RawWebSocket.connect(wsUrl)) {
            String id = whoami(flood);
            for (int i = 0; i < 20; i++) {
                flood.sendText("{\"action\":\"sendmessage\",\"n\":" + i + "}");
            }
            other.sendText("hello");

            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(flood.read().text());
            }
            assertThat(answers).filteredOn(a -> a.startsWith("echo:")).hasSize(3);
            assertThat(answers)
                    .filteredOn(a -> !a.startsWith("echo:"))
                    .hasSize(17)
                    .allMatch(
                            a ->
                                    a.matches(
                                            "\\{\"message\": \"Too Many Requests\", "
                                                    + "\"connectionId\":\""
                                                    + Pattern.quote(id)
                                                    + "\", \"requestId\":\"[^\"]+\"\\}"));
            assertThat(other.read().text()).isEqualTo("default:5");
            assertThat(whoami(flood)).isEqualTo(id);
        }
    }

    @Test
    void disconnectHandlerThatThrows_isLoggedAndTheOtherConnectionsLiveOn() throws Exception {
        try (RawWebSocket other = RawWebSocket.connect(wsUrl)) {
            String id;
            try (RawWebSocket leaving = RawWebSocket.connect(wsUrl)) {
                id = whoami(leaving);
                leaving.send(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8});
                assertThat(leaving.awaitClose()).isEqualTo(1000);
            }

            assertThat(disconnectCode(id)).isEqualTo("1000");
            assertThat(get(id).statusCode()).isEqualTo(410);
            other.sendText("still here");
            assertThat(other.read().text()).isEqualTo("default:10");
        }
    }

    @Test
    void connect_throttledByItsRouteSettings_refusesTheUpgradeWith429() throws Exception {
        try (ServerProcess limited = ServerProcess.startApart(arguments(CONNECT_LIMIT_TEMPLATE))) {
            String url = limited.awaitLine("Listening on ").substring("Listening on ".length());
            try (RawWebSocket first = RawWebSocket.connect(url);
                    RawWebSocket second = RawWebSocket.connect(url)) {
                RawWebSocket.Answer third =
                        RawWebSocket.request(
                                url,
                                "Upgrade: websocket",
                                "Connection: Upgrade",
                                "Sec-WebSocket-Version: 13",
                                "Sec-WebSocket-Key: " + RawWebSocket.KEY);
                third.socket().close();

                assertThat(third.status()).isEqualTo(429);
                assertThat(whoami(first)).isNotEqualTo(whoami(second));
            }
        }
    }

    private static HttpResponse<String> post(String id, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(connections(id))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String id) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(connections(id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI connections(String id) {
        return URI.create(
                "http"
                        + wsUrl.substring("ws".length())
                        + "/@connections/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
}
