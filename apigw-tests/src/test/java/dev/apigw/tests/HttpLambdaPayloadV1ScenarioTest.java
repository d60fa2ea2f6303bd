package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.tests.lambda.EchoEventHandler;
import dev.apigw.tests.lambda.RawReplyHandler;
import dev.apigw.tests.lambda.ThrowingHandler;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payload format 1.0 on HTTP APIs (reference 2.3): the REST event with {@code version} 1.0, and the
 * REST output rules (reference 2.2) answered with the HTTP API's errors (reference 3.3).
 */
class HttpLambdaPayloadV1ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";

    private static JsonNode event(Request request) throws IOException {
        Api api = HttpLambdaApis.api("1.0", LambdaHandlers.streamHandler(new EchoEventHandler()));
        Response response = api.handle(request);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return JSON.readTree(response.bodyAsString());
    }

    private static Response returning(String payload) {
        Api api = HttpLambdaApis.api("1.0", LambdaHandlers.streamHandler(new RawReplyHandler()));
        return api.handle(HttpLambdaApis.replying(payload));
    }

    @Test
    void handle_namedStage_restShapedEventWithVersion() throws IOException {
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/prod/pets/7?a=1&a=2")
                                .header("X-Multi", "one")
                                .header("X-Multi", "two")
                                .build());

        assertThat(event.path("version").asText()).isEqualTo("1.0");
        assertThat(event.path("resource").asText()).isEqualTo("/pets/{id}");
        assertThat(event.path("path").asText()).isEqualTo("/prod/pets/7");
        assertThat(event.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.path("headers").path("X-Multi").asText()).isEqualTo("two");
        assertThat(event.path("multiValueHeaders").path("X-Multi"))
                .extracting(JsonNode::asText)
                .containsExactly("one", "two");
        assertThat(event.path("queryStringParameters").path("a").asText()).isEqualTo("2");
        assertThat(event.path("multiValueQueryStringParameters").path("a")).hasSize(2);
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("7");
        assertThat(event.path("stageVariables").path("color").asText()).isEqualTo("blue");
        assertThat(event.path("body").isNull()).isTrue();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("stage").asText()).isEqualTo("prod");
        assertThat(context.path("resourcePath").asText()).isEqualTo("/pets/{id}");
        assertThat(context.path("path").asText()).isEqualTo("/prod/pets/7");
        assertThat(context.path("requestTimeEpoch").isIntegralNumber()).isTrue();
        assertThat(context.path("requestTime").asText()).isEqualTo("12/Mar/2020:19:03:58 +0000");
        assertThat(context.path("identity").path("sourceIp").isTextual()).isTrue();
        assertThat(context.path("identity").has("user")).isTrue();
    }

    @Test
    void handle_withoutJwt_authorizerClaimsAndScopesAreNull() throws IOException {
        JsonNode authorizer =
                event(Request.get("/pets/7")).path("requestContext").path("authorizer");

        assertThat(authorizer.has("claims")).isTrue();
        assertThat(authorizer.path("claims").isNull()).isTrue();
        assertThat(authorizer.has("scopes")).isTrue();
        assertThat(authorizer.path("scopes").isNull()).isTrue();
    }

    @Test
    void handle_defaultStageAndRoute_stageIsDefaultAndResourceIsDefault() throws IOException {
        JsonNode event = event(Request.get("/anything/here"));

        assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
        assertThat(event.path("resource").asText()).isEqualTo("$default");
        assertThat(event.path("stageVariables").isNull()).isTrue();
        assertThat(event.path("pathParameters").isNull()).isTrue();
    }

    @Test
    void handle_binaryBody_base64ByContentType() throws IOException {
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/files/a.bin")
                                .header("Content-Type", "application/octet-stream")
                                .body(new byte[] {1, 2, 3})
                                .build());

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asText()).isEqualTo("AQID");
    }

    @Test
    void handle_restOutput_statusHeadersAndBody() {
        Response response =
                returning(
                        "{\"statusCode\": 201, \"headers\": {\"X-Solo\": \"s\"},"
                                + " \"multiValueHeaders\": {\"X-Multi\": [\"a\", \"b\"]},"
                                + " \"body\": \"done\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().first("x-solo")).contains("s");
        assertThat(response.headers().values("x-multi")).containsExactly("a", "b");
        assertThat(response.headers().first("content-type")).contains("application/json");
        assertThat(response.bodyAsString()).isEqualTo("done");
        for (int i = 0; i < response.headers().size(); i++) {
            assertThat(response.headers().name(i)).isLowerCase();
        }
    }

    @Test
    void handle_base64Body_alwaysDecoded() {
        Response response =
                returning("{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \"AQID\"}");

        assertThat(response.body()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"justAString\"",
                "{\"statusCode\": 200, \"wrongValue\": 1}",
                "{\"statusCode\": \"test\"}",
                "{\"statusCode\": 200, \"multiValueHeaders\": {\"a\": \"b\"}}",
                "{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \"\u00e8\u00e9+\u00e0)(\"}",
                "not json"
            })
    void handle_invalidRestOutput_answers500InternalServerError(String payload) {
        Response response = returning(payload);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo(INTERNAL_ERROR);
    }

    @Test
    void handle_functionError_answers500InternalServerError() {
        Api api = HttpLambdaApis.api("1.0", LambdaHandlers.requestHandler(new ThrowingHandler()));

        Response response = api.handle(Request.get("/pets/1"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo(INTERNAL_ERROR);
    }
}
