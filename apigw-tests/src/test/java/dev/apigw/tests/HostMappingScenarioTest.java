package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mapped {@code Host} (reference 5.2, {@code integration.request.header.Host}) reaches a real
 * backend through the default {@code HttpBackend}.
 */
class HostMappingScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private Api api(IntegrationType type, String path, Consumer<Integration.Builder> more) {
        RestApi restApi =
                RestApi.builder()
                        .id("hm3k8w1p0x")
                        .name("tenants")
                        .resource(
                                "/tenants",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i -> {
                                                                            i.type(type)
                                                                                    .httpMethod(
                                                                                            "POST")
                                                                                    .uri(
                                                                                            server
                                                                                                            .origin()
                                                                                                    + path)
                                                                                    .integrationResponse(
                                                                                            "200",
                                                                                            ir -> {});
                                                                            more.accept(i);
                                                                        })))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("edge", s -> s.putVariable("tenantHost", "acme.tenants.example"))
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response).hasStatus(200);
        return LocalHttpServer.echoed(response.body());
    }

    @Test
    void handle_staticHostMapping_backendSeesMappedHost() {
        Api api =
                api(
                        IntegrationType.HTTP,
                        "/echo?v=1",
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header.Host",
                                        "'pets.internal.example'"));

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/edge/tenants")
                                        .header("Content-Type", "application/json")
                                        .body("{\"n\":1}")
                                        .build()));

        assertThat(LocalHttpServer.echoedHeader(echo, "Host")).isEqualTo("pets.internal.example");
        assertThat(echo.get("uri").asText()).isEqualTo("/echo?v=1");
        assertThat(new String(LocalHttpServer.echoedBody(echo))).isEqualTo("{\"n\":1}");
        assertThat(LocalHttpServer.echoedHeader(echo, "User-Agent"))
                .isEqualTo("AmazonAPIGateway_hm3k8w1p0x");
    }

    @Test
    void handle_hostFromStageVariable_backendSeesIt() {
        Api api =
                api(
                        IntegrationType.HTTP,
                        "/echo",
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header.Host",
                                        "stageVariables.tenantHost"));

        JsonNode echo = echo(api.handle(Request.of("POST", "/edge/tenants")));

        assertThat(LocalHttpServer.echoedHeader(echo, "Host")).isEqualTo("acme.tenants.example");
    }

    @Test
    void handle_hostFromClientHeaderOnHttpProxy_backendSeesIt() {
        Api api =
                api(
                        IntegrationType.HTTP_PROXY,
                        "/echo",
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header.Host",
                                        "method.request.header.X-Tenant-Host"));

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/edge/tenants?page=2")
                                        .header("X-Tenant-Host", "globex.example:8443")
                                        .header("X-Other", "passed")
                                        .build()));

        assertThat(LocalHttpServer.echoedHeader(echo, "Host")).isEqualTo("globex.example:8443");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Other")).isEqualTo("passed");
        assertThat(echo.get("uri").asText()).isEqualTo("/echo?page=2");
    }

    @Test
    void handle_noHostMapping_backendSeesUriAuthority() {
        Api api = api(IntegrationType.HTTP, "/echo", i -> {});

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/edge/tenants")
                                        .header("Host", "client.example")
                                        .build()));

        assertThat(LocalHttpServer.echoedHeader(echo, "Host"))
                .isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void handle_mappedHostAndStalledBackend_timesOutWith504() {
        server.stallBeforeHeaders("/slow");
        Api api =
                api(
                        IntegrationType.HTTP,
                        "/slow",
                        i ->
                                i.timeoutInMillis(300)
                                        .putRequestParameter(
                                                "integration.request.header.Host",
                                                "'slow.example'"));

        Response response = api.handle(Request.of("POST", "/edge/tenants"));

        assertThat(response).isGatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT);
        assertThat(response).hasBodyContaining("Endpoint request timed out");
    }
}
