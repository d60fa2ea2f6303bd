package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link Api.Builder#executionLogListener}: each handled request's response, execution log and
 * latency (reference section 10.2), as {@link Api#testInvoke} gives them, reach the listener.
 */
class ExecutionLogListenerScenarioTest {
    private static final Instant START = Instant.parse("2025-01-02T03:04:05Z");

    private static Api.Builder api() {
        RestApi restApi =
                RestApi.builder()
                        .name("listened")
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
                                                                                                                        "pet $input.params('petId')")))))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("beta")
                .gateway(
                        Gateway.builder()
                                .clock(new TestClock(START, Duration.ofMillis(3)))
                                .build());
    }

    @Test
    void handle_withListener_listenerGetsTheResponseAndItsLog() {
        List<TestInvokeResult> heard = new CopyOnWriteArrayList<>();
        Api api = api().executionLogListener(heard::add).build();
        Request request = Request.get("/beta/pets/31");

        Response response = api.handle(request);

        assertThat(heard).hasSize(1);
        TestInvokeResult result = heard.get(0);
        assertThat(result.response()).isSameAs(response);
        assertThat(result.request()).isSameAs(request);
        assertThat(response).hasBody("pet 31");
        assertThat(result.log().contains("Method request path: {petId=31}")).isTrue();
        assertThat(result.log().contains("Method completed with status: 200")).isTrue();
        assertThat(result.latency()).isPositive();
    }

    @Test
    void testInvoke_withListener_listenerGetsTheSameResult() {
        List<TestInvokeResult> heard = new CopyOnWriteArrayList<>();
        Api api = api().executionLogListener(heard::add).build();

        TestInvokeResult result = api.testInvoke(Request.get("/beta/pets/1"));

        assertThat(heard).containsExactly(result);
    }

    @Test
    void handle_listenerThrows_responseStillReturned() {
        Api api =
                api().executionLogListener(
                                r -> {
                                    throw new IllegalStateException("listener broken");
                                })
                        .build();

        Response response = api.handle(Request.get("/beta/pets/7"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("pet 7");
    }

    @Test
    void toBuilder_keepsTheListener_nullRemovesIt() {
        List<TestInvokeResult> heard = new CopyOnWriteArrayList<>();
        Api api = api().executionLogListener(heard::add).build();

        api.toBuilder().build().handle(Request.get("/beta/pets/1"));
        api.toBuilder().executionLogListener(null).build().handle(Request.get("/beta/pets/2"));

        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).request().path()).isEqualTo("/beta/pets/1");
    }
}
