package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link FailingInternalErrorHandler} through the testkit's public API: a request that fails inside
 * the gateway (here an {@link Error} an HTTP backend lets through) fails the test with an {@link
 * AssertionError} naming the request, instead of the 500 a test could mistake for the API's answer;
 * a gateway response, 5xx included, does not. {@link ApiGatewayExtension} installs it. The fixture
 * class is run through {@link EngineTestKit}, not by Surefire.
 */
class FailingInternalErrorHandlerTest {
    /** GET /legacy proxies to the HTTP backend. */
    static RestApi.Builder legacy(RestApi.Builder b) {
        return b.name("legacy")
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
                                                                                "http://legacy.example/x"))));
    }

    private static Api api(RecordingHttpBackend backend) {
        return Api.builder()
                .restApi(FailingInternalErrorHandlerTest::legacy)
                .deploy("test")
                .httpBackend(backend)
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .build();
    }

    @Test
    void handle_errorInsideTheGateway_failsWithAssertionErrorNamingTheRequest() {
        StackOverflowError error = new StackOverflowError("backend recursed");
        Api api =
                api(
                        RecordingHttpBackend.create()
                                .answers(
                                        request -> {
                                            throw error;
                                        }));

        assertThatThrownBy(() -> api.handle(Request.get("/test/legacy?id=7")))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching(
                        "request [0-9a-f-]{36} \\(GET /test/legacy\\?id=7\\) failed inside the"
                                + " gateway: java.lang.StackOverflowError: backend recursed")
                .hasCause(error);
    }

    @Test
    void handle_gatewayResponse_isAnsweredNotFailed() {
        Api api = api(RecordingHttpBackend.create().failsWithNetworkError());

        assertThat(api.handle(Request.get("/test/legacy")))
                .isGatewayResponse(GatewayResponseType.INTEGRATION_FAILURE);
    }

    static class ExtensionFixture {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(FailingInternalErrorHandlerTest::legacy)
                        .build();

        @Test
        void expects500(Api api, RecordingHttpBackend backend) {
            backend.answers(
                    request -> {
                        throw new StackOverflowError("backend recursed");
                    });

            assertThat(api.handle(Request.get("/test/legacy"))).hasStatus(500);
        }
    }

    @Test
    void extension_errorInsideTheGateway_failsTheTestInsteadOfAnswering500() {
        Events events =
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(ExtensionFixture.class))
                        .execute()
                        .testEvents();

        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("expects500"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(
                                                m ->
                                                        m.contains("(GET /test/legacy)")
                                                                && m.contains(
                                                                        "failed inside the gateway")),
                                        cause(instanceOf(StackOverflowError.class)))));
    }
}
