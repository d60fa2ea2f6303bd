package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.InternalErrorHandler;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the gateway that is no gateway response (a bug of ours, or an {@link Error} a
 * host component let through) goes to the {@link InternalErrorHandler} set on the builder, with the
 * request, its ids and the failure; the default answers as AWS answers its own faults, 500 {@code
 * {"message": "Internal server error"}} with {@code x-amzn-ErrorType: InternalServerErrorException}
 * (reference 3.1, the DEFAULT_5XX body; 10.6, the ids). The failures are real ones: an HTTP backend
 * or a Lambda thread pool that throws an {@link Error}, which the invokers do not turn into
 * INTEGRATION_FAILURE since only exceptions are the host's answers.
 */
class InternalErrorScenarioTest {
    private static final String LAMBDA_URI =
            "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:eu-west-1:123456789012:function:pets/invocations";

    /** What a handler was given. */
    private record Failure(
            Request request, String requestId, String extendedRequestId, Throwable failure) {}

    /** GET /legacy proxies to an HTTP backend; GET /pets proxies to the Lambda function pets. */
    private static RestApi restApi() {
        return RestApi.builder()
                .name("internal-errors")
                .resource(
                        "/legacy",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.HTTP_PROXY)
                                                                        .httpMethod("GET")
                                                                        .uri(
                                                                                "http://legacy.example/x"))))
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.AWS_PROXY)
                                                                        .httpMethod("POST")
                                                                        .uri(LAMBDA_URI))))
                .build();
    }

    private static Api.Builder api(HttpBackend backend) {
        return Api.builder()
                .restApi(restApi())
                .deploy("test")
                .httpBackend(backend)
                .lambda("pets", invocation -> LambdaResult.of(new byte[0]));
    }

    private static HttpBackend throwing(Error error) {
        return request -> {
            throw error;
        };
    }

    @Test
    void handle_backendThrowsError_handlerGetsRequestIdsAndFailure() {
        List<Failure> failures = new ArrayList<>();
        StackOverflowError error = new StackOverflowError("backend recursed");
        Response answer = Response.builder().statusCode(599).build();
        Api api =
                api(throwing(error))
                        .internalErrorHandler(
                                (request, requestId, extendedRequestId, failure) -> {
                                    failures.add(
                                            new Failure(
                                                    request,
                                                    requestId,
                                                    extendedRequestId,
                                                    failure));
                                    return answer;
                                })
                        .build();
        Request request = Request.get("/test/legacy");

        Response response = api.handle(request);

        assertThat(response).isSameAs(answer);
        assertThat(failures).hasSize(1);
        Failure failure = failures.get(0);
        assertThat(failure.request()).isSameAs(request);
        assertThat(failure.failure()).isSameAs(error);
        assertThat(failure.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.*");
        assertThat(failure.extendedRequestId()).hasSize(16);
    }

    @Test
    void handle_defaultHandler_answers500InternalServerErrorWithTheIds() {
        List<Failure> seen = new ArrayList<>();
        Api recording =
                api(throwing(new AssertionError("a backend's own assertion")))
                        .gateway(Gateway.builder().random(() -> 7L).build())
                        .internalErrorHandler(
                                (request, requestId, extendedRequestId, failure) -> {
                                    seen.add(
                                            new Failure(
                                                    request,
                                                    requestId,
                                                    extendedRequestId,
                                                    failure));
                                    return InternalErrorHandler.logAndAnswer500()
                                            .handle(request, requestId, extendedRequestId, failure);
                                })
                        .build();
        Api byDefault =
                api(throwing(new AssertionError("a backend's own assertion")))
                        .gateway(Gateway.builder().random(() -> 7L).build())
                        .build();

        Response response = byDefault.handle(Request.get("/test/legacy"));
        recording.handle(Request.get("/test/legacy"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("InternalServerErrorException");
        assertThat(response.headers().first("x-amzn-RequestId")).contains(seen.get(0).requestId());
        assertThat(response.headers().first("x-amz-apigw-id"))
                .contains(seen.get(0).extendedRequestId());
    }

    @Test
    void handle_lambdaThreadsThrowError_goesToTheHandler() {
        OutOfMemoryError noThread = new OutOfMemoryError("unable to create native thread");
        Executor failing =
                task -> {
                    throw noThread;
                };
        List<Throwable> failures = new ArrayList<>();
        Api api =
                api(throwing(new AssertionError("not called")))
                        .gateway(Gateway.builder().requestResponseExecutor(failing).build())
                        .internalErrorHandler(
                                (request, requestId, extendedRequestId, failure) -> {
                                    failures.add(failure);
                                    return Response.builder().statusCode(500).build();
                                })
                        .build();

        assertThat(api.handle(Request.get("/test/pets")).statusCode()).isEqualTo(500);
        assertThat(failures).containsExactly(noThread);
    }

    @Test
    void handle_handlerThrows_exceptionLeavesHandle() {
        AssertionError testFailure = new AssertionError("the test fails");
        Api api =
                api(throwing(new StackOverflowError()))
                        .internalErrorHandler(
                                (request, requestId, extendedRequestId, failure) -> {
                                    throw testFailure;
                                })
                        .build();

        assertThatThrownBy(() -> api.handle(Request.get("/test/legacy"))).isSameAs(testFailure);
    }

    @Test
    void handle_backendThrowsException_isAGatewayResponseNotAnInternalError() {
        List<Throwable> failures = new ArrayList<>();
        Api api =
                api(request -> {
                            throw new IllegalStateException("connection refused");
                        })
                        .internalErrorHandler(
                                (request, requestId, extendedRequestId, failure) -> {
                                    failures.add(failure);
                                    return Response.builder().statusCode(500).build();
                                })
                        .build();

        Response response = api.handle(Request.get("/test/legacy"));

        assertThat(failures).isEmpty();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("InternalServerErrorException");
    }

    @Test
    void testInvoke_internalError_executionLogSaysSo() {
        Api api =
                api(throwing(new StackOverflowError("deep")))
                        .internalErrorHandler(
                                (request, requestId, extendedRequestId, failure) ->
                                        Response.builder().statusCode(500).build())
                        .build();

        TestInvokeResult result = api.testInvoke(Request.get("/test/legacy"));

        assertThat(result.response().statusCode()).isEqualTo(500);
        assertThat(result.log().contains("Internal error: java.lang.StackOverflowError: deep"))
                .isTrue();
    }

    @Test
    void handle_hostClockThrows_goesToTheHandlerInsteadOfLeavingHandle() {
        Clock broken =
                new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        throw new IllegalStateException("the host's clock is broken");
                    }
                };
        Api api =
                api(throwing(new AssertionError("not reached")))
                        .gateway(Gateway.builder().random(() -> 7L).build())
                        .build()
                        .toBuilder()
                        .gateway(Gateway.builder().clock(broken).build())
                        .build();

        Response response = api.handle(Request.get("/test/legacy"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("InternalServerErrorException");
    }
}
