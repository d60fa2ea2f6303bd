package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Request#get} and {@link Request#post}, alone and through {@link Api#handle}. */
class RequestShortcutsTest {
    private static final String PETS_FUNCTION_URI =
            "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:eu-west-1:123456789012:function:pets/invocations";

    @Test
    void get_target_isGetWithPathAndQuery() {
        Request request = Request.get("/dev/pets?limit=2");

        assertThat(request.httpMethod()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/dev/pets");
        assertThat(request.rawQueryString()).isEqualTo("limit=2");
        assertThat(request.bodyLength()).isZero();
        assertThat(request.headers().first("Content-Type")).isEmpty();
    }

    @Test
    void post_json_isPostWithJsonContentTypeAndBody() {
        Request request = Request.post("/dev/pets", "{\"name\": \"Rex\"}");

        assertThat(request.httpMethod()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/dev/pets");
        assertThat(request.headers().values("Content-Type")).containsExactly("application/json");
        assertThat(request.bodyAsString()).isEqualTo("{\"name\": \"Rex\"}");
    }

    @Test
    void post_nullBody_fails() {
        assertThatThrownBy(() -> Request.post("/dev/pets", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("json");
    }

    /** The Lambda proxy event (reference 2.1) shows what reached the gateway. */
    @Test
    void handle_shortcuts_reachTheLambdaAsSent() throws IOException {
        AtomicReference<byte[]> event = new AtomicReference<>();
        Api api =
                Api.builder()
                        .restApi(
                                RestApi.builder()
                                        .name("pets")
                                        .resource(
                                                "/pets",
                                                r ->
                                                        r.method(
                                                                "ANY",
                                                                m ->
                                                                        m.integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .AWS_PROXY)
                                                                                                .httpMethod(
                                                                                                        "POST")
                                                                                                .uri(
                                                                                                        PETS_FUNCTION_URI))))
                                        .build())
                        .deploy("dev")
                        .lambda(
                                "pets",
                                invocation -> {
                                    event.set(invocation.payload());
                                    return LambdaResult.of(
                                            "{\"statusCode\": 200}"
                                                    .getBytes(StandardCharsets.UTF_8));
                                })
                        .build();

        assertThat(api.handle(Request.get("/dev/pets?limit=2")).statusCode()).isEqualTo(200);
        JsonNode get = new ObjectMapper().readTree(event.get());
        assertThat(api.handle(Request.post("/dev/pets", "{\"name\": \"Rex\"}")).statusCode())
                .isEqualTo(200);
        JsonNode post = new ObjectMapper().readTree(event.get());

        assertThat(get.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(get.path("queryStringParameters").path("limit").asText()).isEqualTo("2");
        assertThat(get.path("body").isNull()).isTrue();
        assertThat(post.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(post.path("headers").path("Content-Type").asText())
                .isEqualTo("application/json");
        assertThat(post.path("body").asText()).isEqualTo("{\"name\": \"Rex\"}");
    }
}
