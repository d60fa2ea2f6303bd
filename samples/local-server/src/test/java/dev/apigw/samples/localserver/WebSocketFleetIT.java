package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.redis.RedisServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two local server processes (the jar) serving one WebSocket API on one Redis with {@code --redis}
 * (issue 16; reference 7.4, 9.5): a message posted to {@code @connections} on server A reaches a
 * client connected to server B, GetConnection on A reads B's record, a DeleteConnection on A closes
 * the client on B, and an id no server holds is 410 on both; a server stopped with SIGTERM removes
 * its clients' records, so the other answers 410 for them. Skipped without a {@code redis-server}
 * (see {@link RedisServer}).
 */
class WebSocketFleetIT {
    @RegisterExtension static final RedisServer REDIS = new RedisServer();

    private static final Path TEMPLATE =
            Path.of("src/test/resources/websocket/echo-websocket.yaml");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    private final List<WebSocketClient> clients = new ArrayList<>();
    @TempDir Path dir;
    private Path classes;

    @BeforeEach
    void compileHandler() throws Exception {
        classes = Files.createDirectories(dir.resolve("classes"));
        WebSocketHandlerSource.compile(dir, classes);
    }

    @AfterEach
    void stopAll() {
        clients.forEach(WebSocketClient::close);
        processes.forEach(ServerProcess::close);
    }

    /** Starts a server of the WebSocket template on the test's Redis; returns its process. */
    private ServerProcess start() throws Exception {
        ServerProcess process =
                ServerProcess.start(
                        List.of(
                                "--template",
                                TEMPLATE.toString(),
                                "--lambda",
                                "WsFunction=ws.Handler",
                                "--classpath",
                                classes.toString(),
                                "--redis",
                                REDIS.uri(),
                                "--port",
                                "0"));
        processes.add(process);
        assertThat(process.awaitLine("Stores on Redis at "))
                .endsWith(
                        ": throttles, quotas and usage, stage cache, authorizer cache, WebSocket"
                                + " connections (fail-open)");
        return process;
    }

    private static String wsUrl(ServerProcess process) throws InterruptedException {
        return process.awaitLine("Listening on ").substring("Listening on ".length());
    }

    private static String httpUrl(String wsUrl) {
        return "http" + wsUrl.substring("ws".length());
    }

    private WebSocketClient connect(String wsUrl) throws Exception {
        WebSocketClient client = WebSocketClient.connect(http, wsUrl);
        clients.add(client);
        return client;
    }

    @Test
    void postOnA_reachesTheClientOnB_deleteOnAClosesIt_thenGoneOnBoth() throws Exception {
        String a = httpUrl(wsUrl(start()));
        String wsB = wsUrl(start());
        String b = httpUrl(wsB);
        WebSocketClient client = connect(wsB);
        String id = client.ask("{\"action\":\"whoami\"}");

        HttpResponse<String> post = send(a, "POST", id, "from A");
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEmpty();
        assertThat(client.next()).isEqualTo("from A");
        assertThat(send(a, "GET", id, null).statusCode()).isEqualTo(200);

        assertThat(send(a, "DELETE", id, null).statusCode()).isEqualTo(204);
        assertThat(client.awaitClose()).isEqualTo(1000);

        for (String server : List.of(a, b)) {
            HttpResponse<String> gone = send(server, "POST", id, "late");
            assertThat(gone.statusCode()).as(server).isEqualTo(410);
            assertThat(gone.headers().firstValue("x-amzn-ErrorType")).contains("GoneException");
            assertThat(send(server, "GET", id, null).statusCode()).as(server).isEqualTo(410);
        }
    }

    @Test
    void unknownId_isGoneOnBothServers() throws Exception {
        List<String> servers = List.of(httpUrl(wsUrl(start())), httpUrl(wsUrl(start())));

        for (String server : servers) {
            for (String method : List.of("POST", "GET", "DELETE")) {
                HttpResponse<String> gone =
                        send(server, method, "unknownId0=", "POST".equals(method) ? "x" : null);
                assertThat(gone.statusCode()).as(method + " " + server).isEqualTo(410);
                assertThat(gone.headers().firstValue("x-amzn-ErrorType")).contains("GoneException");
            }
        }
    }

    @Test
    void clientsOnBothServers_eachGetWhatTheOtherServerPosts() throws Exception {
        String wsA = wsUrl(start());
        String wsB = wsUrl(start());
        WebSocketClient onA = connect(wsA);
        WebSocketClient onB = connect(wsB);
        String idA = onA.ask("{\"action\":\"whoami\"}");
        String idB = onB.ask("{\"action\":\"whoami\"}");

        assertThat(send(httpUrl(wsB), "POST", idA, "to A").statusCode()).isEqualTo(200);
        assertThat(send(httpUrl(wsA), "POST", idB, "to B").statusCode()).isEqualTo(200);

        assertThat(onA.next()).isEqualTo("to A");
        assertThat(onB.next()).isEqualTo("to B");
    }

    @Test
    void serverStopped_removesItsClientsRecords_theOtherAnswersGone() throws Exception {
        String a = httpUrl(wsUrl(start()));
        ServerProcess second = start();
        WebSocketClient client = connect(wsUrl(second));
        String id = client.ask("{\"action\":\"whoami\"}");
        assertThat(send(a, "GET", id, null).statusCode()).isEqualTo(200);

        assertThat(second.terminate()).as("exit status after SIGTERM").isEqualTo(143);

        assertThat(send(a, "GET", id, null).statusCode()).isEqualTo(410);
        assertThat(send(a, "POST", id, "x").statusCode()).isEqualTo(410);
    }

    private HttpResponse<String> send(String server, String method, String id, String body)
            throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body);
        String target = server + "/@connections/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create(target))
                        .timeout(Duration.ofSeconds(30))
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
