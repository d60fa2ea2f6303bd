package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code --template} with a WebSocket API, through the jar (reference 7.3, 7.4, 9.5): {@code
 * Listening on ws://HOST:PORT/STAGE}, messages routed by {@code action} with the two-way answer,
 * {@code $default} for the rest, the {@code @connections} API on the same port (POST delivers, GET
 * describes, DELETE closes, then 410), a {@code $connect} answering 401 refuses the upgrade with
 * 401, a message past 128 KB closes with 1009, three clients at once.
 */
class WebSocketFlagsIT {
    private static final Path TEMPLATE =
            Path.of("src/test/resources/websocket/echo-websocket.yaml");

    @TempDir static Path dir;

    private static ServerProcess server;
    private static String wsUrl;
    private static String httpUrl;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        String line = server.awaitLine("Listening on ");
        wsUrl = line.substring("Listening on ".length());
        httpUrl = "http" + wsUrl.substring("ws".length());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void template_webSocketApi_listensOnWsUrlOfItsStage() {
        assertThat(wsUrl).startsWith("ws://127.0.0.1:").endsWith("/test");
    }

    @Test
    void message_withAnAction_getsItsRoutesAnswer() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);

        String answer = client.ask("{\"action\":\"sendmessage\",\"data\":\"hi\"}");

        assertThat(answer).isEqualTo("echo:{\"action\":\"sendmessage\",\"data\":\"hi\"}");
        client.close();
    }

    @Test
    void message_withoutAMatchingRoute_goesToDefault() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);

        assertThat(client.ask("{\"action\":\"nothing\"}"))
                .isEqualTo("default:{\"action\":\"nothing\"}");
        assertThat(client.ask("plain text")).isEqualTo("default:plain text");
        client.close();
    }

    @Test
    void connections_postGetDelete_reachTheClientThenGone() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);
        String id = client.ask("{\"action\":\"whoami\"}");

        HttpResponse<String> post = send("POST", "/@connections/" + encode(id), "pushed");
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEmpty();
        assertThat(client.next()).isEqualTo("pushed");

        HttpResponse<String> get = send("GET", "/%40connections/" + encode(id), null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body())
                .matches(
                        "\\{\"connectedAt\":\"[0-9T:.-]+Z\",\"identity\":\\{\"sourceIp\":"
                                + "\"127\\.0\\.0\\.1\",\"userAgent\":\"[^\"]*\"\\},"
                                + "\"lastActiveAt\":\"[0-9T:.-]+Z\"\\}");

        HttpResponse<String> delete = send("DELETE", "/@connections/" + encode(id), null);
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(client.awaitClose()).isEqualTo(1000);

        HttpResponse<String> gone = send("GET", "/@connections/" + encode(id), null);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("x-amzn-ErrorType")).contains("GoneException");
        assertThat(gone.body()).startsWith("{\"message\":");
    }

    @Test
    void connections_unknownMalformedOrTooLarge_answerAsAws() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);
        String id = client.ask("{\"action\":\"whoami\"}");

        assertThat(send("POST", "/@connections/unknownId%3D", "x").statusCode()).isEqualTo(410);
        HttpResponse<String> malformed = send("POST", "/@connections/", "x");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("x-amzn-ErrorType"))
                .contains("BadRequestException");
        HttpResponse<String> large =
                send("POST", "/@connections/" + encode(id), "x".repeat(131_073));
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("x-amzn-ErrorType"))
                .contains("PayloadTooLargeException");
        client.close();
    }

    @Test
    void connect_refusedWith401_failsTheUpgradeWith401() {
        assertThatThrownBy(() -> WebSocketClient.connect(HTTP, wsUrl + "?deny=1"))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void message_over128Kb_closesWith1009() throws Exception {
        WebSocketClient client = WebSocketClient.connect(HTTP, wsUrl);

        client.send("x".repeat(128 * 1024 + 1));

        assertThat(client.awaitClose()).isEqualTo(1009);
    }

    @Test
    void stage_withoutUpgrade_answers426() throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(httpUrl)).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(426);
    }

    @Test
    void threeClients_atOnce_eachGetsItsOwnConnectionAndAnswers() throws Exception {
        List<WebSocketClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(WebSocketClient.connect(HTTP, wsUrl));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            clients.get(i).send("{\"action\":\"sendmessage\",\"n\":" + i + "}");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(clients.get(i).next())
                    .isEqualTo("echo:{\"action\":\"sendmessage\",\"n\":" + i + "}");
            ids.add(clients.get(i).ask("{\"action\":\"whoami\"}"));
        }
        assertThat(ids).hasSize(3);
        for (String id : ids) {
            assertThat(send("POST", "/@connections/" + encode(id), "to " + id).statusCode())
                    .isEqualTo(200);
        }
        for (WebSocketClient client : clients) {
            assertThat(client.next()).startsWith("to ");
            client.close();
        }
    }

    @Test
    void connections_withCredentials_needASigV4Signature() throws Exception {
        try (ServerProcess signed =
                ServerProcess.start(
                        List.of(
                                "--template",
                                TEMPLATE.toString(),
                                "--lambda",
                                "WsFunction=ws.Handler",
                                "--classpath",
                                dir.resolve("classes").toString(),
                                "--credentials",
                                "AKIDLOCAL=localsecret",
                                "--port",
                                "0"))) {
            String ws = signed.awaitLine("Listening on ").substring("Listening on ".length());
            WebSocketClient client = WebSocketClient.connect(HTTP, ws);
            String id = client.ask("{\"action\":\"whoami\"}");
            URI uri =
                    URI.create(
                            "http" + ws.substring("ws".length()) + "/@connections/" + encode(id));

            HttpResponse<String> unsigned =
                    HTTP.send(
                            HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
                    .contains("ForbiddenException");

            SdkHttpRequest signedGet =
                    AwsV4HttpSigner.create()
                            .sign(
                                    r ->
                                            r.identity(
                                                            AwsCredentialsIdentity.create(
                                                                    "AKIDLOCAL", "localsecret"))
                                                    .request(
                                                            SdkHttpRequest.builder()
                                                                    .method(SdkHttpMethod.GET)
                                                                    .uri(uri)
                                                                    .putHeader(
                                                                            "Host",
                                                                            uri.getHost()
                                                                                    + ":"
                                                                                    + uri.getPort())
                                                                    .build())
                                                    .payload(
                                                            ContentStreamProvider.fromUtf8String(
                                                                    ""))
                                                    .putProperty(
                                                            AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                            "execute-api")
                                                    .putProperty(
                                                            AwsV4HttpSigner.REGION_NAME,
                                                            "us-east-1"))
                            .request();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            signedGet.forEachHeader(
                    (name, values) -> {
                        if (!name.equalsIgnoreCase("Host")) {
                            values.forEach(value -> request.header(name, value));
                        }
                    });
            HttpResponse<String> answer =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"connectedAt\"");
            client.close();
        }
    }

    /** URL-encodes a connection id, as AWS asks of raw calls (reference 7.4). */
    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(httpUrl + path))
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
