package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.LambdaProxyScenarioTest.assertServerError;
import static dev.apigw.tests.LambdaProxyScenarioTest.uri;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.InternalErrorHandler;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.BlockingHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Lambda function runs within the integration timeout (reference 4.2, 9.5): past it the client
 * gets 504 {@code Endpoint request timed out} (INTEGRATION_TIMEOUT, reference 2.2 [C]) and the
 * function's thread is interrupted and left; an {@link Error} a function throws is answered as
 * Lambda reports a runtime that died, and the {@code Api} goes on serving. No test sleeps: the
 * function blocks on a latch that the test opens after its assertions.
 */
class LambdaTimeoutScenarioTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);

    @AfterEach
    void releaseFunctions() {
        release.countDown();
    }

    private static RestApi api(IntegrationType type, int timeoutInMillis) {
        return RestApi.builder()
                .name("timeouts")
                .resource(
                        "/slow",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .methodResponse("502", mr -> {})
                                                        .integration(
                                                                i -> {
                                                                    i.type(type)
                                                                            .httpMethod("POST")
                                                                            .uri(uri("slow"))
                                                                            .timeoutInMillis(
                                                                                    timeoutInMillis);
                                                                    if (type
                                                                            == IntegrationType
                                                                                    .AWS) {
                                                                        i.integrationResponse(
                                                                                        "200",
                                                                                        ir -> {})
                                                                                .integrationResponse(
                                                                                        "502",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .selectionPattern(
                                                                                                                ".*Runtime exited.*"));
                                                                    }
                                                                })))
                .build();
    }

    private static Api api(IntegrationType type, int timeoutInMillis, LambdaFunction function) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(api(type, timeoutInMillis))
                .deploy("dev")
                .lambda("slow", function)
                .build();
    }

    @ParameterizedTest
    @EnumSource(names = {"AWS", "AWS_PROXY"})
    void handle_functionPastTheTimeout_returns504AndInterruptsIt(IntegrationType type)
            throws InterruptedException {
        Api api =
                api(
                        type,
                        50,
                        LambdaHandlers.requestHandler(
                                new BlockingHandler(release, interrupted), Map.class));

        TestInvokeResult result =
                api.testInvoke(
                        Request.builder().httpMethod("GET").target("/dev/slow").body("{}").build());

        assertThat(result).isGatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT);
        assertThat(result).hasBody("{\"message\": \"Endpoint request timed out\"}");
        assertThat(result.log().contains("Execution failed due to a timeout error")).isTrue();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void handle_functionIgnoringTheInterrupt_isAbandonedAndTheApiServesOthers() {
        AtomicBoolean slow = new AtomicBoolean(true);
        Api api =
                api(
                        IntegrationType.AWS_PROXY,
                        50,
                        invocation -> {
                            while (slow.get()) {
                                try {
                                    release.await(10, TimeUnit.SECONDS);
                                    break;
                                } catch (InterruptedException e) {
                                    interrupted.countDown();
                                }
                            }
                            return LambdaResult.of(
                                    "{\"statusCode\": 200}".getBytes(StandardCharsets.UTF_8));
                        });

        assertThat(api.handle(Request.of("GET", "/dev/slow"))).hasStatus(504);
        slow.set(false);
        assertThat(api.handle(Request.of("GET", "/dev/slow"))).hasStatus(200);
    }

    @Test
    void handle_functionWithinTheTimeout_isServed() {
        Api api =
                api(
                        IntegrationType.AWS_PROXY,
                        29_000,
                        invocation ->
                                LambdaResult.of(
                                        "{\"statusCode\": 201}".getBytes(StandardCharsets.UTF_8)));

        assertThat(api.handle(Request.of("GET", "/dev/slow"))).hasStatus(201);
    }

    @Test
    void handle_proxyFunctionRunningOutOfMemory_returns502AndKeepsServing() {
        AtomicBoolean fail = new AtomicBoolean(true);
        Api api =
                api(
                        IntegrationType.AWS_PROXY,
                        29_000,
                        LambdaHandlers.requestHandler(
                                (Map<String, Object> in,
                                        com.amazonaws.services.lambda.runtime.Context c) -> {
                                    if (fail.getAndSet(false)) {
                                        throw new OutOfMemoryError("Java heap space");
                                    }
                                    return Map.of("statusCode", 200);
                                },
                                Map.class));

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/slow"));

        assertServerError(result.response(), 502);
        assertThat(result.log().contains("Runtime.ExitError")).isTrue();
        assertThat(api.handle(Request.of("GET", "/dev/slow"))).hasStatus(200);
    }

    @Test
    void handle_awsFunctionThrowingAnError_isALambdaRuntimeExitError() {
        Api api =
                api(
                        IntegrationType.AWS,
                        29_000,
                        invocation -> {
                            throw new InternalError("the runtime broke");
                        });

        Response response = api.handle(Request.of("GET", "/dev/slow"));

        assertThat(response).hasStatus(502);
        assertThat(response.bodyAsString())
                .contains("\"errorType\":\"Runtime.ExitError\"")
                .contains("Runtime exited with error");
    }

    @Test
    void handle_httpBackendThrowingAnError_returns500InsteadOfThrowing() {
        RestApi restApi =
                RestApi.builder()
                        .name("error-backend")
                        .resource(
                                "/h",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .HTTP_PROXY)
                                                                                .httpMethod("GET")
                                                                                .uri(
                                                                                        "http://backend.example/h"))))
                        .build();
        HttpBackend failing =
                request -> {
                    throw new OutOfMemoryError("Java heap space");
                };
        Api api =
                Api.builder()
                        .internalErrorHandler(InternalErrorHandler.logAndAnswer500())
                        .restApi(restApi)
                        .deploy("dev")
                        .httpBackend(failing)
                        .build();

        assertServerError(api.handle(Request.of("GET", "/dev/h")), 500);
    }
}
