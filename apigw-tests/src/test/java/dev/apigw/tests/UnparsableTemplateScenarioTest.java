package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import org.junit.jupiter.api.Test;

/**
 * A mapping template that does not parse (issue 9 part 5): AWS accepts the definition and fails
 * only that method's requests with 500 and an execution-log line (reference 1.1); the build gives a
 * warning naming the place.
 */
class UnparsableTemplateScenarioTest {
    private static Api api(String requestTemplate, String responseTemplate) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        RestApi.builder()
                                .name("bad-vtl")
                                .id("bd42vtl001")
                                .resource(
                                        "/pets",
                                        r ->
                                                r.method(
                                                        "GET",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        requestTemplate)
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                responseTemplate)))))
                                .resource(
                                        "/health",
                                        r ->
                                                r.method(
                                                        "GET",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                "ok")))))
                                .build())
                .deploy("dev")
                .build();
    }

    @Test
    void build_requestTemplateThatDoesNotParse_warnsNamingThePlace() {
        Api api = api("#if($x) unclosed", "fine");

        assertThat(api.warnings())
                .singleElement()
                .asString()
                .startsWith(
                        "/pets GET integration request template application/json: "
                                + "does not parse: ");
    }

    @Test
    void build_responseTemplateThatDoesNotParse_warnsNamingTheStatus() {
        Api api = api("{\"statusCode\": 200}", "#foreach(");

        assertThat(api.warnings())
                .singleElement()
                .asString()
                .startsWith(
                        "/pets GET integration response 200 template application/json: "
                                + "does not parse: ");
    }

    @Test
    void build_templatesThatParse_warnNothing() {
        assertThat(api("{\"statusCode\": 200}", "fine").warnings()).isEmpty();
    }

    @Test
    void handle_methodWithUnparsableRequestTemplate_answers500AndOtherMethodsServe() {
        Api api = api("#if($x) unclosed", "fine");

        TestInvokeResult failing = api.testInvoke(Request.of("GET", "/dev/pets"));
        Response other = api.handle(Request.of("GET", "/dev/health"));

        assertThat(failing).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(failing).hasBody("{\"message\": \"Internal server error\"}");
        assertThat(failing.log().contains("Unable to transform request")).isTrue();
        assertThat(failing.log().contains("does not parse")).isTrue();
        assertThat(other).hasStatus(200);
        assertThat(other).hasBody("ok");
    }

    @Test
    void handle_methodWithUnparsableResponseTemplate_answers500() {
        Api api = api("{\"statusCode\": 200}", "#set($a = ) #end");

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/pets"));

        assertThat(result).hasStatus(500);
        assertThat(result.log().contains("Unable to transform response")).isTrue();
    }
}
