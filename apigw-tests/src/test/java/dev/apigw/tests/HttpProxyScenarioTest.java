package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP_PROXY integrations through {@link Api#handle} (reference 3.1, 4.2, 5.2, 1.5, 9.5). */
class HttpProxyScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static RestApi proxyApi(String uri, Consumer<Integration.Builder> more) {
        return RestApi.builder()
                .name("proxy")
                .resource(
                        "/api/{proxy+}",
                        r ->
                                r.method(
                                        "ANY",
                                        m ->
                                                m.putRequestParameter(
                                                                "method.request.path.proxy", true)
                                                        .integration(
                                                                i -> {
                                                                    i.type(
                                                                                    IntegrationType
                                                                                            .HTTP_PROXY)
                                                                            .httpMethod("ANY")
                                                                            .uri(uri)
                                                                            .putRequestParameter(
                                                                                    "integration.request.path.proxy",
                                                                                    "method.request.path.proxy");
                                                                    more.accept(i);
                                                                })))
                .build();
    }

    private Api api(String uri) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(proxyApi(uri, i -> {}))
                .deploy("dev")
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response).hasStatus(200);
        return LocalHttpServer.echoed(response.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST", "DELETE", "PATCH"})
    void handle_anyIntegrationMethod_sendsClientMethodAndGreedyPath(String method) {
        Api api = api(server.origin() + "/backend/{proxy}");

        JsonNode echo =
                echo(
                        api.handle(
                                Request.of(
                                        method,
                                        "/dev/api/shelf/" + method.length() + "/book%20one")));

        assertThat(echo.get("method").asText()).isEqualTo(method);
        assertThat(echo.get("uri").asText())
                .isEqualTo("/backend/shelf/" + method.length() + "/book%20one");
    }

    @Test
    void handle_fixedIntegrationMethod_sendsThatMethod() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi(server.origin() + "/{proxy}", i -> i.httpMethod("PUT")))
                        .deploy("dev")
                        .build();

        assertThat(echo(api.handle(Request.of("GET", "/dev/api/x"))).get("method").asText())
                .isEqualTo("PUT");
    }

    @Test
    void handle_pathParameterInUri_isFilled() {
        RestApi def =
                RestApi.builder()
                        .name("pets")
                        .resource(
                                "/pets/{petId}",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .HTTP_PROXY)
                                                                                .httpMethod("GET")
                                                                                .uri(
                                                                                        server
                                                                                                        .origin()
                                                                                                + "/v2/animals/{id}/card")
                                                                                .putRequestParameter(
                                                                                        "integration.request.path.id",
                                                                                        "method.request.path.petId"))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(def)
                        .deploy("dev")
                        .build();

        assertThat(echo(api.handle(Request.of("GET", "/dev/pets/83"))).get("uri").asText())
                .isEqualTo("/v2/animals/83/card");
    }

    @Test
    void handle_unmappedPlaceholder_returnsConfigurationError() {
        RestApi def =
                RestApi.builder()
                        .name("pets")
                        .resource(
                                "/pets/{petId}",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .HTTP_PROXY)
                                                                                .httpMethod("GET")
                                                                                .uri(
                                                                                        server
                                                                                                        .origin()
                                                                                                + "/animals/{petId}"))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(def)
                        .deploy("dev")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/pets/5"));

        assertThat(result)
                .isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR)
                .hasJsonPath("$.message", "Internal server error");
        assertThat(
                        result.log()
                                .contains(
                                        "Execution failed due to configuration error:"
                                                + " Illegal character in path"))
                .isTrue();
    }

    @Test
    void handle_stageVariablesInHostPathAndQuery_areResolved() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                proxyApi(
                                        "http://${stageVariables.host}/${stageVariables['base']}/{proxy}"
                                                + "?env=${stageVariables.env}",
                                        i -> {}))
                        .deploy(
                                "dev",
                                s ->
                                        s.putVariable("host", "127.0.0.1:" + server.port())
                                                .putVariable("base", "svc-" + server.port())
                                                .putVariable("env", "blue"))
                        .build();

        JsonNode echo = echo(api.handle(Request.of("GET", "/dev/api/a/b?c=d")));

        assertThat(echo.get("uri").asText())
                .isEqualTo("/svc-" + server.port() + "/a/b?env=blue&c=d");
    }

    @Test
    void handle_undefinedStageVariable_returnsConfigurationError() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("http://${stageVariables.missing}/{proxy}", i -> {}))
                        .deploy("dev", s -> s.putVariable("other", "x"))
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/api/a"));

        assertThat(result)
                .isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR)
                .hasJsonPath("$.message", "Internal server error");
        assertThat(
                        result.log()
                                .contains(
                                        "Execution failed due to configuration error:"
                                                + " Invalid endpoint address"))
                .isTrue();
    }

    @Test
    void handle_stageVariableMakingInvalidUri_returnsConfigurationError() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("${stageVariables.url}/{proxy}", i -> {}))
                        .deploy("dev", s -> s.putVariable("url", "ftp://127.0.0.1"))
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/api/a"));

        assertThat(response)
                .isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR)
                .hasJsonPath("$.message", "Internal server error");
    }

    @Test
    void handle_clientHeaders_forwardsAllButDroppedOnes() {
        Api api = api(server.origin() + "/{proxy}");
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/dev/api/h")
                        .header("X-Flavour", "mint")
                        .header("User-Agent", "curl/8.1")
                        .header("Authorization", "Bearer t0k3n")
                        .header("Via", "1.1 proxy")
                        .header("Content-Encoding", "gzip")
                        .header("Max-Forwards", "3")
                        .header("Upgrade", "h2c")
                        .header("Host", "api.example.com")
                        .build();

        JsonNode echo = echo(api.handle(request));

        assertThat(LocalHttpServer.echoedHeader(echo, "X-Flavour")).isEqualTo("mint");
        assertThat(LocalHttpServer.echoedHeader(echo, "User-Agent")).isEqualTo("curl/8.1");
        assertThat(LocalHttpServer.echoedHeader(echo, "Authorization")).isEqualTo("Bearer t0k3n");
        assertThat(LocalHttpServer.echoedHeader(echo, "Host"))
                .isEqualTo("127.0.0.1:" + server.port());
        for (String dropped : List.of("Via", "Content-Encoding", "Max-Forwards", "Upgrade")) {
            assertThat(LocalHttpServer.echoedHeader(echo, dropped)).as(dropped).isEmpty();
        }
    }

    @Test
    void handle_anyRequest_addsApiIdAndTraceHeaders() {
        RestApi def = proxyApi(server.origin() + "/{proxy}", i -> {}).copy(b -> b.id("k3x9pet0a1"));
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(def)
                        .deploy("dev")
                        .build();

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/dev/api/t")
                                        .header(
                                                "X-Amzn-Trace-Id",
                                                "Root=1-5f84c7a1-0123456789abcdef01234567")
                                        .build()));

        assertThat(LocalHttpServer.echoedHeader(echo, "X-Amzn-Apigateway-Api-Id"))
                .isEqualTo("k3x9pet0a1");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Amzn-Trace-Id"))
                .isEqualTo("Root=1-5f84c7a1-0123456789abcdef01234567");
    }

    @Test
    void handle_mappedHeaderAndQuery_areSentAndReplaceClientOnes() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                proxyApi(
                                        server.origin() + "/{proxy}",
                                        i ->
                                                i.putRequestParameter(
                                                                "integration.request.header.X-Tenant",
                                                                "'acme'")
                                                        .putRequestParameter(
                                                                "integration.request.querystring.stage",
                                                                "context.stage")))
                        .deploy("qa")
                        .build();

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/qa/api/m?stage=prod&keep=1")
                                        .header("X-Tenant", "evil")
                                        .build()));

        assertThat(LocalHttpServer.echoedHeader(echo, "X-Tenant")).isEqualTo("acme");
        assertThat(echo.get("uri").asText()).isEqualTo("/m?keep=1&stage=qa");
    }

    @Test
    void handle_rawQuery_isPassedAsSent() {
        Api api = api(server.origin() + "/{proxy}");

        JsonNode echo =
                echo(
                        api.handle(
                                Request.of(
                                        "GET",
                                        "/dev/api/q?name=J%C3%BCrgen&tag=a&tag=b&empty&sp=x+y")));

        assertThat(echo.get("uri").asText())
                .isEqualTo("/q?name=J%C3%BCrgen&tag=a&tag=b&empty&sp=x+y");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 4242, 90210})
    void handle_binaryBody_reachesBackendIntact(long seed) {
        Random random = new Random(seed);
        byte[] body = new byte[1 + random.nextInt(5000)];
        random.nextBytes(body);
        Api api = api(server.origin() + "/{proxy}");

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/api/up")
                                        .header("Content-Type", "application/octet-stream")
                                        .body(body)
                                        .build()));

        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(body);
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Type"))
                .isEqualTo("application/octet-stream");
    }

    @Test
    void handle_backendAnswer_passesStatusHeadersAndBody() {
        byte[] body = {(byte) 0xff, 0, 1, 2, (byte) 0x80};
        server.respond(
                "/teapot",
                418,
                Map.of(
                        "X-Brew",
                        List.of("earl grey", "green"),
                        "Content-Type",
                        List.of("image/x-tea"),
                        "Access-Control-Allow-Origin",
                        List.of("*")),
                body);
        Api api = api(server.origin() + "/{proxy}");

        Response response = api.handle(Request.of("GET", "/dev/api/teapot"));

        assertThat(response).hasStatus(418);
        assertThat(response.headers().values("X-Brew")).containsExactly("earl grey", "green");
        assertThat(response.headers().first("Content-Type")).contains("image/x-tea");
        assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.body()).isEqualTo(body);
        assertThat(response).doesNotHaveHeader("X-Amzn-Trace-Id");
    }

    @Test
    void handle_backendTransportHeaders_areRemapped() {
        server.respond(
                "/r",
                200,
                Map.of(
                        "Server",
                        List.of("nginx/1.25"),
                        "x-amzn-RequestId",
                        List.of("backend-id"),
                        "Connection",
                        List.of("keep-alive")),
                "ok".getBytes());
        Api api = api(server.origin() + "/{proxy}");

        Response response = api.handle(Request.of("GET", "/dev/api/r"));

        assertThat(response.headers().first("x-amzn-Remapped-Server")).contains("nginx/1.25");
        assertThat(response.headers().first("x-amzn-Remapped-Content-Length")).contains("2");
        assertThat(response.headers().first("x-amzn-Remapped-Date")).isPresent();
        assertThat(response.headers().first("x-amzn-Remapped-x-amzn-RequestId"))
                .contains("backend-id");
        assertThat(response.headers().values("x-amzn-RequestId"))
                .hasSize(1)
                .doesNotContain("backend-id");
        assertThat(response).doesNotHaveHeader("Server");
        assertThat(response).doesNotHaveHeader("Content-Length");
        assertThat(response).doesNotHaveHeader("Date");
        assertThat(response).doesNotHaveHeader("Transfer-Encoding");
    }

    @Test
    void handle_chunkedBackendResponse_dropsTransferEncoding() {
        server.handle(
                "/chunked",
                exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (var out = exchange.getResponseBody()) {
                        out.write("streamed".getBytes());
                    }
                });
        Api api = api(server.origin() + "/{proxy}");

        Response response = api.handle(Request.of("GET", "/dev/api/chunked"));

        assertThat(response).hasBody("streamed");
        assertThat(response).doesNotHaveHeader("Transfer-Encoding");
    }

    @Test
    void handle_backendTooSlow_returnsIntegrationTimeout() {
        server.stallBeforeHeaders("/slow");
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi(server.origin() + "/{proxy}", i -> i.timeoutInMillis(50)))
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/api/slow"));

        assertThat(response)
                .isGatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT)
                .hasJsonPath("$.message", "Endpoint request timed out");
    }

    @Test
    void handle_unreachableBackend_returnsIntegrationFailure() {
        Api api = api("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/{proxy}");

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/api/x"));

        assertThat(result)
                .isGatewayResponse(GatewayResponseType.INTEGRATION_FAILURE)
                .hasJsonPath("$.message", "Network error communicating with endpoint");
        assertThat(
                        result.log()
                                .contains(
                                        "Execution failed due to a network error communicating with endpoint"))
                .isTrue();
    }

    @Test
    void handle_backendThrows_returnsIntegrationFailure() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("http://backend.internal/{proxy}", i -> {}))
                        .httpBackend(
                                request -> {
                                    throw new IllegalStateException(
                                            "pool exhausted for " + request.uri());
                                })
                        .deploy("dev")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/api/x"));

        assertThat(result)
                .isGatewayResponse(GatewayResponseType.INTEGRATION_FAILURE)
                .hasJsonPath("$.message", "Network error communicating with endpoint");
        assertThat(result.log().contains("pool exhausted for http://backend.internal/x")).isTrue();
    }

    @Test
    void handle_backendBodyOver10MB_returnsIntegrationFailure() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("http://backend.internal/{proxy}", i -> {}))
                        .httpBackend(
                                request ->
                                        new BackendResponse(
                                                200,
                                                Headers.empty(),
                                                new byte[10 * 1024 * 1024 + 1]))
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/api/big"));

        assertThat(response).hasStatus(502).hasJsonPath("$.message", "Internal server error");
    }

    @Test
    void handle_backendBodyOf10MB_isPassed() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("http://backend.internal/{proxy}", i -> {}))
                        .httpBackend(
                                request ->
                                        new BackendResponse(
                                                200, Headers.empty(), new byte[10 * 1024 * 1024]))
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/api/big"));

        assertThat(response).hasStatus(200);
        assertThat(response.bodyLength()).isEqualTo(10 * 1024 * 1024);
    }
}
