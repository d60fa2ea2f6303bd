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

/** MOCK integrations through {@link Api#handle} (reference sections 6.1 and 7.1). */
class MockScenarioTest {
    private static RestApi petsApi() {
        return RestApi.builder()
                .name("pets")
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .methodResponse("500", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{#if($input.params('fail') == 'yes')\"statusCode\": 500"
                                                                                                + "#else\"statusCode\": 200#end}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .putResponseTemplate(
                                                                                                                "application/json",
                                                                                                                "{\"pets\": [\"$input.params('kind')\"]}"))
                                                                                .integrationResponse(
                                                                                        "500",
                                                                                        ir ->
                                                                                                ir.selectionPattern(
                                                                                                                "5\\d{2}")
                                                                                                        .putResponseParameter(
                                                                                                                "method.response.header.X-Why",
                                                                                                                "'mocked failure'")))))
                .build();
    }

    @Test
    void handle_mockWithTemplate_selectsDefaultResponse() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi())
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/pets?kind=cat"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("{\"pets\": [\"cat\"]}");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response).hasHeader("x-amzn-RequestId");
        assertThat(response).doesNotHaveHeader("X-Amzn-Trace-Id");
    }

    @Test
    void handle_mockStatusFromTemplate_selectsPatternResponse() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi())
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/pets?fail=yes"));

        assertThat(response).hasStatus(500);
        assertThat(response.headers().first("X-Why")).contains("mocked failure");
        assertThat(response).hasEmptyBody();
    }

    @Test
    void handle_unknownPath_returnsMissingAuthenticationToken() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi())
                        .deploy("dev")
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/cats"));

        assertThat(response)
                .isGatewayResponse(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
                .hasBody("{\"message\":\"Missing Authentication Token\"}");
    }
}
