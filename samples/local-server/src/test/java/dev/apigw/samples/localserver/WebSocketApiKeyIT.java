package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebSocket API whose {@code $connect} route requires an API key, served from its template
 * through the jar (reference 7.3, API key row; 8.2): the template's key and usage plan are bound,
 * so an upgrade with the key in {@code x-api-key} connects and one without it, or with another key,
 * is refused with 403.
 */
class WebSocketApiKeyIT {
    private static final Path TEMPLATE = Path.of("src/test/resources/websocket/key-websocket.yaml");
    private static final String KEY = "ws-key-0123456789abcdefghij";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    private static ServerProcess server;
    private static String wsUrl;

    @BeforeAll
    static void start() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        WebSocketHandlerSource.compile(dir, classes);
        server =
                ServerProcess.start(
                        List.of(
                                "--template",
                                TEMPLATE.toString(),
                                "--lambda",
                                "WsFunction=ws.Handler",
                                "--classpath",
                                classes.toString(),
                                "--port",
                                "0"));
        wsUrl = server.awaitLine("Listening on ").substring("Listening on ".length());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static WebSocket connect(String key) throws Exception {
        WebSocket.Builder builder =
                HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("x-api-key", key);
        }
        return builder.buildAsync(URI.create(wsUrl), new WebSocket.Listener() {})
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void connect_withTheTemplatesKey_isAccepted() throws Exception {
        WebSocket socket = connect(KEY);

        assertThat(socket.isInputClosed()).isFalse();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
    }

    @Test
    void connect_withoutAKeyOrWithAnother_isRefused403() {
        for (String key : new String[] {null, "not-the-key"}) {
            assertThatThrownBy(() -> connect(key))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
        }
    }
}
