package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.LambdaProxyScenarioTest.assertServerError;
import static dev.apigw.tests.LambdaProxyScenarioTest.proxyApi;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.RawReplyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lambda proxy integrations: how the function's answer becomes the response (reference 2.2 and 6.3)
 * through {@link Api#handle}. The function returns the request body as its payload.
 */
class LambdaProxyResponseScenarioTest {
    private static Api api(String... binaryMediaTypes) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        proxyApi(
                                "/reply",
                                "POST",
                                "reply",
                                b -> {
                                    for (String type : binaryMediaTypes) {
                                        b.addBinaryMediaType(type);
                                    }
                                }))
                .deploy("test")
                .lambda("reply", LambdaHandlers.streamHandler(new RawReplyHandler()))
                .build();
    }

    private static Response reply(Api api, String payload, String... headers) {
        return api.handle(
                Request.builder()
                        .httpMethod("POST")
                        .target("/test/reply")
                        .headers(Headers.of(headers))
                        .body(payload)
                        .build());
    }

    @Test
    void handle_onlyStatusCode_returnsEmptyJsonResponse() {
        Response response = reply(api(), "{\"statusCode\":200}");

        assertThat(response).hasStatus(200);
        assertThat(response.bodyLength()).isZero();
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response).hasHeader("X-Amzn-Trace-Id");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"headers\": {\"X-Only\": \"h\"}} | 200",
                "{} | 200",
                "{\"statusCode\": \"201\"} | 201",
                "{\"statusCode\": 418, \"body\": \"teapot\"} | 418",
                "{\"statusCode\": null} | 200"
            })
    void handle_statusCode_takenFromPayload(String payload, int status) {
        assertThat(reply(api(), payload)).hasStatus(status);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "{\"statusCode\": \"test\"}",
                "{\"statusCode\": 600}",
                "{\"statusCode\": 99}",
                "{\"statusCode\": 200.5}",
                "{\"statusCode\": true}",
                "{\"statusCode\": 200, \"wrongValue\": 1}",
                "{\"statusCode\": 200, \"Body\": \"case matters\"}",
                "\"justAString\"",
                "42",
                "[{\"statusCode\": 200}]",
                "null",
                "",
                "{\"statusCode\": 200",
                "{\"statusCode\": 200} trailing",
                "{\"multiValueHeaders\": {\"X-A\": \"not a list\"}}",
                "{\"multiValueHeaders\": [\"X-A\"]}",
                "{\"headers\": \"X-A: b\"}",
                "{\"headers\": {\"X-A\": {\"nested\": 1}}}",
                "{\"body\": {\"an\": \"object\"}}",
                "{\"body\": 12}",
                "{\"body\": \"x\", \"isBase64Encoded\": \"yes\"}"
            })
    void handle_malformedPayload_returns502(String payload) {
        assertServerError(reply(api(), payload), 502);
    }

    @Test
    void handle_headerValues_stringifiedAndNullHeadersAccepted() {
        Response typed =
                reply(api(), "{\"headers\": {\"X-Flag\": true, \"X-Count\": 3, \"X-Ratio\": 0.5}}");
        Response none =
                reply(api(), "{\"headers\": null, \"multiValueHeaders\": null, \"body\": null}");

        assertThat(typed.headers().first("X-Flag")).contains("true");
        assertThat(typed.headers().first("X-Count")).contains("3");
        assertThat(typed.headers().first("X-Ratio")).contains("0.5");
        assertThat(none).hasStatus(200);
        assertThat(none.bodyLength()).isZero();
    }

    @Test
    void handle_headersAndMultiValueHeaders_mergedMultiValueFirst() {
        Response response =
                reply(
                        api(),
                        "{\"multiValueHeaders\": {\"Test-Multi\": [\"value-multi\"],"
                                + " \"X-Both\": [\"same\", \"other\"]},"
                                + " \"headers\": {\"test-multi\": \"value-solo\", \"x-both\": \"same\", \"X-Solo\": \"s\"}}");

        assertThat(response.headers().values("test-multi"))
                .containsExactly("value-multi", "value-solo");
        assertThat(response.headers().values("X-Both")).containsExactly("same", "other");
        assertThat(response.headers().values("X-Solo")).containsExactly("s");
        for (int i = 0; i < response.headers().size(); i++) {
            assertThat(response.headers().name(i)).isNotIn("test-multi", "x-both");
        }
    }

    @Test
    void handle_contentTypeFromFunction_kept() {
        Response response =
                reply(
                        api(),
                        "{\"headers\": {\"content-type\": \"text/html\"}, \"body\": \"<p>hi</p>\"}");

        assertThat(response.headers().values("Content-Type")).containsExactly("text/html");
        assertThat(response).hasBody("<p>hi</p>");
    }

    @Test
    void handle_base64BodyWithBinaryAccept_decodesBody() {
        byte[] image = {(byte) 0xff, (byte) 0xd8, 0, 7, (byte) 0x80};
        String payload =
                "{\"isBase64Encoded\": true, \"headers\": {\"Content-Type\": \"image/jpeg\"},"
                        + " \"body\": \""
                        + Base64.getEncoder().encodeToString(image)
                        + "\"}";

        Response decoded = reply(api("image/jpeg"), payload, "Accept", "image/jpeg, text/html");
        Response kept = reply(api("image/jpeg"), payload, "Accept", "text/html, image/jpeg");
        Response noBinaryTypes = reply(api(), payload, "Accept", "image/jpeg");

        assertThat(decoded.body()).isEqualTo(image);
        assertThat(kept).hasBody(Base64.getEncoder().encodeToString(image));
        assertThat(noBinaryTypes).hasBody(Base64.getEncoder().encodeToString(image));
    }

    @Test
    void handle_base64FlagFalse_sendsBodyAsText() {
        Response response =
                reply(
                        api("*/*"),
                        "{\"isBase64Encoded\": false, \"body\": \"aGk=\"}",
                        "Accept",
                        "application/octet-stream");

        assertThat(response).hasBody("aGk=");
    }

    @Test
    void handle_invalidBase64WithBinaryAccept_returns500() {
        Response response =
                reply(
                        api("image/png"),
                        "{\"isBase64Encoded\": true, \"body\": \"èé+à)(\"}",
                        "Accept",
                        "image/png");

        assertServerError(response, 500);
    }

    @Test
    void handle_functionError_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/reply", "POST", "crash", b -> {}))
                        .deploy("test")
                        .lambda(
                                "crash",
                                inv ->
                                        LambdaResult.functionError(
                                                "'NoneType' object is not subscriptable",
                                                "TypeError",
                                                java.util.List.of()))
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("POST", "/test/reply"));

        assertServerError(result.response(), 502);
        assertThat(result).hasErrorType("InternalServerErrorException");
        assertThat(result.log().contains("NoneType")).isTrue();
    }

    @Test
    void handle_functionReturningValidShapeButFlaggedError_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/reply", "POST", "handled", b -> {}))
                        .deploy("test")
                        .lambda(
                                "handled",
                                inv ->
                                        LambdaResult.functionError(
                                                "{\"statusCode\":200}"
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build();

        assertServerError(api.handle(Request.of("POST", "/test/reply")), 502);
    }
}
