package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The execution log on standard error (reference 10.2), through a real {@code Api}. */
class ExecutionLogTest {
    private static final String LAMBDA_URI =
            "arn:aws:apigateway:us-east-1:lambda:path/"
                    + "2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:%s/"
                    + "invocations";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A real handler class whose database is down. */
    public static final class FailingHandler
            implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            throw new IllegalStateException("database unreachable");
        }
    }

    private static Api api() {
        RestApi definition =
                RestApi.builder()
                        .name("orders")
                        .resource(
                                "/health",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .resource(
                                "/orders/boom",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        String
                                                                                                .format(
                                                                                                        LAMBDA_URI,
                                                                                                        "orders")))))
                        .resource(
                                "/unbound",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        String
                                                                                                .format(
                                                                                                        LAMBDA_URI,
                                                                                                        "PaymentsFunction")))))
                        .build();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Map<String, Object>> map = (Class) Map.class;
        return Api.builder()
                .restApi(definition)
                .deploy("dev")
                .lambda("orders", LambdaHandlers.requestHandler(new FailingHandler(), map))
                .build();
    }

    private Function<Request, Response> handler(LogLevel level) {
        Api api = api();
        return ExecutionLog.of(
                () -> api,
                level,
                new FailureHints("dev"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void errorLevel_lambdaFunctionFails_logsTheFunctionErrorAndStackTrace() {
        Response response = handler(LogLevel.ERROR).apply(Request.of("GET", "/dev/orders/boom"));

        assertThat(response.statusCode()).isEqualTo(502);
        String id = response.headers().last("x-amzn-RequestId").orElseThrow();
        assertThat(log())
                .contains("(" + id + ") ")
                .contains(
                        "Lambda execution failed with status 200 due to customer function"
                                + " error: ")
                .contains("database unreachable")
                .contains("FailingHandler.handleRequest")
                .contains("Method completed with status: 502");
        assertThat(log().lines()).allMatch(line -> line.startsWith("(" + id + ") "));
    }

    @Test
    void errorLevel_successfulRequest_logsNothing() {
        Response response = handler(LogLevel.ERROR).apply(Request.of("GET", "/dev/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(log()).isEmpty();
    }

    @Test
    void infoLevel_successfulRequest_logsTheWholeTrace() {
        handler(LogLevel.INFO).apply(Request.of("GET", "/dev/health"));

        assertThat(log())
                .contains("Starting execution for request: ")
                .contains("Method request headers: ")
                .contains("Method completed with status: 200")
                .containsPattern("\\) \\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4} : ");
    }

    @Test
    void offLevel_failingRequest_logsNothing() {
        Response response = handler(LogLevel.OFF).apply(Request.of("GET", "/dev/orders/boom"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(log()).isEmpty();
    }

    @Test
    void infoLevel_secretHeaders_areMaskedButTheirLastCharacters() {
        String bearer = "Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig-7f3a9c";
        String key = "demo-key-0123456789abcdef";
        handler(LogLevel.INFO)
                .apply(
                        Request.builder()
                                .httpMethod("GET")
                                .path("/dev/health")
                                .header("Authorization", bearer)
                                .header("x-api-key", key)
                                .header("Accept", "*/*")
                                .build());

        assertThat(log())
                .doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                .doesNotContain("0123456789")
                .contains("Authorization=" + "*".repeat(bearer.length() - 6) + "7f3a9c")
                .contains("x-api-key=" + "*".repeat(key.length() - 6) + "abcdef")
                .contains("Accept=*/*");
    }

    @Test
    void errorLevel_requestWithoutTheStage_saysWhichStageIsServed() {
        Response response = handler(LogLevel.ERROR).apply(Request.of("GET", "/health"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(log()).contains("no stage 'health'; this server serves /dev");
    }

    @Test
    void errorLevel_unboundFunction_saysHowToBindIt() {
        Response response = handler(LogLevel.ERROR).apply(Request.of("GET", "/dev/unbound"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(log())
                .contains(
                        "no Lambda function is bound for PaymentsFunction;"
                                + " bind it with --lambda PaymentsFunction=CLASS");
    }
}
