package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.LambdaProxyScenarioTest.assertServerError;
import static dev.apigw.tests.LambdaProxyScenarioTest.proxyApi;
import static dev.apigw.tests.LambdaProxyScenarioTest.uri;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.RawReplyHandler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Characters that would split a response or forge a header (CR, LF, NUL and the other control
 * characters RFC 9110 section 5.5 keeps out of field values; a field name that is not a token)
 * never reach a {@link Response}: each source of a response header answers as API Gateway does
 * (reference 2.2, 3.2, 1.6, 5.3), through {@link Api#handle}.
 */
class HeaderInjectionScenarioTest {
    /** A query value that decodes to a CR LF and a forged header. */
    private static final String CRLF_QUERY = "a%0D%0AInjected:%20yes";

    private static void assertNoForgedHeader(Response response) {
        assertThat(response).doesNotHaveHeader("Injected");
        response.headers()
                .forEach(
                        (name, value) -> {
                            assertThat(Headers.isValidName(name)).as(name).isTrue();
                            assertThat(Headers.isValidValue(value)).as(name).isTrue();
                        });
    }

    private static Response proxyReply(String payload) {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/reply", "POST", "reply", b -> {}))
                        .deploy("test")
                        .lambda("reply", LambdaHandlers.streamHandler(new RawReplyHandler()))
                        .build();
        return api.handle(
                Request.builder().httpMethod("POST").target("/test/reply").body(payload).build());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "{\"headers\": {\"X-A\": \"a\\r\\nInjected: yes\"}}",
                "{\"headers\": {\"X-A\": \"a\\nb\"}}",
                "{\"headers\": {\"X-A\": \"a\\rb\"}}",
                "{\"headers\": {\"X-A\": \"a\\u0000b\"}}",
                "{\"headers\": {\"X-A\": \"a\\u007fb\"}}",
                "{\"multiValueHeaders\": {\"X-A\": [\"ok\", \"a\\r\\nInjected: yes\"]}}",
                "{\"headers\": {\"X-A\\r\\nInjected\": \"yes\"}}",
                "{\"multiValueHeaders\": {\"X-A\\nInjected\": [\"yes\"]}}",
                "{\"headers\": {\"X A\": \"space in the name\"}}",
                "{\"headers\": {\"X:A\": \"colon in the name\"}}",
                "{\"headers\": {\"\": \"empty name\"}}"
            })
    void handle_lambdaProxyHeaderWithIllegalCharacters_returns502(String payload) {
        Response response = proxyReply(payload);

        assertServerError(response, 502);
        assertNoForgedHeader(response);
    }

    @Test
    void handle_lambdaProxyHeaderWithTabAndNonAscii_isSent() {
        Response response =
                proxyReply("{\"headers\": {\"X-A\": \"a\\tb\", \"X-B\": \"caf\u00e9 \u2603\"}}");

        assertThat(response).hasStatus(200);
        assertThat(response.headers().first("X-A")).contains("a\tb");
        assertThat(response.headers().first("X-B")).contains("caf\u00e9 \u2603");
    }

    /** A query value is decoded, so it can hold CR LF; a path parameter stays encoded (2.1). */
    @Test
    void handle_gatewayResponseHeaderFromQueryWithCrLf_leavesTheHeaderOut() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("gr")
                                        .gatewayResponse(
                                                GatewayResponseType.DEFAULT_4XX,
                                                g ->
                                                        g.putResponseParameter(
                                                                        "gatewayresponse.header.X-Echo",
                                                                        "method.request.querystring.q")
                                                                .putResponseParameter(
                                                                        "gatewayresponse.header.X-Static",
                                                                        "'kept'"))
                                        .resource(
                                                "/items/{id}",
                                                r ->
                                                        r.method(
                                                                "GET",
                                                                m ->
                                                                        m.apiKeyRequired(true)
                                                                                .integration(
                                                                                        i ->
                                                                                                i
                                                                                                        .type(
                                                                                                                IntegrationType
                                                                                                                        .MOCK))))
                                        .build())
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/items/7?q=" + CRLF_QUERY));

        assertThat(response).hasStatus(403);
        assertThat(response).doesNotHaveHeader("X-Echo");
        assertThat(response.headers().first("X-Static")).contains("kept");
        assertNoForgedHeader(response);
        Response clean = api.handle(Request.of("GET", "/dev/items/7?q=plain"));
        assertThat(clean.headers().first("X-Echo")).contains("plain");
    }

    @Test
    void handle_responseOverrideHeaderWithCrLf_returns500() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("override")
                                        .resource(
                                                "/o",
                                                r ->
                                                        r.method(
                                                                "GET",
                                                                m ->
                                                                        m.methodResponse(
                                                                                        "200",
                                                                                        mr -> {})
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
                                                                                                                                        "#set($context.responseOverride.header.X-Echo ="
                                                                                                                                                + " $input.params('q'))done")))))
                                        .build())
                        .deploy("dev")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/o?q=" + CRLF_QUERY));

        assertServerError(result.response(), 500);
        assertNoForgedHeader(result.response());
        assertThat(result.log().contains("X-Echo")).isTrue();
        Response clean = api.handle(Request.of("GET", "/dev/o?q=plain"));
        assertThat(clean.headers().first("X-Echo")).contains("plain");
    }

    @Test
    void handle_responseParameterFromBodyWithCrLf_returns500() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("mapping")
                                        .resource(
                                                "/m",
                                                r ->
                                                        r.method(
                                                                "GET",
                                                                m ->
                                                                        m.methodResponse(
                                                                                        "200",
                                                                                        mr -> {})
                                                                                .integration(
                                                                                        i ->
                                                                                                i.type(
                                                                                                                IntegrationType
                                                                                                                        .AWS)
                                                                                                        .httpMethod(
                                                                                                                "POST")
                                                                                                        .uri(
                                                                                                                uri(
                                                                                                                        "answer"))
                                                                                                        .integrationResponse(
                                                                                                                "200",
                                                                                                                ir ->
                                                                                                                        ir
                                                                                                                                .putResponseParameter(
                                                                                                                                        "method.response.header.X-Location",
                                                                                                                                        "integration.response.body.location")))))
                                        .build())
                        .deploy("dev")
                        .lambda(
                                "answer",
                                invocation ->
                                        LambdaResult.of(
                                                "{\"location\": \"/next\\r\\nInjected: yes\"}"
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/m"));

        assertServerError(result.response(), 500);
        assertNoForgedHeader(result.response());
        assertThat(result.log().contains("X-Location")).isTrue();
    }
}
