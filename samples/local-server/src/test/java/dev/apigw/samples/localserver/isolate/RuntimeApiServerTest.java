package dev.apigw.samples.localserver.isolate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lambda Runtime API ({@code 2018-06-01}) as a runtime sees it, with a plain HTTP client: the
 * routes, headers and status codes AWS documents, and the error bodies of the Lambda runtime
 * interface emulator for reports that do not fit the state.
 */
class RuntimeApiServerTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    private final HttpClient http = HttpClient.newHttpClient();
    private RuntimeApiServer server;
    private RuntimeSession session;

    @BeforeEach
    void start() throws Exception {
        server = RuntimeApiServer.start(Clock.fixed(NOW, ZoneOffset.UTC));
        session = new RuntimeSession("s1");
        server.register(session);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void next_invocationHanded_servesEventWithLambdaHeaders() throws Exception {
        CompletableFuture<HttpResponse<String>> next = nextAsync();
        PendingInvocation pending = pending("req-1", "{\"a\":1}");

        session.hand(pending);
        HttpResponse<String> response = next.join();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
        assertThat(response.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                .contains("req-1");
        assertThat(response.headers().firstValue("Lambda-Runtime-Deadline-Ms"))
                .contains(String.valueOf(NOW.toEpochMilli() + 3000));
        assertThat(response.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains(ARN);
        assertThat(response.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        assertThat(pending.started()).isCompletedWithValue(NOW.toEpochMilli() + 3000);
    }

    @Test
    void response_runningInvocation_accepts202AndCompletesIt() throws Exception {
        PendingInvocation pending = take("req-1");

        HttpResponse<String> response =
                post("/s1/2018-06-01/runtime/invocation/req-1/response", "{\"ok\":true}", null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}");
        LambdaResult result = pending.result().join();
        assertThat(result.functionError()).isEmpty();
        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void response_unknownOrAnsweredId_answers400InvalidRequestId() throws Exception {
        take("req-1");
        post("/s1/2018-06-01/runtime/invocation/req-1/response", "{}", null);

        HttpResponse<String> unknown =
                post("/s1/2018-06-01/runtime/invocation/other/response", "{}", null);
        HttpResponse<String> again =
                post("/s1/2018-06-01/runtime/invocation/req-1/error", "{}", null);

        for (HttpResponse<String> response : java.util.List.of(unknown, again)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .isEqualTo(
                            "{\"errorMessage\":\"Invalid request ID\","
                                    + "\"errorType\":\"InvalidRequestID\"}");
        }
    }

    @Test
    void error_withBody_isTheFunctionError() throws Exception {
        PendingInvocation pending = take("req-1");
        String body =
                "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";

        HttpResponse<String> response =
                post("/s1/2018-06-01/runtime/invocation/req-1/error", body, "Runtime.Unknown");

        assertThat(response.statusCode()).isEqualTo(202);
        LambdaResult result = pending.result().join();
        assertThat(result.functionError()).contains("Unhandled");
        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void error_withoutBody_isBuiltFromTheErrorTypeHeader() throws Exception {
        PendingInvocation pending = take("req-1");

        post("/s1/2018-06-01/runtime/invocation/req-1/error", "", "Runtime.MissingBody");

        assertThat(new String(pending.result().join().payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errorType\":\"Runtime.MissingBody\",\"errorMessage\":\"\"}");
    }

    @Test
    void response_past6Mb_answers413AndFailsWithResponseSizeTooLarge() throws Exception {
        PendingInvocation pending = take("req-1");
        String big = "x".repeat(LambdaResult.MAX_RESPONSE_BYTES + 1);

        HttpResponse<String> response =
                post("/s1/2018-06-01/runtime/invocation/req-1/response", big, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .isEqualTo(
                        "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556"
                                + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
        assertThat(pending.result().join().isResponseSizeTooLarge()).isTrue();
    }

    @Test
    void initError_beforeFirstNext_answersWaitingAndLaterInvocations() throws Exception {
        PendingInvocation waiting = pending("req-1", "{}");
        session.hand(waiting);
        String body = "{\"errorMessage\":\"bad\",\"errorType\":\"java.lang.RuntimeException\"}";

        HttpResponse<String> response =
                post("/s1/2018-06-01/runtime/init/error", body, "Runtime.BadFunctionCode");
        PendingInvocation later = pending("req-2", "{}");
        session.hand(later);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(new String(waiting.result().join().payload(), StandardCharsets.UTF_8))
                .isEqualTo(body);
        assertThat(later.result().join().functionError()).contains("Unhandled");
    }

    @Test
    void initError_afterFirstNext_answers403() throws Exception {
        take("req-1");

        HttpResponse<String> response = post("/s1/2018-06-01/runtime/init/error", "{}", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"errorType\":\"InvalidStateTransition\"");
    }

    @Test
    void request_unknownSessionOrPath_answers404AndWrongMethod405() throws Exception {
        HttpResponse<String> otherSession =
                http.send(get("/nobody/2018-06-01/runtime/invocation/next"), body());
        HttpResponse<String> otherVersion =
                http.send(get("/s1/2020-01-01/runtime/invocation/next"), body());
        HttpResponse<String> postNext = post("/s1/2018-06-01/runtime/invocation/next", "{}", null);

        assertThat(otherSession.statusCode()).isEqualTo(404);
        assertThat(otherVersion.statusCode()).isEqualTo(404);
        assertThat(postNext.statusCode()).isEqualTo(405);
    }

    @Test
    void next_sessionClosed_answers500() throws Exception {
        CompletableFuture<HttpResponse<String>> next = nextAsync();

        session.close();

        assertThat(next.join().statusCode()).isEqualTo(500);
    }

    @Test
    void exited_whileRunning_failsWithRuntimeExitError() throws Exception {
        PendingInvocation pending = take("req-1");

        session.exited(3);

        assertThat(new String(pending.result().join().payload(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId:"
                                + " req-1 Error: Runtime exited with error: exit status 3\"}");
    }

    private PendingInvocation take(String requestId) {
        CompletableFuture<HttpResponse<String>> next = nextAsync();
        PendingInvocation pending = pending(requestId, "{}");
        session.hand(pending);
        assertThat(next.join().statusCode()).isEqualTo(200);
        return pending;
    }

    private CompletableFuture<HttpResponse<String>> nextAsync() {
        return http.sendAsync(get("/s1/2018-06-01/runtime/invocation/next"), body());
    }

    private static PendingInvocation pending(String requestId, String event) {
        LambdaInvocation invocation =
                new LambdaInvocation(
                        ARN,
                        "fn",
                        "",
                        "RequestResponse",
                        requestId,
                        Duration.ofSeconds(29),
                        event.getBytes(StandardCharsets.UTF_8));
        return new PendingInvocation(invocation, 3, NOW.getEpochSecond());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(request.build(), body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
