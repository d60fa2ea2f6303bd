package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --template} with a WebSocket API whose routes need no Lambda function, through the jar
 * (reference 5.4, 6, 7.3): {@code $connect} to an {@code HTTP_PROXY} backend, a message route to an
 * {@code HTTP} backend through request and response templates and a request parameter, another to
 * SQS through {@code --aws-endpoint}, {@code $default} to a {@code MOCK}; the backends are real
 * HTTP servers on ephemeral ports. The stage's {@code AccessLogSettings} print a line per {@code
 * $connect}, message and {@code $disconnect} on standard output (reference 10.3).
 */
class WebSocketIntegrationsIT {
    private static final Path TEMPLATE =
            Path.of("src/test/resources/websocket/integrations-websocket.yaml");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RecordingAwsEndpoint backend;
    private static RecordingAwsEndpoint sqs;
    private static ServerProcess server;
    private static String wsUrl;

    @BeforeAll
    static void start() throws Exception {
        backend = RecordingAwsEndpoint.start(200, "application/json", "{\"reply\":\"ok\"}");
        sqs = RecordingAwsEndpoint.start();
        server =
                ServerProcess.start(
                        List.of(
                                "--template",
                                TEMPLATE.toString(),
                                "--parameter",
                                "BackendUrl=" + backend.url(),
                                "--aws-endpoint",
                                "sqs=" + sqs.url(),
                                "--port",
                                "0"));
        wsUrl = server.awaitLine("Listening on ").substring("Listening on ".length());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        backend.close();
        sqs.close();
    }

    @Test
    void connectGoesToTheProxyAndMessagesToTheirIntegrations() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);
        RecordingAwsEndpoint.Call connect = backend.next();
        assertThat(connect.uri()).isEqualTo("/connect");

        assertThat(client.ask("{\"action\":\"send\",\"data\":\"hi\"}")).isEqualTo("got ok");
        RecordingAwsEndpoint.Call send = backend.next();
        assertThat(send.uri()).isEqualTo("/items");
        assertThat(send.header("X-Stage")).isEqualTo("test");
        assertThat(send.body()).startsWith("{\"said\": \"hi\", \"cid\": \"").endsWith("\"}");

        assertThat(client.ask("{\"action\":\"queue\",\"n\":1}")).isEqualTo("queued");
        RecordingAwsEndpoint.Call queued = sqs.next();
        assertThat(queued.body())
                .isEqualTo(
                        "Action=SendMessage&MessageBody=%7B%22action%22%3A%22queue%22%2C%22n%22%3A1%7D");

        assertThat(client.ask("anything")).isEqualTo("{\"route\": \"$default\"}");
        client.close();
    }

    @Test
    void accessLogSettings_printOneLinePerConnectAndMessage() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);
        backend.next();
        assertThat(client.ask("anything")).isEqualTo("{\"route\": \"$default\"}");
        client.close();

        assertThat(server.awaitLine("CONNECT $connect 200 "))
                .matches("CONNECT \\$connect 200 \\S+");
        assertThat(server.awaitLine("MESSAGE $default 200 ")).isNotBlank();
        assertThat(server.awaitLine("DISCONNECT $disconnect ")).isNotBlank();
    }
}
