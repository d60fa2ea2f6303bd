package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link Api#testInvoke}: the response with the execution log and the latency, as the console's
 * TestInvokeMethod reports them (reference section 10.2), timed by the API's clock.
 */
class TestInvokeScenarioTest {
    private static final Instant START = Instant.parse("2025-01-02T03:04:05Z");

    private static Api api(TestClock clock) {
        RestApi restApi =
                RestApi.builder()
                        .name("test-invoke")
                        .resource(
                                "/pets/{petId}",
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
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "pet $input.params('petId') at "
                                                                                                                                + "$context.requestTimeEpoch")))))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("beta")
                .gateway(Gateway.builder().clock(clock).build())
                .build();
    }

    @Test
    void testInvoke_success_returnsResponseAndTraceOfStageAndRoute() {
        TestClock clock = new TestClock(START, Duration.ZERO);

        TestInvokeResult result = api(clock).testInvoke(Request.of("GET", "/beta/pets/31"));

        assertThat(result).hasStatus(200);
        assertThat(result).hasBody("pet 31 at " + START.toEpochMilli());
        assertThat(result.log().contains("HTTP Method: GET, Resource Path: /pets/31")).isTrue();
        assertThat(result.log().contains("Method request path: {petId=31}")).isTrue();
        assertThat(result.log().contains("Method completed with status: 200")).isTrue();
        assertThat(result.log().contains("Gateway response type")).isFalse();
        assertThat(result.log().toString()).contains("Thu Jan 02 03:04:05 UTC 2025 : ");
    }

    @Test
    void testInvoke_success_traceHasMethodRequestAndResponseAsTheConsoleShows() {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/beta/pets/31?limit=2")
                        .headers(Headers.of("X-Color", "red"))
                        .body("hello")
                        .build();

        TestInvokeResult result = api(new TestClock(START, Duration.ZERO)).testInvoke(request);

        assertThat(result.request()).isSameAs(request);
        assertThat(result.log().entries())
                .extracting(ExecutionTrace.Entry::message)
                .contains(
                        "Method request query string: {limit=2}",
                        "Method request headers: {X-Color=red}",
                        "Method request body before transformations: hello",
                        "Method response body after transformations: pet 31 at "
                                + START.toEpochMilli());
        assertThat(result.log().contains("Method response headers: {Content-Type=application/json"))
                .isTrue();
    }

    @Test
    void testInvoke_unknownRoute_traceNamesGatewayResponseType() {
        TestInvokeResult result =
                api(new TestClock(START, Duration.ZERO))
                        .testInvoke(Request.of("DELETE", "/beta/pets/31"));

        assertThat(result).hasStatus(403);
        assertThat(
                        result.log()
                                .contains(
                                        "Gateway response type: MISSING_AUTHENTICATION_TOKEN"
                                                + " with status code: 403"))
                .isTrue();
        assertThat(result.log().contains("Method completed with status: 403")).isTrue();
    }

    @Test
    void testInvoke_unknownStage_traceNamesTheStage() {
        TestInvokeResult result =
                api(new TestClock(START, Duration.ZERO))
                        .testInvoke(Request.of("GET", "/gamma/pets/31"));

        assertThat(result).hasStatus(403);
        assertThat(result.log().contains("No stage named: gamma")).isTrue();
    }

    @Test
    void testInvoke_stoppedClock_latencyIsZero() {
        TestInvokeResult result =
                api(new TestClock(START, Duration.ZERO))
                        .testInvoke(Request.of("GET", "/beta/pets/1"));

        assertThat(result.latency()).isEqualTo(Duration.ZERO);
        assertThat(result.log().entries()).allSatisfy(e -> assertThat(e.time()).isEqualTo(START));
    }

    @Test
    void testInvoke_tickingClock_latencyCountsTheClockReads() {
        Duration tick = Duration.ofMillis(3);
        TestClock clock = new TestClock(START, tick);
        Api api = api(clock);
        // The account's first request creates its throttle buckets, which read the clock once.
        api.handle(Request.of("GET", "/beta/pets/1"));
        int readsBefore = clock.reads();

        TestInvokeResult first = api.testInvoke(Request.of("GET", "/beta/pets/1"));
        int reads = clock.reads() - readsBefore;
        TestInvokeResult second = api.testInvoke(Request.of("GET", "/beta/pets/1"));

        assertThat(first.latency()).isEqualTo(tick.multipliedBy(reads - 1L));
        assertThat(second.latency()).isEqualTo(first.latency());
        assertThat(first.latency()).isPositive();
        assertThat(first.log().entries().get(0).time()).isAfter(START);
    }

    @Test
    void testInvoke_sameRequest_answersAsHandleDoes() {
        Api api = api(new TestClock(START, Duration.ZERO));
        Request request = Request.of("GET", "/beta/pets/77");

        Response handled = api.handle(request);
        Response invoked = api.testInvoke(request).response();

        assertThat(invoked.statusCode()).isEqualTo(handled.statusCode());
        assertThat(invoked).hasBody(handled.bodyAsString());
        assertThat(invoked.headers().first("Content-Type"))
                .isEqualTo(handled.headers().first("Content-Type"));
    }
}
