package dev.apigw.runtime.httpapi;

import static dev.apigw.runtime.spi.LocalHttpServer.echoed;
import static dev.apigw.runtime.spi.LocalHttpServer.echoedBody;
import static dev.apigw.runtime.spi.LocalHttpServer.echoedHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP proxy integrations of HTTP APIs through {@code Api.handle} against a real HTTP server
 * (reference 4.2, 5.5, 7.2, 3.3).
 */
class HttpProxyScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Api api(
            String routeKey, HttpIntegration integration, Consumer<HttpApi.Builder> more) {
        HttpApi.Builder b =
                HttpApi.builder("proxy")
                        .integration(integration)
                        .route(routeKey, integration.integrationId())
                        .stage("$default", s -> {});
        more.accept(b);
        return Api.builder().httpApi(b.build()).build();
    }

    private Api proxy(String routeKey, String method, String uri) {
        return api(routeKey, HttpIntegration.builder("i1").httpProxy(method, uri).build(), b -> {});
    }

    private static JsonNode echo(Response response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return echoed(response.body());
    }

    @Test
    void handle_defaultRoute_appendsTheFullRequestPathAndQueryToTheUri() {
        Api api = proxy("$default", "ANY", server.origin());

        JsonNode echo = echo(api.handle(Request.get("/store/checkout?item=1&item=2")));

        assertThat(echo.get("uri").asText()).isEqualTo("/store/checkout?item=1&item=2");
        assertThat(echo.get("method").asText()).isEqualTo("GET");
    }

    @Test
    void handle_defaultRouteOnNamedStage_appendsThePathWithoutTheStage() {
        HttpIntegration integration =
                HttpIntegration.builder("i1").httpProxy("ANY", server.origin() + "/base/").build();
        Api api = api("$default", integration, b -> b.stage("prod", s -> {}));

        JsonNode echo = echo(api.handle(Request.get("/prod/store/checkout")));

        assertThat(echo.get("uri").asText()).isEqualTo("/base/store/checkout");
    }

    @Test
    void handle_pathParametersAndStageVariables_fillTheUri() {
        HttpIntegration integration =
                HttpIntegration.builder("i1")
                        .httpProxy(
                                "GET", server.origin() + "/${stageVariables.v}/items/{petId}?a=b")
                        .build();
        Api api =
                api(
                        "GET /pets/{petId}",
                        integration,
                        b -> b.stage("prod", s -> s.stageVariable("v", "v1")));

        JsonNode echo = echo(api.handle(Request.get("/prod/pets/7?c=d")));

        assertThat(echo.get("uri").asText()).isEqualTo("/v1/items/7?a=b&c=d");
    }

    @Test
    void handle_greedyRoute_sendsTheProxyValueWhereTheUriPlacesIt() {
        Api api = proxy("ANY /api/{proxy+}", "ANY", server.origin() + "/b/{proxy}");

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/api/x/y/z")
                                        .body("hello")
                                        .build()));

        assertThat(echo.get("uri").asText()).isEqualTo("/b/x/y/z");
        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(new String(echoedBody(echo), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void handle_routeWithoutPlaceholder_sendsToTheUriAsWritten() {
        Api api = proxy("GET /pets", "GET", server.origin() + "/animals");

        assertThat(echo(api.handle(Request.get("/pets"))).get("uri").asText())
                .isEqualTo("/animals");
    }

    @Test
    void handle_fixedIntegrationMethod_sendsThatMethod() {
        Api api = proxy("GET /pets", "POST", server.origin() + "/pets");

        assertThat(echo(api.handle(Request.get("/pets"))).get("method").asText()).isEqualTo("POST");
    }

    @Test
    void handle_clientHeaders_areForwardedWithoutHopByHopAndXForwardedRewrittenIntoForwarded() {
        Api api = proxy("$default", "ANY", server.origin());
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/h")
                        .header("X-Custom", "kept")
                        .header("Host", "api.example.com")
                        .header("Connection", "keep-alive, x-drop")
                        .header("Keep-Alive", "timeout=5")
                        .header("Proxy-Authorization", "Basic eA==")
                        .header("X-Forwarded-For", "10.0.0.1, 10.0.0.2")
                        .header("X-Forwarded-Proto", "http")
                        .sourceIp("203.0.113.9")
                        .build();

        JsonNode echo = echo(api.handle(request));

        assertThat(echoedHeader(echo, "X-Custom")).isEqualTo("kept");
        assertThat(echoedHeader(echo, "Keep-Alive")).isEmpty();
        assertThat(echoedHeader(echo, "Proxy-Authorization")).isEmpty();
        assertThat(echoedHeader(echo, "X-Forwarded-For")).isEmpty();
        assertThat(echoedHeader(echo, "X-Forwarded-Proto")).isEmpty();
        assertThat(echoedHeader(echo, "Host")).isEqualTo("127.0.0.1:" + server.port());
        assertThat(echoedHeader(echo, "Forwarded"))
                .isEqualTo(
                        "for=10.0.0.1;proto=http, for=10.0.0.2,"
                                + " for=203.0.113.9;host=api.example.com;proto=https");
    }

    @Test
    void handle_backendAnswer_isReturnedAsItIsWithoutHopByHopHeaders() {
        server.respond(
                "/teapot",
                418,
                Map.of("X-Backend", List.of("a", "b"), "Content-Type", List.of("text/plain")),
                "short and stout".getBytes(StandardCharsets.UTF_8));
        Api api = proxy("$default", "ANY", server.origin());

        Response response = api.handle(Request.get("/teapot"));

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.bodyAsString()).isEqualTo("short and stout");
        assertThat(response.headers().values("X-Backend")).containsExactly("a", "b");
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(response.headers().contains("Content-Length")).isFalse();
        assertThat(response.headers().contains("Transfer-Encoding")).isFalse();
        assertThat(response.headers().first("apigw-requestid")).isPresent();
    }

    @Test
    void handle_backendTimesOut_answers503ServiceUnavailable() {
        server.stallBeforeHeaders("/slow");
        HttpIntegration integration =
                HttpIntegration.builder("i1")
                        .httpProxy("ANY", server.origin())
                        .timeoutInMillis(100)
                        .build();
        Api api = api("$default", integration, b -> {});

        Response response = api.handle(Request.get("/slow"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    }

    @Test
    void handle_backendUnreachable_answers500InternalServerError() {
        Api api = proxy("$default", "ANY", "http://127.0.0.1:" + LocalHttpServer.closedPort());

        Response response = api.handle(Request.get("/x"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void handle_undefinedStageVariableInUri_answers500InternalServerError() {
        Api api = proxy("$default", "ANY", "${stageVariables.host}/x");

        Response response = api.handle(Request.get("/x"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void build_defaultTimeout_isThirtySeconds() {
        assertThat(
                        HttpIntegration.builder("i")
                                .httpProxy("ANY", "http://x")
                                .build()
                                .timeoutInMillis())
                .isEqualTo(30_000);
    }
}
