package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.LambdaProxyScenarioTest.uri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.NestedFailureHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code stackTrace} of a function error holds the function's frames only, as the Lambda Java
 * runtime reports them (reference 6.1, the validated example's error body): nothing of the
 * gateway's pipeline, its threads or the host's server, through {@link Api#handle} of a non-proxy
 * integration that returns the error body.
 */
class FunctionStackTraceScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> stackTrace(LambdaFunction function) throws IOException {
        RestApi restApi =
                RestApi.builder()
                        .name("traces")
                        .resource(
                                "/orders",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                uri(
                                                                                                        "orders"))
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("dev")
                        .lambda("orders", function)
                        .build();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/orders")
                                .body("{\"order\": 17}")
                                .build());

        assertThat(response).hasStatus(200);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        List<String> frames = new ArrayList<>();
        error.get("stackTrace").forEach(frame -> frames.add(frame.asText()));
        return frames;
    }

    @Test
    void handle_requestHandlerFailingInNestedMethods_reportsTheFunctionsFramesOnly()
            throws IOException {
        List<String> frames =
                stackTrace(LambdaHandlers.requestHandler(new NestedFailureHandler(), Map.class));

        // The compiler's bridge handleRequest(Object, Context) is the function's frame too.
        assertThat(frames).hasSize(4);
        assertThat(frames).allMatch(f -> f.startsWith(NestedFailureHandler.class.getName()));
        assertThat(frames.get(0)).startsWith(NestedFailureHandler.class.getName() + ".check(");
        assertThat(frames.get(1)).startsWith(NestedFailureHandler.class.getName() + ".validate(");
        assertThat(frames.get(2))
                .startsWith(NestedFailureHandler.class.getName() + ".handleRequest(");
    }

    @Test
    void handle_streamHandlerFailingInNestedMethods_reportsTheFunctionsFramesOnly()
            throws IOException {
        List<String> frames = stackTrace(LambdaHandlers.streamHandler(new NestedFailureHandler()));

        assertThat(frames).hasSize(3);
        assertThat(frames).allMatch(f -> f.startsWith(NestedFailureHandler.class.getName()));
        assertThat(frames.get(2))
                .startsWith(NestedFailureHandler.class.getName() + ".handleRequest(");
    }
}
