package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.tests.lambda.BlockingHandler;
import dev.apigw.tests.lambda.RawReplyHandler;
import dev.apigw.tests.lambda.ThrowingHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an HTTP API answers for what a Lambda proxy returns with payload format 2.0 (reference 2.5)
 * and for failed calls (reference 3.3, 4.2, 9.5). The function returns the request body as its
 * payload, byte for byte.
 */
class HttpLambdaResponseScenarioTest {
    private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";
    private final Api api =
            HttpLambdaApis.api("2.0", LambdaHandlers.streamHandler(new RawReplyHandler()));

    private Response returning(String payload) {
        return api.handle(HttpLambdaApis.replying(payload));
    }

    @Test
    void handle_structuredResponse_statusHeadersCookiesAndBody() {
        Response response =
                returning(
                        "{\"statusCode\": 201, \"headers\": {\"X-Custom\": \"v1,v2\","
                                + " \"Content-Type\": \"text/html\", \"X-Flag\": true},"
                                + " \"cookies\": [\"a=1; Path=/\", \"b=2\"], \"body\": \"<p>hi</p>\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().first("x-custom")).contains("v1,v2");
        assertThat(response.headers().first("x-flag")).contains("true");
        assertThat(response.headers().first("content-type")).contains("text/html");
        assertThat(response.headers().values("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(response.bodyAsString()).isEqualTo("<p>hi</p>");
    }

    @Test
    void handle_functionHeaderNames_answeredLowerCased() {
        Response response =
                returning("{\"statusCode\": 200, \"headers\": {\"X-Custom-Header\": \"v\"}}");

        for (int i = 0; i < response.headers().size(); i++) {
            assertThat(response.headers().name(i)).isLowerCase();
        }
        assertThat(response.headers().first("x-custom-header")).contains("v");
    }

    @Test
    void handle_structuredWithoutContentType_answersApplicationJson() {
        Response response = returning("{\"statusCode\": 204}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().first("content-type")).contains("application/json");
        assertThat(response.bodyLength()).isZero();
    }

    @Test
    void handle_numericStringStatus_isTheStatus() {
        assertThat(returning("{\"statusCode\": \"202\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void handle_base64Body_decoded() {
        Response response =
                returning(
                        "{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \"AAEC/w==\","
                                + " \"headers\": {\"content-type\": \"image/png\"}}");

        assertThat(response.body()).containsExactly(0, 1, 2, 0xFF);
    }

    @Test
    void handle_jsonStringWithoutStatusCode_answers200WithItsText() {
        Response response = returning("\"Hello from Lambda!\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().first("content-type")).contains("application/json");
        assertThat(response.bodyAsString()).isEqualTo("Hello from Lambda!");
    }

    @Test
    void handle_objectWithoutStatusCode_answers200WithTheObject() {
        Response response = returning("{\"message\": \"Hello from Lambda!\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().first("content-type")).contains("application/json");
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Hello from Lambda!\"}");
    }

    @Test
    void handle_objectWithoutStatusCodeWithFieldsOfAnyType_answers200WithThePayload() {
        String payload = "{\"headers\": 5, \"cookies\": {}, \"body\": {\"a\": [1, 2]}}";

        Response response = returning(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo(payload);
    }

    @Test
    void handle_repeatedKey_theLastOneCounts() {
        Response response =
                returning(
                        "{\"statusCode\": 500, \"body\": {\"a\": 1}, \"headers\": {\"x-a\": \"1\"},"
                                + " \"statusCode\": 201, \"body\": \"ok\", \"headers\": {\"x-b\": 2.5}}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.bodyAsString()).isEqualTo("ok");
        assertThat(response.headers().contains("x-a")).isFalse();
        assertThat(response.headers().first("x-b")).contains("2.5");
    }

    @Test
    void handle_cookiesBeforeHeaders_headersFirstThenSetCookieThenContentType() {
        Response response =
                returning(
                        "{\"cookies\": [\"a=1\"], \"headers\": {\"X-One\": \"1\"},"
                                + " \"statusCode\": 200}");

        assertThat(response.headers().toMultimap().keySet())
                .containsSubsequence("x-one", "set-cookie", "content-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "[1, 2]", "true", "null"})
    void handle_otherJsonWithoutStatusCode_answers200WithThePayload(String payload) {
        Response response = returning(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo(payload);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"statusCode\": 200",
                "{\"statusCode\": 200} trailing",
                "{\"statusCode\": \"abc\"}",
                "{\"statusCode\": 700}",
                "{\"statusCode\": 99}",
                "{\"statusCode\": 200.5}",
                "{\"statusCode\": null}",
                "{\"statusCode\": 200, \"body\": {\"a\": 1}}",
                "{\"statusCode\": 200, \"headers\": [\"a\"]}",
                "{\"statusCode\": 200, \"headers\": {\"a\": {\"b\": 1}}}",
                "{\"statusCode\": 200, \"headers\": {\"bad name\": \"v\"}}",
                "{\"statusCode\": 200, \"headers\": {\"x\": \"a\\r\\nInjected: 1\"}}",
                "{\"statusCode\": 200, \"cookies\": \"a=1\"}",
                "{\"statusCode\": 200, \"cookies\": [1]}",
                "{\"statusCode\": 200, \"cookies\": [\"a=1\\r\\nx: y\"]}",
                "{\"statusCode\": 200, \"isBase64Encoded\": \"yes\", \"body\": \"\"}",
                "{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \"\u00e8\u00e9+\u00e0)(\"}"
            })
    void handle_invalidResponse_answers500InternalServerError(String payload) {
        Response response = returning(payload);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo(INTERNAL_ERROR);
        assertThat(response.headers().first("content-type")).contains("application/json");
    }

    @Test
    void handle_emptyPayload_answers500() {
        Api empty =
                HttpLambdaApis.api(
                        "2.0", invocation -> dev.apigw.runtime.spi.LambdaResult.of(new byte[0]));

        Response response = empty.handle(Request.get("/pets/1"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo(INTERNAL_ERROR);
    }

    @Test
    void handle_functionError_answers500InternalServerError() {
        Api failing =
                HttpLambdaApis.api("2.0", LambdaHandlers.requestHandler(new ThrowingHandler()));

        Response response = failing.handle(Request.get("/pets/1"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo(INTERNAL_ERROR);
        assertThat(response.headers().first("apigw-requestid")).isPresent();
    }

    @Test
    void handle_functionNotBound_answers500InternalServerError() {
        Api unbound =
                HttpLambdaApis.api(
                        "2.0",
                        LambdaHandlers.streamHandler(new RawReplyHandler()),
                        i -> i.lambdaProxy("arn:aws:lambda:us-east-1:123456789012:function:other"));

        Response response = unbound.handle(Request.get("/pets/1"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo(INTERNAL_ERROR);
    }

    @Test
    void handle_invocationUriWithStageVariable_resolvedWithTheHttpStagesVariables() {
        Api staged =
                HttpLambdaApis.api(
                        "2.0",
                        LambdaHandlers.streamHandler(new RawReplyHandler()),
                        i ->
                                i.lambdaProxy(
                                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                                                + "functions/arn:aws:lambda:us-east-1:"
                                                + "123456789012:function:${stageVariables.fn}"
                                                + "/invocations"));
        Api withVariable =
                Api.builder()
                        .httpApi(
                                staged.httpApi().orElseThrow().toBuilder()
                                        .stage("prod", s -> s.stageVariable("fn", "fn"))
                                        .build())
                        .lambda("fn", LambdaHandlers.streamHandler(new RawReplyHandler()))
                        .build();

        Response named =
                withVariable.handle(
                        HttpLambdaApis.replying("{\"statusCode\": 203}").toBuilder()
                                .target("/prod/reply")
                                .build());
        Response root = withVariable.handle(Request.get("/pets/1"));

        assertThat(named.statusCode()).isEqualTo(203);
        assertThat(root.statusCode()).isEqualTo(500);
    }

    @Test
    void build_integrationUriNamingNoFunction_failsNamingTheIntegration() {
        assertThatThrownBy(
                        () ->
                                HttpLambdaApis.api(
                                        "2.0",
                                        LambdaHandlers.streamHandler(new RawReplyHandler()),
                                        i -> i.lambdaProxy("arn:aws:sqs:us-east-1:1:queue")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integration fn")
                .hasMessageContaining("names no Lambda function");
    }

    @Test
    void handle_functionPastTheIntegrationTimeout_answers503ServiceUnavailable()
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Api slow =
                HttpLambdaApis.api(
                        "2.0",
                        LambdaHandlers.requestHandler(new BlockingHandler(release, interrupted)),
                        i -> i.timeoutInMillis(50));
        try {
            Response response = slow.handle(Request.get("/pets/1"));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Service Unavailable\"}");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void handle_payloadBytes_bodyKeptAsReturned() {
        Response response = returning("{ \"a\" :\n 1 }");

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{ \"a\" :\n 1 }");
    }
}
