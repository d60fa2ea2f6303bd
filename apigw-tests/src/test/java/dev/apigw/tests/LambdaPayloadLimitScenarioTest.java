package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.LambdaProxyScenarioTest.assertServerError;
import static dev.apigw.tests.LambdaProxyScenarioTest.uri;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.FloodHandler;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Lambda's payload quotas through {@link Api#handle} (reference 9.5; Lambda quotas: 6 MB for a
 * synchronous request and response): a function answering past 6,291,556 bytes gets 502 {@code
 * Internal server error} (INTEGRATION_FAILURE, "Response payload size exceeded maximum allowed
 * payload size", as API Gateway logs it [C]); a request payload past 6,291,456 bytes never reaches
 * the function and gets 413 {@code Request Too Long} [C].
 */
class LambdaPayloadLimitScenarioTest {
    private static final int MAX_RESPONSE = 6_291_556;

    private static RestApi awsApi() {
        return RestApi.builder()
                .name("flood")
                .resource(
                        "/flood",
                        r ->
                                r.method(
                                        "POST",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.AWS)
                                                                                .httpMethod("POST")
                                                                                .uri(uri("flood"))
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir -> {}))))
                .build();
    }

    private static Api api() {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(awsApi())
                .deploy("dev")
                .lambda("flood", LambdaHandlers.streamHandler(new FloodHandler()))
                .build();
    }

    private static Request flood(long bytes) {
        return Request.builder()
                .httpMethod("POST")
                .target("/dev/flood")
                .body("{\"bytes\": " + bytes + "}")
                .build();
    }

    @Test
    void handle_streamHandlerAnsweringPastSixMegabytes_returns502WithLogLine() {
        TestInvokeResult result = api().testInvoke(flood(MAX_RESPONSE + 1));

        assertServerError(result.response(), 502);
        assertThat(
                        result.log()
                                .contains(
                                        "Response payload size exceeded maximum allowed payload"
                                                + " size (6291556 bytes)"))
                .isTrue();
    }

    @Test
    void handle_streamHandlerAnsweringExactlyTheLimit_isServed() {
        Response response = api().handle(flood(MAX_RESPONSE));

        assertThat(response).hasStatus(200);
        assertThat(response.bodyLength()).isEqualTo(MAX_RESPONSE);
    }

    @Test
    void handle_requestHandlerAnsweringPastSixMegabytes_returns502() {
        char[] big = new char[MAX_RESPONSE];
        Arrays.fill(big, 'y');
        String answer = new String(big);
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(awsApi())
                        .deploy("dev")
                        .lambda(
                                "flood",
                                LambdaHandlers.requestHandler(
                                        (Map<String, Object> in,
                                                com.amazonaws.services.lambda.runtime.Context c) ->
                                                answer,
                                        Map.class))
                        .build();

        assertServerError(api.handle(flood(1)), 502);
    }

    @Test
    void handle_hostFunctionAnsweringPastSixMegabytes_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(awsApi())
                        .deploy("dev")
                        .lambda("flood", invocation -> LambdaResult.of(new byte[MAX_RESPONSE + 1]))
                        .build();

        assertServerError(api.handle(flood(1)), 502);
    }

    @Test
    void handle_proxyFunctionAnsweringPastSixMegabytes_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                LambdaProxyScenarioTest.proxyApi(
                                        "/flood", "POST", "flood", b -> {}))
                        .deploy("dev")
                        .lambda("flood", LambdaHandlers.streamHandler(new FloodHandler()))
                        .build();

        TestInvokeResult result = api.testInvoke(flood(MAX_RESPONSE + 1));

        assertServerError(result.response(), 502);
        assertThat(result.log().contains("Response payload size exceeded")).isTrue();
    }

    @Test
    void handle_requestPayloadPastSixMegabytes_returns413WithoutCallingTheFunction() {
        AtomicInteger calls = new AtomicInteger();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(awsApi())
                        .deploy("dev")
                        .lambda(
                                "flood",
                                (LambdaInvocation invocation) -> {
                                    calls.incrementAndGet();
                                    return LambdaResult.of("{}".getBytes());
                                })
                        .build();
        byte[] body = new byte[6_291_457];
        Arrays.fill(body, (byte) ' ');
        body[0] = '1';

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/flood")
                                .body(body)
                                .build());

        assertThat(response).hasStatus(413);
        assertThat(response).hasBodyContaining("Request Too Long");
        assertThat(calls).hasValue(0);
        body[body.length - 1] = '\n';
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/flood")
                                        .body(Arrays.copyOf(body, 6_291_456))
                                        .build()))
                .hasStatus(200);
    }
}
