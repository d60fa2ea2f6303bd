package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.EchoEventHandler;
import org.junit.jupiter.api.Test;

/**
 * X-Ray trace headers through {@link Api#handle} (reference 10.5, 10.6): a stage with {@code
 * tracingEnabled} samples the request and passes the whole header to the Lambda function; without
 * it, the function sees {@code Root=} only unless the caller's trace is sampled, which passes
 * through.
 */
class XRayScenarioTest {
    private static final String ROOT = "1-5e6f7a8b-0123456789abcdef01234567";

    private static Api echo(boolean tracing) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(LambdaProxyScenarioTest.proxyApi("/pets", "GET", "echo", b -> {}))
                .deploy("dev", s -> s.tracingEnabled(tracing))
                .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                .build();
    }

    private static Request get(String traceHeader) {
        Request.Builder request = Request.builder().httpMethod("GET").target("/dev/pets");
        if (traceHeader != null) {
            request.header("X-Amzn-Trace-Id", traceHeader);
        }
        return request.build();
    }

    private static String sentToFunction(Response response) {
        JsonNode event = LambdaProxyScenarioTest.event(response);
        return event.get("headers").get("X-Amzn-Trace-Id").asText();
    }

    @Test
    void handle_tracingEnabled_functionAndCallerGetTheSampledTrace() {
        Response response = echo(true).handle(get(null));

        String returned = response.headers().first("X-Amzn-Trace-Id").orElseThrow();
        assertThat(returned)
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1");
        assertThat(sentToFunction(response)).isEqualTo(returned);
    }

    @Test
    void handle_tracingOff_functionGetsRootOnlyAndCallerUnsampledTrace() {
        Response response = echo(false).handle(get(null));

        String returned = response.headers().first("X-Amzn-Trace-Id").orElseThrow();
        assertThat(returned).endsWith(";Sampled=0");
        assertThat(sentToFunction(response)).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(returned).startsWith(sentToFunction(response) + ";Parent=");
    }

    @Test
    void handle_sampledCallerTracingOff_traceContinuesThroughTheFunction() {
        String sent = "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1";

        Response response = echo(false).handle(get(sent));

        assertThat(sentToFunction(response)).isEqualTo(sent);
        assertThat(response.headers().first("X-Amzn-Trace-Id")).contains(sent);
    }

    @Test
    void handle_rootOnlyTracingOn_keepsRootAndAddsParent() {
        Response response = echo(true).handle(get("Root=" + ROOT));

        assertThat(response.headers().first("X-Amzn-Trace-Id").orElseThrow())
                .matches("Root=" + ROOT + ";Parent=[0-9a-f]{16};Sampled=1");
    }

    @Test
    void handle_gatewayErrorWithTracing_returnsNoTraceHeader() {
        Response response =
                echo(true)
                        .handle(
                                Request.builder()
                                        .httpMethod("DELETE")
                                        .target("/dev/pets")
                                        .header("X-Amzn-Trace-Id", "Root=" + ROOT)
                                        .build());

        assertThat(response).hasStatus(403).doesNotHaveHeader("X-Amzn-Trace-Id");
    }
}
