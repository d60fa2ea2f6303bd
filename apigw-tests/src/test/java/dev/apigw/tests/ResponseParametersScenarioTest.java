package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.CustomErrorHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Method response header mappings (reference 5.3, 5.2, 1.7 T12) through {@link Api#handle}. */
class ResponseParametersScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static RestApi api(
            IntegrationType type, String uri, Consumer<IntegrationResponse.Builder> mappings) {
        return RestApi.builder()
                .id("rp7c2m0d5e")
                .name("orders")
                .resource(
                        "/orders",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .integration(
                                                                i -> {
                                                                    i.type(type)
                                                                            .httpMethod("GET")
                                                                            .integrationResponse(
                                                                                    "200",
                                                                                    mappings);
                                                                    if (type
                                                                            != IntegrationType
                                                                                    .MOCK) {
                                                                        i.uri(uri);
                                                                    }
                                                                })))
                .build();
    }

    private Api httpApi(Consumer<IntegrationResponse.Builder> mappings) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(api(IntegrationType.HTTP, server.origin() + "/backend", mappings))
                .deploy("prod", s -> s.putVariable("tier", "gold"))
                .build();
    }

    @Test
    void handle_everySource_setsItsHeader() {
        server.respond(
                "/backend",
                200,
                Map.of(
                        "X-Version",
                        List.of("v9"),
                        "Set-Cookie",
                        List.of("a=1", "b=2"),
                        "Content-Type",
                        List.of("application/json")),
                "{\"redirect\":{\"url\":\"https://example.com/next\"},\"count\":5,\"nothing\":null}"
                        .getBytes());
        Api api =
                httpApi(
                        ir ->
                                ir.putResponseParameter(
                                                "method.response.header.Location",
                                                "integration.response.body.redirect.url")
                                        .putResponseParameter(
                                                "method.response.header.X-Count",
                                                "integration.response.body.count")
                                        .putResponseParameter(
                                                "method.response.header.X-Redirect",
                                                "integration.response.body.redirect")
                                        .putResponseParameter(
                                                "method.response.header.X-Null",
                                                "integration.response.body.nothing")
                                        .putResponseParameter(
                                                "method.response.header.X-Absent",
                                                "integration.response.body.redirect.missing")
                                        .putResponseParameter(
                                                "method.response.header.X-Whole",
                                                "integration.response.body")
                                        .putResponseParameter(
                                                "method.response.header.X-Cookies",
                                                "integration.response.multivalueheader.Set-Cookie")
                                        .putResponseParameter(
                                                "method.response.header.X-First-Cookie",
                                                "integration.response.header.Set-Cookie")
                                        .putResponseParameter(
                                                "method.response.header.X-Backend",
                                                "integration.response.header.X-Version")
                                        .putResponseParameter(
                                                "method.response.header.X-Tier",
                                                "stageVariables.tier")
                                        .putResponseParameter(
                                                "method.response.header.X-Stage", "context.stage")
                                        .putResponseParameter(
                                                "method.response.header.X-Static",
                                                "'no-cache, private'"));

        Response response = api.handle(Request.of("GET", "/prod/orders"));

        assertThat(response).hasStatus(200);
        Headers h = response.headers();
        assertThat(h.first("Location")).contains("https://example.com/next");
        assertThat(h.first("X-Count")).contains("5");
        assertThat(h.first("X-Redirect")).contains("{\"url\":\"https://example.com/next\"}");
        assertThat(h.contains("X-Null")).isFalse();
        assertThat(h.contains("X-Absent")).isFalse();
        assertThat(h.first("X-Whole")).contains(response.bodyAsString());
        assertThat(h.first("X-Cookies")).contains("a=1,b=2");
        assertThat(h.first("X-First-Cookie")).contains("a=1");
        assertThat(h.first("X-Backend")).contains("v9");
        assertThat(h.first("X-Tier")).contains("gold");
        assertThat(h.first("X-Stage")).contains("prod");
        assertThat(h.first("X-Static")).contains("no-cache, private");
        assertThat(h.contains("Set-Cookie")).isFalse();
    }

    @Test
    void handle_bodyNotJson_bodyFieldGivesNoHeader() {
        server.respond("/backend", 200, Map.of(), "plain words".getBytes());
        Api api =
                httpApi(
                        ir ->
                                ir.putResponseParameter(
                                                "method.response.header.X-Field",
                                                "integration.response.body.words")
                                        .putResponseParameter(
                                                "method.response.header.X-Body",
                                                "integration.response.body"));

        Response response = api.handle(Request.of("GET", "/prod/orders"));

        assertThat(response).doesNotHaveHeader("X-Field");
        assertThat(response.headers().first("X-Body")).contains("plain words");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Authorization",
                "Connection",
                "Content-Length",
                "Content-MD5",
                "Date",
                "Expect",
                "Host",
                "Max-Forwards",
                "Proxy-Authenticate",
                "Server",
                "Trailer",
                "Upgrade",
                "User-Agent",
                "WWW-Authenticate"
            })
    void handle_reservedHeaderFromHttp_isRemapped(String header) {
        Api api =
                httpApi(
                        ir ->
                                ir.putResponseParameter(
                                        "method.response.header." + header,
                                        "'v-" + header.length() + "'"));

        Response response = api.handle(Request.of("GET", "/prod/orders"));

        assertThat(response).hasStatus(200);
        assertThat(response.headers().values("x-amzn-Remapped-" + header))
                .containsExactly("v-" + header.length());
        assertThat(response.headers().values(header)).doesNotContain("v-" + header.length());
    }

    @Test
    void handle_transferEncodingFromHttp_isDropped() {
        Api api =
                httpApi(
                        ir ->
                                ir.putResponseParameter(
                                                "method.response.header.Transfer-Encoding",
                                                "'chunked'")
                                        .putResponseParameter(
                                                "method.response.header.X-Kept", "'kept'"));

        Response response = api.handle(Request.of("GET", "/prod/orders"));

        assertThat(response).doesNotHaveHeader("Transfer-Encoding");
        assertThat(response).doesNotHaveHeader("x-amzn-Remapped-Transfer-Encoding");
        assertThat(response.headers().first("X-Kept")).contains("kept");
    }

    @Test
    void handle_reservedHeaderFromMock_isNotRemapped() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                api(
                                        IntegrationType.MOCK,
                                        "",
                                        ir ->
                                                ir.putResponseParameter(
                                                        "method.response.header.Server",
                                                        "'mock-server'")))
                        .deploy("prod")
                        .build();

        Response response = api.handle(Request.of("GET", "/prod/orders"));

        assertThat(response.headers().first("Server")).contains("mock-server");
        assertThat(response).doesNotHaveHeader("x-amzn-Remapped-Server");
    }

    @Test
    void handle_lambdaCustomError_dereferencesErrorMessageJson() throws IOException {
        RestApi restApi =
                RestApi.builder()
                        .name("t12")
                        .resource(
                                "/fail",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .methodResponse("500", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                LambdaProxyScenarioTest
                                                                                                        .uri(
                                                                                                                "custom-error"))
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {})
                                                                                        .integrationResponse(
                                                                                                "500",
                                                                                                ir ->
                                                                                                        ir.selectionPattern(
                                                                                                                        ".*InternalServerError.*")
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.error_type",
                                                                                                                        "integration.response.body.errorMessage.errorType")
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.error_status",
                                                                                                                        "integration.response.body.errorMessage.httpStatus")
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.error_trace_function",
                                                                                                                        "integration.response.body.errorMessage.trace"
                                                                                                                                + ".function")
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.error_trace",
                                                                                                                        "integration.response.body.errorMessage.trace")
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.error_message",
                                                                                                                        "integration.response.body.errorMessage")))))
                        .build();
        Response response = failWith(restApi, 500);

        assertThat(response).hasStatus(500);
        Headers h = response.headers();
        assertThat(h.first("error_status")).contains("500");
        assertThat(h.first("error_trace"))
                .contains("{\"function\":\"abc()\",\"line\":123,\"file\":\"abc.js\"}");
        assertThat(h.first("error_trace_function")).contains("abc()");
        assertThat(h.first("error_type")).contains("InternalServerError");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("errorMessage").isTextual()).isTrue();
        assertThat(h.first("error_message")).contains(body.get("errorMessage").asText());
    }

    // Selection value, a body mapping and the response template read one parse of the error
    // payload (EndpointBody); each still sees the whole body.
    @Test
    void handle_lambdaErrorReadBySelectionMappingAndTemplate_eachSeesTheBody() {
        RestApi restApi =
                RestApi.builder()
                        .name("t12")
                        .resource(
                                "/fail",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .methodResponse("502", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                LambdaProxyScenarioTest
                                                                                                        .uri(
                                                                                                                "custom-error"))
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {})
                                                                                        .integrationResponse(
                                                                                                "502",
                                                                                                ir ->
                                                                                                        ir.selectionPattern(
                                                                                                                        ".*\"httpStatus\":502.*")
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.X-Type",
                                                                                                                        "integration.response.body.errorType")
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "{\"type\": "
                                                                                                                                + "\"$input.path('$.errorType')\", \"status\": "
                                                                                                                                + "$util.parseJson($input.path('$.errorMessage'))"
                                                                                                                                + ".httpStatus}")))))
                        .build();
        Response response = failWith(restApi, 502);

        assertThat(response).hasStatus(502);
        assertThat(response.headers().first("X-Type")).contains("java.lang.IllegalStateException");
        assertThat(response)
                .hasBody("{\"type\": \"java.lang.IllegalStateException\", \"status\": 502}");
    }

    @Test
    void handle_lambdaSuccessWithErrorMessageField_isNotDereferenced() {
        RestApi restApi =
                RestApi.builder()
                        .name("ok")
                        .resource(
                                "/ok",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                LambdaProxyScenarioTest
                                                                                                        .uri(
                                                                                                                "quiet"))
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.X-Inner",
                                                                                                                        "integration.response.body.errorMessage.code")))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("v1")
                        .lambda(
                                "quiet",
                                invocation ->
                                        LambdaResult.of(
                                                "{\"errorMessage\":\"{\\\"code\\\":7}\"}"
                                                        .getBytes()))
                        .build();

        Response response = api.handle(Request.of("POST", "/v1/ok"));

        assertThat(response).hasStatus(200);
        assertThat(response).doesNotHaveHeader("X-Inner");
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "method.response.header.X|integration.response.cookie.x",
                "method.response.header.X|integration.response.body.a[",
                "method.response.header.X|'unterminated",
                "method.response.header.X|method.request.header.x",
                "method.response.body.X|'v'",
                "method.response.header.bad name|'v'"
            })
    void build_malformedResponseMapping_failsWithAwsText(String target, String source) {
        RestApi restApi =
                api(
                        IntegrationType.HTTP,
                        server.origin() + "/backend",
                        ir -> ir.putResponseParameter(target, source));

        assertThatThrownBy(
                        () ->
                                Api.builder()
                                        .internalErrorHandler(FailingInternalErrorHandler.create())
                                        .restApi(restApi)
                                        .deploy("prod")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "/orders GET integration response 200: Invalid mapping"
                                + " expression specified: Validation Result: warnings : [], errors :"
                                + " [Invalid mapping expression specified: ");
    }

    /** Posts {"status": N} to /v1/fail, whose function CustomErrorHandler fails with it. */
    private static Response failWith(RestApi restApi, int status) {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("v1")
                        .lambda(
                                "custom-error",
                                LambdaHandlers.requestHandler(new CustomErrorHandler(), Map.class))
                        .build();
        return api.handle(
                Request.builder()
                        .httpMethod("POST")
                        .target("/v1/fail")
                        .header("Content-Type", "application/json")
                        .body("{\"status\": " + status + "}")
                        .build());
    }
}
