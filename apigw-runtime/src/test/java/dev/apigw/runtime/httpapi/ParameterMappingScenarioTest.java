package dev.apigw.runtime.httpapi;

import static dev.apigw.runtime.spi.LocalHttpServer.echoed;
import static dev.apigw.runtime.spi.LocalHttpServer.echoedHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP API parameter mapping (reference 5.5) through {@code Api.handle}, against a real HTTP server
 * that echoes what it received.
 */
class ParameterMappingScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpApi api(String routeKey, HttpIntegration integration) {
        return HttpApi.builder("mapped")
                .integration(integration)
                .route(routeKey, integration.integrationId())
                .stage("$default", s -> {})
                .stage("prod", s -> s.stageVariable("env", "blue"))
                .build();
    }

    private Api mapped(Map<String, String> request, Map<String, Map<String, String>> responses) {
        HttpIntegration integration =
                HttpIntegration.builder("i1")
                        .httpProxy("ANY", server.origin() + "/backend/{id}")
                        .requestParameters(request)
                        .responseParameters(responses)
                        .build();
        return Api.builder().httpApi(api("POST /items/{id}", integration)).build();
    }

    /** Returns the mappings in the order given, as a definition keeps them. */
    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Request post(String target) {
        return Request.builder()
                .httpMethod("POST")
                .target(target)
                .header("X-Tenant", "t1")
                .header("x-tenant", "t2")
                .header("X-Old", "old")
                .header("X-Secret", "s")
                .body("{\"user\":{\"id\":\"u-9\"}}")
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return echoed(response.body());
    }

    @Test
    void handle_headerMappings_appendOverwriteAndRemove() {
        Api api =
                mapped(
                        Map.of(
                                "append:header.X-Tenants", "$request.header.x-tenant",
                                "overwrite:header.X-Old", "new-${request.path.id}",
                                "remove:header.X-Secret", "''",
                                "append:header.X-User", "$request.body.user.id",
                                "append:header.X-Stage", "${context.stage}/${stageVariables.env}"),
                        Map.of());

        JsonNode echo = echo(api.handle(post("/prod/items/42")));

        assertThat(echoedHeader(echo, "X-Tenants")).isEqualTo("t1,t2");
        assertThat(echoedHeader(echo, "X-Old")).isEqualTo("new-42");
        assertThat(echoedHeader(echo, "X-Secret")).isEmpty();
        assertThat(echoedHeader(echo, "X-User")).isEqualTo("u-9");
        assertThat(echoedHeader(echo, "X-Stage")).endsWith("/blue");
    }

    @Test
    void handle_renameHeader_readsValuesFromTheRequestAsItCame() {
        Api api =
                mapped(
                        Map.of(
                                "remove:header.X-Old", "''",
                                "append:header.X-Renamed", "$request.header.X-Old"),
                        Map.of());

        JsonNode echo = echo(api.handle(post("/items/1")));

        assertThat(echoedHeader(echo, "X-Renamed")).isEqualTo("old");
        assertThat(echoedHeader(echo, "X-Old")).isEmpty();
    }

    @Test
    void handle_queryStringMappings_appendOverwriteAndRemove() {
        Api api =
                mapped(
                        ordered(
                                "append:querystring.tag", "${request.path.id} x",
                                "overwrite:querystring.page", "1",
                                "remove:querystring.debug", "''"),
                        Map.of());

        JsonNode echo = echo(api.handle(post("/items/7?tag=a&page=3&page=4&debug=true&keep=k")));

        assertThat(echo.get("uri").asText()).isEqualTo("/backend/7?tag=a&keep=k&tag=7%20x&page=1");
    }

    @Test
    void handle_overwritePath_replacesTheWholeBackendPath() {
        Api api = mapped(Map.of("overwrite:path", "/v2/${request.path.id}/detail"), Map.of());

        JsonNode echo = echo(api.handle(post("/items/5?q=1")));

        assertThat(echo.get("uri").asText()).isEqualTo("/v2/5/detail?q=1");
    }

    @Test
    void handle_responseMappings_applyToTheirStatusCodeOnly() {
        server.respond(
                "/backend/500",
                500,
                Map.of("X-Trace", List.of("abc"), "X-Internal", List.of("i")),
                "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
        Api api =
                mapped(
                        Map.of(),
                        Map.of(
                                "500",
                                Map.of(
                                        "append:header.X-Request", "$context.requestId",
                                        "overwrite:header.X-Trace", "t-${response.header.X-Trace}",
                                        "remove:header.X-Internal", "''",
                                        "append:header.X-Error", "$response.body.error",
                                        "overwrite:statuscode", "403"),
                                "404",
                                Map.of("append:header.X-Missing", "yes")));

        Response failed = api.handle(post("/items/500"));
        Response ok = api.handle(post("/items/1"));

        assertThat(failed.statusCode()).isEqualTo(403);
        assertThat(failed.headers().first("X-Request"))
                .isEqualTo(failed.headers().first("apigw-requestid"));
        assertThat(failed.headers().values("X-Trace")).containsExactly("t-abc");
        assertThat(failed.headers().contains("X-Internal")).isFalse();
        assertThat(failed.headers().first("X-Error")).contains("boom");
        assertThat(failed.bodyAsString()).isEqualTo("{\"error\":\"boom\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().contains("X-Missing")).isFalse();
    }

    @Test
    void handle_statusCodeFromTheAnswer_isUsedWhenItIsAStatus() {
        server.respond("/backend/1", 404, Map.of("X-Status", List.of("410")), new byte[0]);
        server.respond("/backend/2", 404, Map.of("X-Status", List.of("gone")), new byte[0]);
        Api api =
                mapped(
                        Map.of(),
                        Map.of("404", Map.of("overwrite:statuscode", "$response.header.X-Status")));

        assertThat(api.handle(post("/items/1")).statusCode()).isEqualTo(410);
        assertThat(api.handle(post("/items/2")).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "append:header.Authorization",
                "overwrite:header.content-length",
                "remove:header.Connection",
                "append:header.Access-Control-Allow-Origin",
                "append:header.apigw-requestid",
                "append:header.X-Amz-Date",
                "append:header.x-amzn-trace-id",
                "overwrite:header.X-Forwarded-For",
                "append:header.Via",
                "append:header.Forwarded",
                "append:header.Origin",
                "append:header.TE",
                "append:header.Trailers",
                "append:header.Upgrade",
                "append:header.Keep-Alive",
                "append:header.Proxy-Authorization"
            })
    void build_reservedHeader_failsNamingTheIntegration(String key) {
        assertThatThrownBy(() -> mapped(Map.of(key, "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integration i1")
                .hasMessageContaining(key)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> mapped(Map.of(), Map.of("200", Map.of(key, "x"))))
                .hasMessageContaining("integration i1")
                .hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "add:header.x",
                "append:path",
                "remove:path",
                "overwrite:header.",
                "append:body.x",
                "overwrite:statuscode",
                "append:querystring"
            })
    void build_malformedRequestKey_failsNamingTheIntegration(String key) {
        assertThatThrownBy(() -> mapped(Map.of(key, "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integration i1")
                .hasMessageContaining(key);
    }

    @Test
    void build_malformedResponseKeyOrValue_failsNamingTheIntegration() {
        assertThatThrownBy(() -> mapped(Map.of(), Map.of("200", Map.of("overwrite:path", "/x"))))
                .hasMessageContaining("integration i1")
                .hasMessageContaining("overwrite:path");
        assertThatThrownBy(
                        () -> mapped(Map.of(), Map.of("200", Map.of("append:querystring.a", "x"))))
                .hasMessageContaining("append:querystring.a");
        assertThatThrownBy(
                        () ->
                                mapped(
                                        Map.of(),
                                        Map.of("200", Map.of("append:header.a", "$request.path"))))
                .hasMessageContaining("$request");
        assertThatThrownBy(() -> mapped(Map.of("append:header.a", "$response.header.b"), Map.of()))
                .hasMessageContaining("$response");
        assertThatThrownBy(() -> mapped(Map.of("append:header.a", "${request.x"), Map.of()))
                .hasMessageContaining("Invalid mapping expression specified: ${request.x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"199", "600", "20", "2000", "abc", "default"})
    void build_statusKeyOutsideTwoHundredToFiveHundredNinetyNine_fails(String status) {
        assertThatThrownBy(() -> mapped(Map.of(), Map.of(status, Map.of("append:header.a", "x"))))
                .hasMessageContaining("integration i1")
                .hasMessageContaining(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "600", "abc", "2000", ""})
    void build_badStatusCodeValue_fails(String value) {
        assertThatThrownBy(
                        () ->
                                mapped(
                                        Map.of(),
                                        Map.of("200", Map.of("overwrite:statuscode", value))))
                .hasMessageContaining("integration i1")
                .hasMessageContaining("overwrite:statuscode");
    }

    @Test
    void compile_serviceIntegration_hasNoMappingsForItsOwnParameters() {
        HttpIntegration sqs =
                HttpIntegration.builder("sqs")
                        .awsService(
                                IntegrationSubtype.SQS_SEND_MESSAGE,
                                Map.of("QueueUrl", "q", "MessageBody", "$request.body"))
                        .build();

        assertThat(ParameterMappings.compile(sqs).isEmpty()).isTrue();
    }

    @Test
    void compile_lambdaProxy_hasItsMappingsCheckedLikeAnHttpProxy() {
        HttpIntegration lambda =
                HttpIntegration.builder("fn")
                        .lambdaProxy("arn:aws:lambda:us-east-1:123456789012:function:f")
                        .requestParameter("append:header.X-Stage", "$context.stage")
                        .build();
        HttpIntegration reserved =
                lambda.toBuilder().requestParameter("append:header.Authorization", "x").build();

        assertThat(ParameterMappings.compile(lambda).isEmpty()).isFalse();
        assertThatThrownBy(() -> ParameterMappings.compile(reserved))
                .hasMessageContaining("integration fn")
                .hasMessageContaining("reserved");
    }
}
