package dev.apigw.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The socket HTTP/1.1 client behind mapped Host headers, against a real local server. */
class SocketHttpClientTest {
    private final LocalHttpServer server = LocalHttpServer.start();
    private final SocketHttpClient client;

    SocketHttpClientTest() throws NoSuchAlgorithmException {
        client = new SocketHttpClient(SSLContext.getDefault(), true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BackendRequest request(
            String method, String path, Headers headers, String body, Duration timeout) {
        return new BackendRequest(
                method,
                URI.create(server.origin() + path),
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                timeout,
                false);
    }

    @Test
    void send_echo_writesHostAndFramingItself() {
        BackendResponse response =
                client.send(
                        request(
                                "PUT",
                                "/e/1?q=a%20b",
                                Headers.of("Host", "tenant.example", "X-A", "1", "X-A", "2"),
                                "payload",
                                Duration.ofSeconds(5)));

        JsonNode echo = LocalHttpServer.echoed(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(echo.get("method").asText()).isEqualTo("PUT");
        assertThat(echo.get("uri").asText()).isEqualTo("/e/1?q=a%20b");
        assertThat(LocalHttpServer.echoedHeader(echo, "Host")).isEqualTo("tenant.example");
        assertThat(echo.get("headers").get("X-a").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Length")).isEqualTo("7");
        assertThat(new String(LocalHttpServer.echoedBody(echo))).isEqualTo("payload");
    }

    @Test
    void send_chunkedResponse_isDecoded() {
        server.handle(
                "/chunked",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("X-Kind", "chunks");
                    exchange.sendResponseHeaders(201, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 50; i++) {
                            out.write(("part-" + i + ";").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    }
                });

        BackendResponse response =
                client.send(
                        request(
                                "GET",
                                "/chunked",
                                Headers.of("Host", "x.example"),
                                "",
                                Duration.ofSeconds(5)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().first("X-Kind")).contains("chunks");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("part-0;part-1;").endsWith("part-49;");
    }

    @Test
    void send_headRequest_readsNoBody() {
        BackendResponse response =
                client.send(
                        request(
                                "HEAD",
                                "/anything",
                                Headers.of("Host", "h.example"),
                                "",
                                Duration.ofSeconds(5)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void send_stalledBody_timesOut() {
        server.stallInBody("/stall");

        assertThatThrownBy(
                        () ->
                                client.send(
                                        request(
                                                "GET",
                                                "/stall",
                                                Headers.of("Host", "s.example"),
                                                "",
                                                Duration.ofMillis(200))))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.TIMEOUT));
    }

    @Test
    void send_closedPort_isNetworkFailure() {
        BackendRequest request =
                new BackendRequest(
                        "GET",
                        URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/"),
                        Headers.of("Host", "c.example"),
                        new byte[0],
                        Duration.ofSeconds(5),
                        false);

        assertThatThrownBy(() -> client.send(request))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.NETWORK));
    }

    @Test
    void send_headerWithLineBreak_isRefusedAsNetworkFailure() {
        assertThatThrownBy(
                        () ->
                                client.send(
                                        request(
                                                "GET",
                                                "/",
                                                Headers.of(
                                                        "Host",
                                                        "ok.example",
                                                        "X-Evil",
                                                        "a\r\nInjected: yes"),
                                                "",
                                                Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.NETWORK));
    }

    @Test
    void read_interimContinueAndChunkExtensions_areHandled() throws IOException {
        String wire =
                "HTTP/1.1 100 Continue\r\n\r\n"
                        + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\nX-Y: z\r\n\r\n"
                        + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n";

        BackendResponse response =
                SocketHttpClient.read(
                        new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)),
                        false);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().first("X-Y")).contains("z");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("abcde");
    }

    @Test
    void read_truncatedContentLength_fails() {
        String wire = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort";

        assertThatThrownBy(
                        () ->
                                SocketHttpClient.read(
                                        new ByteArrayInputStream(
                                                wire.getBytes(StandardCharsets.ISO_8859_1)),
                                        false))
                .isInstanceOf(IOException.class);
    }

    @Test
    void read_noLengthNoChunks_readsToEndAndNoContentHasNoBody() throws IOException {
        BackendResponse untilClose =
                SocketHttpClient.read(
                        new ByteArrayInputStream(
                                "HTTP/1.0 200 OK\r\n\r\nall of it"
                                        .getBytes(StandardCharsets.ISO_8859_1)),
                        false);
        BackendResponse noContent =
                SocketHttpClient.read(
                        new ByteArrayInputStream(
                                "HTTP/1.1 204 No Content\r\n\r\nignored"
                                        .getBytes(StandardCharsets.ISO_8859_1)),
                        false);

        assertThat(new String(untilClose.body(), StandardCharsets.UTF_8)).isEqualTo("all of it");
        assertThat(noContent.body()).isEmpty();
    }
}
