package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.ImportResult;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.NestedFailureHandler;
import dev.apigw.tests.lambda.PetProxyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CORS on a REST API through {@link Api#handle} (reference 11.2, 3.2): the definition the console's
 * "Enable CORS" creates, built with {@code enableCors} and imported from a hand-written
 * console-style OpenAPI document, answers preflights from its MOCK OPTIONS methods, adds {@code
 * Access-Control-Allow-Origin} to non-proxy responses and to gateway responses, and leaves proxy
 * integrations to their backend.
 */
class CorsScenarioTest {
    private static final String ORIGIN = "https://app.example.com";
    private static final String PETS_BODY = "{\"pets\": [\"cat\"]}";
    private static final String EVERY_METHOD = "DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT";

    static RestApi built() {
        Integration mock =
                Integration.builder()
                        .type(IntegrationType.MOCK)
                        .putRequestTemplate("application/json", "{\"statusCode\": 200}")
                        .integrationResponse(
                                "200", ir -> ir.putResponseTemplate("application/json", PETS_BODY))
                        .build();
        return RestApi.builder()
                .name("cors")
                .version("1")
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                        "GET",
                                        m -> m.methodResponse("200", mr -> {}).integration(mock)))
                .resource(
                        "/pets/{id}",
                        r ->
                                r.method(
                                        "ANY",
                                        m ->
                                                m.putRequestParameter(
                                                                "method.request.path.id", true)
                                                        .integration(lambda("pets"))))
                .resource("/fail", r -> r.method("GET", m -> m.integration(lambda("fail"))))
                .enableCors(c -> c.allowOrigin(ORIGIN).allowHeaders("Content-Type,X-Custom"))
                .build();
    }

    private static Integration lambda(String function) {
        return Integration.builder()
                .type(IntegrationType.AWS_PROXY)
                .httpMethod("POST")
                .uri(LambdaProxyScenarioTest.uri(function))
                .build();
    }

    static RestApi imported() {
        try (InputStream in =
                CorsScenarioTest.class.getResourceAsStream("/fixtures/cors/console-cors.yaml")) {
            ImportResult result = OpenApiImporter.create().importStream(in);
            assertThat(result.warnings()).isEmpty();
            return result.api();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api deploy(RestApi restApi) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("dev")
                .lambda(
                        "pets",
                        LambdaHandlers.requestHandler(
                                new PetProxyHandler(), APIGatewayProxyRequestEvent.class))
                .lambda("fail", LambdaHandlers.streamHandler(new NestedFailureHandler()))
                .build();
    }

    static Stream<Arguments> apis() {
        return Stream.of(
                Arguments.of("enableCors", deploy(built())),
                Arguments.of("console-style import", deploy(imported())));
    }

    private static Request preflight(String target, String method) {
        return Request.builder()
                .httpMethod("OPTIONS")
                .target(target)
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "x-custom")
                .build();
    }

    private static Request get(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("Origin", ORIGIN)
                .header("X-Custom", "v")
                .header("X-Pet-Color", "black")
                .build();
    }

    @Test
    void enableCors_scenarioApi_isTheConsoleStyleDocumentsApi() {
        assertThat(built()).isEqualTo(imported());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_preflight_answers200WithTheThreeHeadersAndAnEmptyObject(String name, Api api) {
        Response response = api.handle(preflight("/dev/pets", "GET"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasHeader("Access-Control-Allow-Origin", ORIGIN);
        assertThat(response).hasHeader("Access-Control-Allow-Methods", "GET,OPTIONS");
        assertThat(response).hasHeader("Access-Control-Allow-Headers", "Content-Type,X-Custom");
        assertThat(response).hasContentType("application/json");
        assertThat(response).hasBody("{}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_preflightOnAGreedyProxyResource_isAnsweredByTheMockNotTheFunction(
            String name, Api api) {
        Response response = api.handle(preflight("/dev/pets/7", "DELETE"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasHeader("Access-Control-Allow-Methods", EVERY_METHOD);
        assertThat(response).hasBody("{}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_getOnANonProxyMethod_carriesAllowOrigin(String name, Api api) {
        Response response = api.handle(get("/dev/pets"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasHeader("Access-Control-Allow-Origin", ORIGIN);
        assertThat(response).doesNotHaveHeader("Access-Control-Allow-Methods");
        assertThat(response).hasBody(PETS_BODY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_unknownPath_403GatewayResponseCarriesTheHeaders(String name, Api api) {
        Response response = api.handle(get("/dev/owners"));

        assertThat(response).hasStatus(403);
        assertThat(response).hasHeader("x-amzn-ErrorType", "MissingAuthenticationTokenException");
        assertThat(response).hasHeader("Access-Control-Allow-Origin", ORIGIN);
        assertThat(response).hasHeader("Access-Control-Allow-Methods", EVERY_METHOD);
        assertThat(response).hasHeader("Access-Control-Allow-Headers", "Content-Type,X-Custom");
        assertThat(response).hasBody("{\"message\":\"Missing Authentication Token\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_preflightOnAnUnknownPath_is403WithTheHeaders(String name, Api api) {
        Response response = api.handle(preflight("/dev/owners", "GET"));

        assertThat(response).hasStatus(403);
        assertThat(response).hasHeader("Access-Control-Allow-Origin", ORIGIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_failingFunction_5xxGatewayResponseCarriesAllowOrigin(String name, Api api) {
        Response response = api.handle(get("/dev/fail"));

        assertThat(response).hasStatus(502);
        assertThat(response).hasHeader("Access-Control-Allow-Origin", ORIGIN);
        assertThat(response).hasBody("{\"message\": \"Internal server error\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void handle_proxyIntegration_getsNoCorsHeaderAdded(String name, Api api) {
        Response response = api.handle(get("/dev/pets/7"));

        assertThat(response).hasStatus(201);
        assertThat(response).hasBody("pet 7 of nobody in dev");
        assertThat(response).doesNotHaveHeader("Access-Control-Allow-Origin");
    }

    @Test
    void handle_sameRequests_builtAndImportedAnswerAlike() {
        Api built = deploy(built());
        Api imported = deploy(imported());
        List<Request> requests =
                List.of(
                        preflight("/dev/pets", "GET"),
                        preflight("/dev/pets/1", "PUT"),
                        preflight("/dev/fail", "GET"),
                        get("/dev/pets"),
                        get("/dev/pets/3"),
                        get("/dev/fail"),
                        get("/dev/nowhere"));

        for (Request request : requests) {
            Response a = built.handle(request);
            Response b = imported.handle(request);
            assertThat(a.statusCode()).as(request.toString()).isEqualTo(b.statusCode());
            assertThat(a.bodyAsString()).as(request.toString()).isEqualTo(b.bodyAsString());
            for (String header :
                    List.of(
                            "Access-Control-Allow-Origin",
                            "Access-Control-Allow-Methods",
                            "Access-Control-Allow-Headers",
                            "Content-Type")) {
                assertThat(a.headers().values(header))
                        .as(request + " " + header)
                        .isEqualTo(b.headers().values(header));
            }
        }
    }
}
