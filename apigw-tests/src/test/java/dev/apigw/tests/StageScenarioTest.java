package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stage resolution and stage variables through {@link Api#handle} (reference 7.1, 9.1, 1.5). */
class StageScenarioTest {
    private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";

    /** {@code GET /pets} echoes the stage, its variables and the resource path. */
    private static RestApi petsApi() {
        return RestApi.builder()
                .name("stages")
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"statusCode\": 200}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .putResponseTemplate(
                                                                                                                "application/json",
                                                                                                                "$context.stage|$stageVariables.color|"
                                                                                                                        + "$stageVariables['size']|$context.resourcePath|"
                                                                                                                        + "$context.path")))))
                .gatewayResponse(
                        GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                        g ->
                                g.putResponseParameter(
                                                "gatewayresponse.header.X-Color",
                                                "stageVariables.color")
                                        .putResponseTemplate(
                                                "application/json",
                                                "{\"stage\":\"$context.stage\",\"color\":\"$stageVariables.color\"}"))
                .build();
    }

    private static Api api() {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(petsApi())
                .deploy("dev", s -> s.putVariable("color", "green").putVariable("size", "S"))
                .deploy("prod", s -> s.putVariable("color", "navy"))
                .build();
    }

    private static void assertForbidden(Response response) {
        assertThat(response).hasStatus(403).hasBody(FORBIDDEN).hasErrorType("ForbiddenException");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response).hasHeader("x-amzn-RequestId");
        assertThat(response.headers().first("x-amz-apigw-id")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/staging/pets", "/DEV/pets", "/", "//", "/dev-2/pets", "/pets"})
    void handle_unknownStage_returnsForbidden(String path) {
        assertForbidden(api().handle(Request.of("GET", path)));
    }

    @Test
    void handle_unknownStage_ignoresTheApisGatewayResponses() {
        Response response = api().handle(Request.of("GET", "/qa/nowhere"));

        assertForbidden(response);
        assertThat(response).doesNotHaveHeader("X-Color");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dev/pets", "//dev/pets", "/dev//pets", "///dev///pets", "/dev/pets/"})
    void handle_doubledOrTrailingSlashes_routeLikeTheCleanPath(String path) {
        Response response = api().handle(Request.of("GET", path));

        assertThat(response).hasStatus(200);
        assertThat(response.bodyAsString()).startsWith("dev|green|S|/pets|");
    }

    @Test
    void handle_stageWithoutPath_routesToRoot() {
        Response response = api().handle(Request.of("GET", "/dev"));

        assertThat(response).hasStatus(403);
        assertThat(response).hasBody("{\"stage\":\"dev\",\"color\":\"green\"}");
    }

    @Test
    void handle_stageVariables_visibleInMappingTemplatesPerStage() {
        Api api = api();

        Response dev = api.handle(Request.of("GET", "/dev/pets"));
        Response prod = api.handle(Request.of("GET", "/prod/pets"));

        assertThat(dev).hasBody("dev|green|S|/pets|/dev/pets");
        assertThat(prod).hasBody("prod|navy||/pets|/prod/pets");
    }

    @Test
    void handle_stageVariables_visibleInGatewayResponses() {
        Api api = api();

        Response dev = api.handle(Request.of("GET", "/dev/cats"));
        Response prod = api.handle(Request.of("POST", "/prod/pets"));

        assertThat(dev).hasStatus(403);
        assertThat(dev).hasBody("{\"stage\":\"dev\",\"color\":\"green\"}");
        assertThat(dev.headers().first("X-Color")).contains("green");
        assertThat(prod).hasBody("{\"stage\":\"prod\",\"color\":\"navy\"}");
        assertThat(prod.headers().first("X-Color")).contains("navy");
    }

    @Test
    void handle_stageWithoutVariables_rendersThemEmpty() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi())
                        .deploy("bare")
                        .build();

        Response response = api.handle(Request.of("GET", "/bare/pets"));

        assertThat(response).hasBody("bare|||/pets|/bare/pets");
    }
}
