package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Non-proxy HTTP integrations through {@link Api#handle} (reference 5.2, 5.3, 6.1, 10.6). */
class HttpScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static RestApi itemsApi(String apiId, String uri, Consumer<Integration.Builder> more) {
        return RestApi.builder()
                .id(apiId)
                .name("items")
                .resource(
                        "/items/{itemId}",
                        r ->
                                r.method(
                                        "POST",
                                        m ->
                                                m.methodResponse(
                                                                "200",
                                                                mr ->
                                                                        mr.putResponseParameter(
                                                                                "method.response.header.X-Backend-Version",
                                                                                false))
                                                        .methodResponse("400", mr -> {})
                                                        .integration(
                                                                i -> {
                                                                    i.type(IntegrationType.HTTP)
                                                                            .httpMethod("POST")
                                                                            .uri(uri)
                                                                            .integrationResponse(
                                                                                    "200",
                                                                                    ir ->
                                                                                            ir
                                                                                                    .putResponseParameter(
                                                                                                            "method.response.header.X-Backend-Version",
                                                                                                            "integration.response.header.X-Version"))
                                                                            .integrationResponse(
                                                                                    "400",
                                                                                    ir ->
                                                                                            ir.selectionPattern(
                                                                                                            "4\\d{2}")
                                                                                                    .putResponseTemplate(
                                                                                                            "application/json",
                                                                                                            "{\"failed\": $input.body}"));
                                                                    more.accept(i);
                                                                })))
                .build();
    }

    private Api api(String apiId, Consumer<Integration.Builder> more) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(itemsApi(apiId, server.origin() + "/store", more))
                .deploy("dev")
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response).hasStatus(200);
        return LocalHttpServer.echoed(response.body());
    }

    @Test
    void handle_noMappings_sendsOnlyGatewayHeaders() {
        Api api = api("z8w2hh4k1q", i -> {});
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/dev/items/4?drop=me")
                        .header("Content-Type", "application/json")
                        .header("X-Secret", "s3")
                        .header("Accept", "text/html")
                        .header("User-Agent", "browser/1")
                        .body("{\"a\":1}")
                        .build();

        JsonNode echo = echo(api.handle(request));

        assertThat(echo.get("uri").asText()).isEqualTo("/store");
        assertThat(LocalHttpServer.echoedHeader(echo, "Accept")).isEqualTo("application/json");
        assertThat(LocalHttpServer.echoedHeader(echo, "User-Agent"))
                .isEqualTo("AmazonAPIGateway_z8w2hh4k1q");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Amzn-Apigateway-Api-Id"))
                .isEqualTo("z8w2hh4k1q");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Amzn-Trace-Id")).startsWith("Root=1-");
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Type"))
                .isEqualTo("application/json");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Secret")).isEmpty();
        assertThat(new String(LocalHttpServer.echoedBody(echo))).isEqualTo("{\"a\":1}");
        assertThat(echo.get("headers").size()).as(echo.get("headers").toString()).isEqualTo(7);
    }

    @Test
    void handle_noBody_sendsNoContentType() {
        Api api = api("a1", i -> {});

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/items/1")
                                        .header("Content-Type", "text/plain")
                                        .build()));

        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Type")).isEmpty();
    }

    @Test
    void handle_mappedPathQueryAndHeader_areSent() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                itemsApi(
                                        "b2",
                                        server.origin() + "/store/{id}/detail",
                                        i ->
                                                i.putRequestParameter(
                                                                "integration.request.path.id",
                                                                "method.request.path.itemId")
                                                        .putRequestParameter(
                                                                "integration.request.querystring.lang",
                                                                "method.request.querystring.locale")
                                                        .putRequestParameter(
                                                                "integration.request.querystring.env",
                                                                "stageVariables.env")
                                                        .putRequestParameter(
                                                                "integration.request.header.X-Caller",
                                                                "method.request.header.X-User")
                                                        .putRequestParameter(
                                                                "integration.request.header.Accept",
                                                                "'text/csv'")))
                        .deploy("dev", s -> s.putVariable("env", "green"))
                        .build();

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/items/77?locale=de%20CH")
                                        .header("X-User", "ana")
                                        .build()));

        assertThat(echo.get("uri").asText()).isEqualTo("/store/77/detail?lang=de%20CH&env=green");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Caller")).isEqualTo("ana");
        assertThat(LocalHttpServer.echoedHeader(echo, "Accept")).isEqualTo("text/csv");
    }

    @Test
    void handle_requestTemplate_sendsMappedBody() {
        Api api =
                api(
                        "c3",
                        i ->
                                i.putRequestTemplate(
                                        "application/json",
                                        "{\"name\": \"$input.params('name')\"}"));

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/items/3?name=Rex")
                                        .header("Content-Type", "application/json")
                                        .body("{\"ignored\": true}")
                                        .build()));

        assertThat(new String(LocalHttpServer.echoedBody(echo))).isEqualTo("{\"name\": \"Rex\"}");
    }

    @Test
    void handle_backend4xx_selectsPatternResponse() {
        server.respond(
                "/store",
                409,
                Map.of("Content-Type", List.of("application/json")),
                "{\"status\": \"conflict\"}".getBytes());
        Api api = api("d4", i -> {});

        Response response = api.handle(Request.of("POST", "/dev/items/9"));

        assertThat(response).hasStatus(400);
        assertThat(response).hasBody("{\"failed\": {\"status\": \"conflict\"}}");
        assertThat(response).hasHeader("X-Amzn-Trace-Id");
    }

    @Test
    void handle_backend2xx_selectsDefaultAndMapsHeader() {
        server.respond(
                "/store",
                201,
                Map.of("X-Version", List.of("v7"), "X-Internal", List.of("hidden")),
                "created".getBytes());
        Api api = api("e5", i -> {});

        Response response = api.handle(Request.of("POST", "/dev/items/9"));

        assertThat(response).hasStatus(200);
        assertThat(response.headers().first("X-Backend-Version")).contains("v7");
        assertThat(response).doesNotHaveHeader("X-Internal");
        assertThat(response).hasBody("created");
    }

    @Test
    void handle_mappingToContentLength_returnsConfigurationError() {
        Api api =
                api(
                        "f6",
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header.Content-Length", "'12'"));

        Response response = api.handle(Request.of("POST", "/dev/items/1"));

        assertThat(response).hasStatus(500);
        assertThat(LocalHttpServer.echoed(response.body()).get("message").asText())
                .isEqualTo("Internal server error");
    }

    @Test
    void handle_mappingToVia_isDropped() {
        Api api =
                api(
                        "g7",
                        i ->
                                i.putRequestParameter("integration.request.header.Via", "'1.1 x'")
                                        .putRequestParameter(
                                                "integration.request.header.Server", "'mapped'"));

        JsonNode echo = echo(api.handle(Request.of("POST", "/dev/items/1")));

        assertThat(LocalHttpServer.echoedHeader(echo, "Via")).isEmpty();
        assertThat(LocalHttpServer.echoedHeader(echo, "Server")).isEqualTo("mapped");
    }
}
