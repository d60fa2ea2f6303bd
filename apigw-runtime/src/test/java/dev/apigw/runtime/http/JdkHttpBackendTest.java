package dev.apigw.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.HttpBackendException;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default backend on its own, against a real local server (reference 9.5). */
class JdkHttpBackendTest {
    private final LocalHttpServer server = LocalHttpServer.start();
    private final HttpBackend backend = JdkHttpBackend.create();

    @AfterEach
    void stop() {
        server.close();
    }

    private BackendRequest request(
            String method, String path, Headers headers, byte[] body, Duration timeout) {
        return new BackendRequest(
                method, URI.create(server.origin() + path), headers, body, timeout, false);
    }

    @Test
    void send_echo_passesMethodUriHeadersAndBody() {
        byte[] body = new byte[300];
        new Random(7).nextBytes(body);

        BackendResponse response =
                backend.send(
                        request(
                                "PATCH",
                                "/items/7?a=1&b=%20x",
                                Headers.of("X-Color", "teal", "Accept", "text/plain"),
                                body,
                                Duration.ofSeconds(5)));

        JsonNode echo = LocalHttpServer.echoed(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echo.get("method").asText()).isEqualTo("PATCH");
        assertThat(echo.get("uri").asText()).isEqualTo("/items/7?a=1&b=%20x");
        assertThat(LocalHttpServer.echoedHeader(echo, "x-color")).isEqualTo("teal");
        assertThat(LocalHttpServer.echoedHeader(echo, "accept")).isEqualTo("text/plain");
        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(body);
    }

    @Test
    void send_restrictedHeaders_skipsThemAndSends() {
        BackendResponse response =
                backend.send(
                        request(
                                "POST",
                                "/r",
                                Headers.of(
                                        "Host",
                                        "127.0.0.1:" + server.port(),
                                        "Connection",
                                        "close",
                                        "Content-Length",
                                        "999",
                                        "Transfer-Encoding",
                                        "chunked",
                                        "Expect",
                                        "100-continue",
                                        "X-Kept",
                                        "yes"),
                                "hi".getBytes(),
                                Duration.ofSeconds(5)));

        JsonNode echo = LocalHttpServer.echoed(response.body());
        assertThat(LocalHttpServer.echoedHeader(echo, "host"))
                .isEqualTo("127.0.0.1:" + server.port());
        assertThat(LocalHttpServer.echoedHeader(echo, "content-length")).isEqualTo("2");
        assertThat(LocalHttpServer.echoedHeader(echo, "transfer-encoding")).isEmpty();
        assertThat(LocalHttpServer.echoedHeader(echo, "x-kept")).isEqualTo("yes");
        assertThat(LocalHttpServer.echoedBody(echo)).containsExactly('h', 'i');
    }

    @Test
    void send_hostOtherThanUriAuthority_reachesBackendWithFramingRecomputed() {
        BackendResponse response =
                backend.send(
                        request(
                                "POST",
                                "/r?x=%2F",
                                Headers.of(
                                        "Host",
                                        "elsewhere.example",
                                        "Connection",
                                        "keep-alive",
                                        "Content-Length",
                                        "999",
                                        "Transfer-Encoding",
                                        "chunked",
                                        "Expect",
                                        "100-continue",
                                        "X-Kept",
                                        "still"),
                                "hello".getBytes(),
                                Duration.ofSeconds(5)));

        JsonNode echo = LocalHttpServer.echoed(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echo.get("uri").asText()).isEqualTo("/r?x=%2F");
        assertThat(LocalHttpServer.echoedHeader(echo, "host")).isEqualTo("elsewhere.example");
        assertThat(LocalHttpServer.echoedHeader(echo, "content-length")).isEqualTo("5");
        assertThat(LocalHttpServer.echoedHeader(echo, "transfer-encoding")).isEmpty();
        assertThat(LocalHttpServer.echoedHeader(echo, "expect")).isEmpty();
        assertThat(LocalHttpServer.echoedHeader(echo, "connection")).isEqualTo("close");
        assertThat(LocalHttpServer.echoedHeader(echo, "x-kept")).isEqualTo("still");
        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo("hello".getBytes());
    }

    @Test
    void send_repeatedResponseHeader_keepsEveryValue() {
        server.respond(
                "/multi",
                207,
                Map.of("Set-Cookie", List.of("a=1", "b=2", "c=3")),
                "done".getBytes());

        BackendResponse response =
                backend.send(
                        request(
                                "GET",
                                "/multi",
                                Headers.empty(),
                                new byte[0],
                                Duration.ofSeconds(5)));

        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.headers().values("set-cookie")).containsExactly("a=1", "b=2", "c=3");
        assertThat(new String(response.body())).isEqualTo("done");
    }

    @Test
    void send_noHeadersWithinTimeout_failsWithTimeout() {
        server.stallBeforeHeaders("/slow");

        assertThatThrownBy(
                        () ->
                                backend.send(
                                        request(
                                                "GET",
                                                "/slow",
                                                Headers.empty(),
                                                new byte[0],
                                                Duration.ofMillis(50))))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.TIMEOUT));
    }

    @Test
    void send_bodyStallsAfterHeaders_failsWithTimeout() {
        server.stallInBody("/trickle");

        assertThatThrownBy(
                        () ->
                                backend.send(
                                        request(
                                                "GET",
                                                "/trickle",
                                                Headers.empty(),
                                                new byte[0],
                                                Duration.ofMillis(80))))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.TIMEOUT));
    }

    @Test
    void send_manyCalls_startNoThreadPerCall() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        backend.send(request("GET", "/warm", Headers.empty(), new byte[0], Duration.ofSeconds(5)));
        long before = threads.getTotalStartedThreadCount();

        for (int i = 0; i < 50; i++) {
            assertThat(
                            backend.send(
                                            request(
                                                    "GET",
                                                    "/n/" + i,
                                                    Headers.empty(),
                                                    new byte[0],
                                                    Duration.ofSeconds(5)))
                                    .statusCode())
                    .isEqualTo(200);
        }

        // sendAsync handed each completion to CompletableFuture's default executor, a new
        // thread per task where the common pool has one thread (2 CPUs): two threads a call
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(25);
    }

    @Test
    void send_connectionRefused_failsWithNetwork() {
        URI closed = URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/x");

        assertThatThrownBy(
                        () ->
                                backend.send(
                                        new BackendRequest(
                                                "GET",
                                                closed,
                                                Headers.empty(),
                                                new byte[0],
                                                Duration.ofSeconds(5),
                                                false)))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.NETWORK));
    }

    @Test
    void send_invalidHeaderValue_failsWithNetwork() {
        assertThatThrownBy(
                        () ->
                                backend.send(
                                        request(
                                                "GET",
                                                "/x",
                                                Headers.of("X-Bad", "line\nbreak"),
                                                new byte[0],
                                                Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.NETWORK));
    }
}
