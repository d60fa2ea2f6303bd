package dev.apigw.samples.localserver.isolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions run as Lambda runs them: child JVMs on the Lambda runtime interface client, polling our
 * Runtime API, behind a REST API's Lambda proxy integration. Each failure is answered as AWS
 * answers it (the gateway's 502 {@code Internal server error}, reference 2.2; Lambda's error
 * payload on the {@link LambdaResult}), and the next call to the same function succeeds.
 */
class IsolatedFunctionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path work;
    private static Path classes;
    private static IsolatedFunctions functions;

    @BeforeAll
    static void start() throws Exception {
        classes = ProbeHandlerSource.compile(work);
        functions = IsolatedFunctions.start(IsolationSettings.defaults());
    }

    @AfterAll
    static void stop() {
        if (functions != null) {
            functions.close();
        }
    }

    @Test
    void invoke_functionReadsEnvironment_seesItsVariablesAndMemory() {
        Recorded fn =
                Recorded.of(
                        functions.function(
                                probe("GreetingFunction", 3, 256, Map.of("GREETING", "hello")),
                                List.of(classes)));

        Response first = api(fn).handle(Request.post("/test/call", "{}"));
        Response second = api(fn).handle(Request.post("/test/call", "{}"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.bodyAsString())
                .isEqualTo("greeting=hello function=GreetingFunction memory=256");
        assertThat(second.bodyAsString()).isEqualTo(first.bodyAsString());
        assertThat(fn.isolated.processes()).as("one warm process").isEqualTo(1);
    }

    @Test
    void invoke_pastTimeout_answersSandboxTimedoutThenServesAgain() throws Exception {
        Recorded fn =
                Recorded.of(
                        functions.function(
                                probe("SlowFunction", 1, 128, Map.of()), List.of(classes)));

        Response timedOut = api(fn).handle(Request.post("/test/call", "block"));
        Response after = api(fn).handle(Request.post("/test/call", "{}"));

        assertThat(timedOut.statusCode()).isEqualTo(502);
        assertThat(timedOut.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
        LambdaResult result = fn.results.get(0);
        assertThat(result.functionError()).contains("Unhandled");
        assertThat(payload(result))
                .isEqualTo(
                        "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: "
                                + fn.requestIds.get(0)
                                + " Error: Task timed out after 1.00 seconds\"}");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.bodyAsString()).startsWith("greeting=null function=SlowFunction");
    }

    @Test
    void invoke_systemExit_answersRuntimeExitErrorThenServesAgain() throws Exception {
        Recorded fn =
                Recorded.of(
                        functions.function(
                                probe("ExitFunction", 3, 128, Map.of()), List.of(classes)));

        Response exited = api(fn).handle(Request.post("/test/call", "exit"));
        Response after = api(fn).handle(Request.post("/test/call", "{}"));

        assertThat(exited.statusCode()).isEqualTo(502);
        assertThat(exited.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(fn.results.get(0).functionError()).contains("Unhandled");
        assertThat(payload(fn.results.get(0)))
                .isEqualTo(
                        "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
                                + fn.requestIds.get(0)
                                + " Error: Runtime exited with error: exit status 3\"}");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.bodyAsString()).startsWith("greeting=null function=ExitFunction");
    }

    @Test
    void invoke_outOfMemory_answersOutOfMemoryErrorThenServesAgain() throws Exception {
        Recorded fn =
                Recorded.of(
                        functions.function(
                                probe("HogFunction", 10, 128, Map.of()), List.of(classes)));

        Response failed = api(fn).handle(Request.post("/test/call", "oom"));
        Response after = api(fn).handle(Request.post("/test/call", "{}"));

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(fn.results.get(0).functionError()).contains("Unhandled");
        JsonNode error = JSON.readTree(fn.results.get(0).payload());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Java heap space");
        assertThat(error.path("stackTrace").isArray()).isTrue();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.bodyAsString()).isEqualTo("greeting=null function=HogFunction memory=128");
    }

    @Test
    void invoke_handlerClassMissing_answersClassNotFoundFromTheRuntime() throws Exception {
        FunctionConfiguration missing =
                probe("MissingFunction", 3, 128, Map.of())
                        .copy(b -> b.handler("probe.Missing::handleRequest"));
        Recorded fn = Recorded.of(functions.function(missing, List.of(classes)));

        Response response = api(fn).handle(Request.post("/test/call", "{}"));

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(fn.results.get(0).payload());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(error.path("errorMessage").asText()).contains("probe.Missing");
    }

    @Test
    void invoke_constructorThrows_answersTheInitErrorOnEveryCall() throws Exception {
        FunctionConfiguration broken =
                probe("BrokenFunction", 3, 128, Map.of())
                        .copy(b -> b.handler(ProbeHandlerSource.BROKEN_HANDLER));
        Recorded fn = Recorded.of(functions.function(broken, List.of(classes)));

        Response first = api(fn).handle(Request.post("/test/call", "{}"));
        Response second = api(fn).handle(Request.post("/test/call", "{}"));

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(second.statusCode()).isEqualTo(502);
        for (LambdaResult result : fn.results) {
            assertThat(result.functionError()).contains("Unhandled");
            JsonNode error = JSON.readTree(result.payload());
            assertThat(error.path("errorType").asText())
                    .isEqualTo("java.lang.IllegalStateException");
            assertThat(error.path("errorMessage").asText()).isEqualTo("no database");
        }
    }

    @Test
    void invoke_whileACallIsInFlight_startsASecondProcess() throws Exception {
        Recorded fn =
                Recorded.of(
                        functions.function(
                                probe("BusyPairFunction", 2, 128, Map.of()), List.of(classes)));
        CompletableFuture<Response> blocked =
                CompletableFuture.supplyAsync(
                        () -> api(fn).handle(Request.post("/test/call", "block")));
        waitUntil(() -> fn.isolated.processes() == 1);
        List<ProcessHandle> first = fn.isolated.processHandles();

        Response concurrent = api(fn).handle(Request.post("/test/call", "{}"));

        // The first process is held by the blocked call until its timeout: only a second
        // process can have answered.
        assertThat(concurrent.statusCode()).isEqualTo(200);
        assertThat(fn.isolated.processHandles()).anyMatch(process -> !first.contains(process));
        assertThat(blocked.join().statusCode()).isEqualTo(502);
    }

    @Test
    void invoke_overConcurrencyLimit_throttlesAndCloseLeavesNoProcess() throws Exception {
        IsolatedFunctions single =
                IsolatedFunctions.start(IsolationSettings.defaults().withConcurrencyLimit(1));
        IsolatedFunction fn =
                single.function(probe("BusyFunction", 30, 128, Map.of()), List.of(classes));
        CompletableFuture<LambdaResult> blocked =
                CompletableFuture.supplyAsync(() -> fn.invoke(invocation("block")));
        List<ProcessHandle> started;
        try {
            waitUntil(() -> fn.processes() == 1);
            started = fn.processHandles();

            assertThatThrownBy(() -> fn.invoke(invocation("{}")))
                    .isInstanceOf(TooManyRequestsException.class)
                    .hasMessageStartingWith("TooManyRequestsException: Rate Exceeded.");
            Response throttled = api(fn).handle(Request.post("/test/call", "{}"));
            assertThat(throttled.statusCode()).isEqualTo(502);
            assertThat(throttled.bodyAsString())
                    .isEqualTo("{\"message\": \"Internal server error\"}");
        } finally {
            single.close();
        }

        assertThat(blocked.join().functionError()).contains("Unhandled");
        assertThat(fn.processes()).isZero();
        assertThat(started).hasSize(1).noneMatch(ProcessHandle::isAlive);
    }

    private static FunctionConfiguration probe(
            String name, int timeout, int memory, Map<String, String> environment) {
        return FunctionConfiguration.builder()
                .logicalId(name)
                .runtime("java17")
                .handler(ProbeHandlerSource.HANDLER)
                .timeout(timeout)
                .memorySize(memory)
                .environment(environment)
                .build();
    }

    private static Api api(LambdaFunction function) {
        return Api.builder()
                .restApi(
                        RestApi.builder()
                                .name("isolated")
                                .resource(
                                        "/call",
                                        r ->
                                                r.method(
                                                        "POST",
                                                        m ->
                                                                m.integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS_PROXY)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                                                                                        + "arn:aws:lambda:us-east-1:123456789012:function:probe/invocations"))))
                                .build())
                .deploy("test")
                .lambda("probe", function)
                .build();
    }

    private static LambdaInvocation invocation(String body) {
        String event = "{\"body\":\"" + body + "\"}";
        return new LambdaInvocation(
                "arn:aws:lambda:us-east-1:123456789012:function:probe",
                "probe",
                "",
                "RequestResponse",
                UUID.randomUUID().toString(),
                Duration.ofSeconds(29),
                event.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(LambdaResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    /** Waits, spinning, until the condition holds; fails after 30 s. */
    private static void waitUntil(BooleanSupplier condition) {
        Instant end = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for a condition").isBefore(end);
            Thread.onSpinWait();
        }
    }

    /** Records what an isolated function was asked and answered. */
    private static final class Recorded implements LambdaFunction {
        final IsolatedFunction isolated;
        final List<String> requestIds = new CopyOnWriteArrayList<>();
        final List<LambdaResult> results = new CopyOnWriteArrayList<>();

        private Recorded(IsolatedFunction isolated) {
            this.isolated = isolated;
        }

        static Recorded of(IsolatedFunction isolated) {
            return new Recorded(isolated);
        }

        @Override
        public LambdaResult invoke(LambdaInvocation invocation) {
            requestIds.add(invocation.awsRequestId());
            LambdaResult result = isolated.invoke(invocation);
            results.add(result);
            return result;
        }
    }
}
