package dev.apigw.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The servlet adapter behind a real Jetty on a free port, with real HTTP requests. */
class ApiServletTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicReference<Request> received = new AtomicReference<>();
    private LocalServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void serve(Function<Request, Response> handler) {
        server =
                LocalServer.create("127.0.0.1", 0)
                        .open()
                        .serve("/*", new ApiServlet(handler))
                        .start();
    }

    private void serveRecording(Response response) {
        serve(
                request -> {
                    received.set(request);
                    return response;
                });
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(
                request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String target) {
        return URI.create(server.baseUrl() + target);
    }

    @Test
    void service_rawTarget_reachesTheHandlerUnchanged() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        send(HttpRequest.newBuilder(uri("/dev//a%2Bb+c/%2F/%2e%2e/x?q=a%20b&q=2&p=+")));

        assertThat(received.get().path()).isEqualTo("/dev//a%2Bb+c/%2F/%2e%2e/x");
        assertThat(received.get().rawQueryString()).isEqualTo("q=a%20b&q=2&p=+");
    }

    @Test
    void service_repeatedHeaders_keepTheirValuesInOrder() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        send(
                HttpRequest.newBuilder(uri("/dev/x"))
                        .header("X-Multi", "b")
                        .header("X-Multi", "a")
                        .header("X-One", "1"));

        assertThat(received.get().headers().values("x-multi")).containsExactly("b", "a");
        assertThat(received.get().headers().values("X-One")).containsExactly("1");
        assertThat(received.get().headers().first("Host")).contains("127.0.0.1:" + server.port());
    }

    @Test
    void service_bodyBytes_passUnchanged() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());
        byte[] body = allBytes();

        send(
                HttpRequest.newBuilder(uri("/dev/upload"))
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(received.get().httpMethod()).isEqualTo("PATCH");
        assertThat(received.get().body()).isEqualTo(body);
    }

    @Test
    void service_connection_givesSourceIpSchemeAndLocalPort() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        send(HttpRequest.newBuilder(uri("/dev/x")));

        assertThat(received.get().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(received.get().scheme()).isEqualTo("http");
        assertThat(received.get().port()).isEqualTo(server.port());
    }

    @Test
    void write_multiValueHeadersAndBinaryBody_areSentAsGiven() throws Exception {
        byte[] body = allBytes();
        serveRecording(
                Response.builder()
                        .statusCode(207)
                        .addHeader("Set-Cookie", "b=2")
                        .addHeader("Set-Cookie", "a=1")
                        .addHeader("Content-Type", "image/png")
                        .body(body)
                        .build());

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/dev/img")));

        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.headers().allValues("set-cookie")).containsExactly("b=2", "a=1");
        assertThat(response.headers().firstValue("content-type")).contains("image/png");
        assertThat(response.headers().firstValue("content-length")).contains("256");
        assertThat(response.headers().firstValue("server")).isEmpty();
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void service_handlerFails_answers500JsonAndKeepsServing() throws Exception {
        serve(
                request -> {
                    if (request.path().endsWith("/boom")) {
                        throw new IllegalStateException("a bug");
                    }
                    return Response.builder().statusCode(200).body("ok").build();
                });

        HttpResponse<byte[]> failed = send(HttpRequest.newBuilder(uri("/dev/boom")));
        HttpResponse<byte[]> next = send(HttpRequest.newBuilder(uri("/dev/fine")));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("content-type")).contains("application/json");
        assertThat(new String(failed.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void toRequest_chunkedBodyWithoutLength_arrivesWhole() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer =
                raw(
                        "POST /dev/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n1\r\nh\r\n4\r\nello\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ");
        assertThat(new String(received.get().body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void toRequest_noLengthAndNoBody_hasEmptyBody() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer = raw("GET /dev/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ");
        assertThat(received.get().body()).isEmpty();
    }

    @Test
    void service_unreadableChunkedBody_answers400InTheGatewaysShape() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer =
                raw(
                        "POST /dev/x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                                + "\r\nZZ\r\nxx\r\n0\r\n\r\n");

        assertGatewayError(answer, 400, "BadRequestException", "{\"message\":\"Bad Request\"}");
        assertThat(received.get()).isNull();
    }

    @Test
    void service_handlerFails_answers500WithRequestIdAndErrorType() throws Exception {
        serve(
                request -> {
                    throw new IllegalStateException("a bug");
                });

        String answer = raw("GET /dev/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(
                answer,
                500,
                "InternalServerErrorException",
                "{\"message\": \"Internal server error\"}");
    }

    @Test
    void container_malformedHeader_answersInTheGatewaysShape() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer = raw("GET /dev/x HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n");

        assertGatewayError(answer, 400, "BadRequestException", "{\"message\":\"Bad Request\"}");
        assertThat(answer).doesNotContain("Cache-Control");
        assertThat(received.get()).isNull();
    }

    @Test
    void context_asteriskTargetOfAnotherMethod_answersInTheGatewaysShape() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer = raw("DELETE * HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertGatewayError(answer, 400, "BadRequestException", "{\"message\":\"Bad Request\"}");
        assertThat(received.get()).isNull();
    }

    @Test
    void container_unknownHttpVersion_answersTheGateways400() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer = raw("GET /dev/x HTTP/9.9\r\nHost: a\r\n\r\n");

        assertGatewayError(answer, 400, "BadRequestException", "{\"message\":\"Bad Request\"}");
        assertThat(received.get()).isNull();
    }

    @Test
    void container_urlAndHeadersUpToTheGatewaysLimits_reachTheGateway() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());
        String longPath = "/dev/" + "a".repeat(10_300);
        String bigHeader = "b".repeat(10_300);

        String answer =
                raw(
                        "GET "
                                + longPath
                                + " HTTP/1.1\r\nHost: a\r\nX-Big: "
                                + bigHeader
                                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ");
        assertThat(received.get().path()).isEqualTo(longPath);
        assertThat(received.get().headers().first("X-Big")).contains(bigHeader);
    }

    @Test
    void container_headersBeyondItsBuffer_answerTheGateways413() throws Exception {
        serveRecording(Response.builder().statusCode(200).build());

        String answer =
                raw(
                        "GET /dev/x HTTP/1.1\r\nHost: a\r\nX-Huge: "
                                + "c".repeat(LocalServer.REQUEST_HEADER_BYTES)
                                + "\r\n\r\n");

        assertGatewayError(
                answer, 413, "RequestTooLargeException", "{\"message\":\"Request Too Long\"}");
        assertThat(received.get()).isNull();
    }

    private static void assertGatewayError(
            String answer, int status, String errorType, String body) {
        assertThat(answer)
                .startsWith("HTTP/1.1 " + status + " ")
                .contains("\r\nContent-Type: application/json\r\n")
                .contains("\r\nx-amzn-ErrorType: " + errorType + "\r\n")
                .containsPattern(
                        "\r\nx-amzn-RequestId: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-"
                                + "[89ab][0-9a-f]{3}-[0-9a-f]{12}\r\n")
                .endsWith(body);
    }

    @Test
    void api_lambdaProxy_seesRawPathAndHostAsDomainName() throws Exception {
        RestApi definition =
                RestApi.builder()
                        .name("echo")
                        .resource(
                                "/echo/{proxy+}",
                                r ->
                                        r.method(
                                                "ANY",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                                                                                + "arn:aws:lambda:us-east-1:123456789012:function:echo/"
                                                                                                + "invocations"))))
                        .build();
        Api api =
                Api.builder()
                        .restApi(definition)
                        .deploy("dev")
                        .lambda("echo", LambdaHandlers.streamHandler(new EchoHandler()))
                        .build();
        server = LocalServer.create("127.0.0.1", 0).open().serve("/*", new ApiServlet(api)).start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/dev/echo//a%2Bb+c")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("\"path\":\"/echo//a%2Bb+c\"")
                .contains("\"pathParameters\":{\"proxy\":\"a%2Bb+c\"}")
                .contains("\"domainName\":\"127.0.0.1:" + server.port() + "\"")
                .contains("\"sourceIp\":\"127.0.0.1\"");
    }

    /** Sends bytes on a new connection and returns all it answers before closing. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
