package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An HTTP_PROXY backend whose answer no gateway would take (20,000 headers, an endless status line,
 * a control character in a header, a body past 10 MB) gets API Gateway's 502 {@code Internal server
 * error} (INTEGRATION_FAILURE; reference 3.1, 9.5), through the socket client (a mapped {@code
 * Host}) and through {@code java.net.http} alike. The backend is a real {@link ServerSocket} on an
 * ephemeral loopback port writing raw bytes.
 */
class HostileBackendScenarioTest {
    private RawBackend backend;

    @AfterEach
    void stop() throws IOException {
        if (backend != null) {
            backend.close();
        }
    }

    private Api api(boolean mapHost) {
        RestApi restApi =
                RestApi.builder()
                        .name("hostile-backend")
                        .resource(
                                "/b",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i -> {
                                                                    i.type(
                                                                                    IntegrationType
                                                                                            .HTTP_PROXY)
                                                                            .httpMethod("GET")
                                                                            .uri(
                                                                                    "http://127.0.0.1:"
                                                                                            + backend
                                                                                                    .port()
                                                                                            + "/raw");
                                                                    if (mapHost) {
                                                                        i.putRequestParameter(
                                                                                "integration.request.header.Host",
                                                                                "'backend.example'");
                                                                    }
                                                                })))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("dev")
                .build();
    }

    private static void assertBadGateway(Response response) {
        assertThat(response)
                .hasStatus(502)
                .hasBody("{\"message\": \"Internal server error\"}")
                .hasErrorType("InternalServerErrorException");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "mapped Host: {0}")
    @ValueSource(booleans = {true, false})
    void handle_backendSendingTwentyThousandHeaders_returns502(boolean mapHost) {
        StringBuilder answer = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 20_000; i++) {
            answer.append("X-Header-").append(i).append(": value\r\n");
        }
        backend =
                RawBackend.answering(
                        ascii(answer.append("Content-Length: 2\r\n\r\nok").toString()));

        assertBadGateway(api(mapHost).handle(Request.of("GET", "/dev/b")));
    }

    @ParameterizedTest(name = "mapped Host: {0}")
    @ValueSource(booleans = {true, false})
    void handle_backendSendingHeadersJustUnderTheLimit_isServed(boolean mapHost) {
        StringBuilder answer = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 100; i++) {
            answer.append("X-Header-").append(i).append(": value\r\n");
        }
        backend =
                RawBackend.answering(
                        ascii(answer.append("Content-Length: 2\r\n\r\nok").toString()));

        Response response = api(mapHost).handle(Request.of("GET", "/dev/b"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("ok");
        assertThat(response.headers().first("X-Header-99")).contains("value");
    }

    /** The socket client reads the status line itself; {@code java.net.http} drops it. */
    @Test
    void handle_backendSendingEndlessStatusLine_returns502() {
        byte[] reason = new byte[200_000];
        Arrays.fill(reason, (byte) 'K');
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        answer.writeBytes(ascii("HTTP/1.1 200 O"));
        answer.writeBytes(reason);
        answer.writeBytes(ascii("\r\nContent-Length: 2\r\n\r\nok"));
        backend = RawBackend.answering(answer.toByteArray());

        assertBadGateway(api(true).handle(Request.of("GET", "/dev/b")));
    }

    /** The socket client reads header lines itself; {@code java.net.http} parses its own. */
    @Test
    void handle_backendHeaderWithControlCharacter_returns502() {
        backend =
                RawBackend.answering(
                        ascii(
                                "HTTP/1.1 200 OK\r\nX-Evil: a\u0001b\rInjected: yes"
                                        + "\r\nContent-Length: 2\r\n\r\nok"));

        assertBadGateway(api(true).handle(Request.of("GET", "/dev/b")));
    }

    @ParameterizedTest(name = "mapped Host: {0}")
    @ValueSource(booleans = {true, false})
    void handle_backendBodyPastTenMegabytesWithoutLength_returns502(boolean mapHost) {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) 'x');
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        answer.writeBytes(ascii("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"));
        answer.writeBytes(body);
        backend = RawBackend.answering(answer.toByteArray());

        assertBadGateway(api(mapHost).handle(Request.of("GET", "/dev/b")));
    }

    /**
     * A backend on a {@link ServerSocket}: reads each request's head and answers with the same raw
     * bytes, then closes the connection.
     */
    private static final class RawBackend implements AutoCloseable {
        private final ServerSocket server;
        private final byte[] answer;

        private RawBackend(byte[] answer) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.answer = answer;
            Thread accepting = new Thread(this::serve, "raw-backend");
            accepting.setDaemon(true);
            accepting.start();
        }

        static RawBackend answering(byte[] answer) {
            try {
                return new RawBackend(answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(answer);
                    out.flush();
                } catch (IOException e) {
                    // The client may hang up early, or the server was closed: next connection.
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
