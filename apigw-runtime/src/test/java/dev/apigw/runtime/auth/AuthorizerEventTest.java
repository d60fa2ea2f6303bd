package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events Lambda authorizers receive (reference 8.3, AWS's TOKEN and REQUEST samples). */
class AuthorizerEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void token_writesTypeTokenAndMethodArnInAwsOrder() {
        byte[] event = AuthorizerEvent.token("Bearer \"x\"\\y", "arn:aws:execute-api:r:a:i/s/GET/");

        assertThat(new String(event, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer \\\"x\\\"\\\\y\","
                                + "\"methodArn\":\"arn:aws:execute-api:r:a:i/s/GET/\"}");
    }

    @Test
    void request_writesEveryFieldOfAwsSampleInOrder() throws IOException {
        Exchange exchange =
                TestExchanges.builder()
                        .method("/request", "GET", m -> {})
                        .routed(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/test/request?QueryString1=queryValue1")
                                        .header("HeaderAuth1", "headerValue1")
                                        .build());

        JsonNode event = JSON.readTree(AuthorizerEvent.request(exchange, "arn:m"));

        List<String> fields = new ArrayList<>();
        event.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "type",
                        "methodArn",
                        "resource",
                        "path",
                        "httpMethod",
                        "headers",
                        "multiValueHeaders",
                        "queryStringParameters",
                        "multiValueQueryStringParameters",
                        "pathParameters",
                        "stageVariables",
                        "requestContext");
        assertThat(event.path("type").asText()).isEqualTo("REQUEST");
        assertThat(event.path("methodArn").asText()).isEqualTo("arn:m");
        assertThat(event.path("resource").asText()).isEqualTo("/request");
        assertThat(event.path("path").asText()).isEqualTo("/request");
        assertThat(event.path("headers").path("HeaderAuth1").asText()).isEqualTo("headerValue1");
        assertThat(event.path("multiValueHeaders").path("HeaderAuth1").toString())
                .isEqualTo("[\"headerValue1\"]");
        assertThat(event.path("queryStringParameters").toString())
                .isEqualTo("{\"QueryString1\":\"queryValue1\"}");
        assertThat(event.path("multiValueQueryStringParameters").toString())
                .isEqualTo("{\"QueryString1\":[\"queryValue1\"]}");
        assertThat(event.path("pathParameters").toString()).isEqualTo("{}");
        assertThat(event.path("stageVariables").isNull()).isTrue();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("path").asText()).isEqualTo("/test/request");
        assertThat(context.path("accountId").asText()).isEqualTo("111122223333");
        assertThat(context.path("stage").asText()).isEqualTo("test");
        assertThat(context.path("resourcePath").asText()).isEqualTo("/request");
        assertThat(context.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(context.path("apiId").asText()).isEqualTo("unitapi001");
        assertThat(context.path("requestId").asText()).isEqualTo("req-1");
        assertThat(context.has("identity")).isTrue();
        assertThat(context.has("authorizer")).isFalse();
        assertThat(event.has("body")).isFalse();
    }
}
