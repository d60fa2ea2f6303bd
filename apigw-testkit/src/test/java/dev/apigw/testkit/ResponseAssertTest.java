package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assertions through the public API, on responses of a real {@link Api}. */
class ResponseAssertTest {
    private final Api api =
            Api.builder()
                    .restApi(
                            RestApi.builder()
                                    .name("orders")
                                    .resource(
                                            "/orders",
                                            r ->
                                                    r.method(
                                                            "GET",
                                                            m ->
                                                                    m.methodResponse(
                                                                                    "200", mr -> {})
                                                                            .integration(
                                                                                    i ->
                                                                                            i.type(
                                                                                                            IntegrationType
                                                                                                                    .MOCK)
                                                                                                    .putRequestTemplate(
                                                                                                            "application/json",
                                                                                                            "{\"statusCode\":200}")
                                                                                                    .integrationResponse(
                                                                                                            "200",
                                                                                                            ir ->
                                                                                                                    ir.putResponseParameter(
                                                                                                                                    "method.response.header.X-Count",
                                                                                                                                    "'3'")
                                                                                                                            .putResponseTemplate(
                                                                                                                                    "application/json",
                                                                                                                                    "{\"orders\": [1, 2, 3]}")))))
                                    .build())
                    .deploy("test")
                    .build();

    @Test
    void assertions_onMatchingResponse_pass() {
        Response response = api.handle(Request.of("GET", "/test/orders"));

        assertThat(response)
                .hasStatus(200)
                .hasHeader("x-count", "3")
                .hasHeader("X-Amzn-RequestId")
                .doesNotHaveHeader("X-Amzn-Trace-Id")
                .hasBody("{\"orders\": [1, 2, 3]}")
                .hasJsonBody("{\"orders\":[1,2,3]}");
    }

    @Test
    void isGatewayResponse_unknownPath_passesForMissingAuthenticationToken() {
        Response response = api.handle(Request.of("GET", "/test/nothing"));

        assertThat(response).isGatewayResponse(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
    }

    @Test
    void hasErrorType_unknownPath_passesForItsErrorType() {
        Response response = api.handle(Request.of("GET", "/test/nothing"));

        assertThat(response).hasStatus(403).hasErrorType("MissingAuthenticationTokenException");
    }

    @Test
    void hasErrorType_otherOrNoErrorType_failsNamingBoth() {
        Response missing = api.handle(Request.of("GET", "/test/nothing"));
        Response ok = api.handle(Request.of("GET", "/test/orders"));

        assertThatThrownBy(() -> assertThat(missing).hasErrorType("ForbiddenException"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting x-amzn-ErrorType")
                .hasMessageContaining("ForbiddenException")
                .hasMessageContaining("MissingAuthenticationTokenException");
        assertThatThrownBy(() -> assertThat(ok).hasErrorType("ForbiddenException"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but was:%n  null".formatted());
    }

    @Test
    void assertions_onOtherResponse_failWithExpectingMessage() {
        Response response = api.handle(Request.of("GET", "/test/orders"));

        assertThatThrownBy(() -> assertThat(response).hasStatus(404))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting status");
        assertThatThrownBy(() -> assertThat(response).hasJsonBody("{\"orders\":[]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting JSON body");
        assertThatThrownBy(
                        () ->
                                assertThat(response)
                                        .isGatewayResponse(GatewayResponseType.INVALID_API_KEY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("INVALID_API_KEY");
        assertThatThrownBy(() -> assertThat(response).hasHeader("x-count", "4"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("x-count");
    }

    private final Api json =
            Api.builder()
                    .restApi(
                            RestApi.builder()
                                    .name("json")
                                    .resource(
                                            "/pets",
                                            r ->
                                                    r.method(
                                                            "GET",
                                                            m ->
                                                                    m.methodResponse(
                                                                                    "200", mr -> {})
                                                                            .integration(
                                                                                    i ->
                                                                                            i.type(
                                                                                                            IntegrationType
                                                                                                                    .MOCK)
                                                                                                    .putRequestTemplate(
                                                                                                            "application/json",
                                                                                                            "{\"statusCode\":200}")
                                                                                                    .integrationResponse(
                                                                                                            "200",
                                                                                                            ir ->
                                                                                                                    ir
                                                                                                                            .putResponseTemplate(
                                                                                                                                    "application/json",
                                                                                                                                    "{\"pets\": [{\"id\": 1,"
                                                                                                                                            + " \"name\": \"Rex\", \"tag\": null},"
                                                                                                                                            + " {\"id\": 2.0, \"name\": \"Tom\"}],"
                                                                                                                                            + " \"total\": 2}")))))
                                    .build())
                    .deploy("test")
                    .build();

    @Test
    void hasJsonPath_matchingValues_pass() {
        Response response = json.handle(Request.of("GET", "/test/pets"));

        assertThat(response)
                .hasContentType("application/json")
                .hasBodyContaining("Rex")
                .hasJsonPath("$.total", 2)
                .hasJsonPath("$.total", 2.0)
                .hasJsonPath("$.pets[0].name", "Rex")
                .hasJsonPath("$.pets[1].id", 2L)
                .hasJsonPath("$.pets[0].tag", null)
                .hasJsonPath("$.pets[*].name", List.of("Rex", "Tom"))
                .hasJsonPath(
                        "$.pets[0]", Map.of("id", 1, "name", "Rex", "tag", NullNode.getInstance()))
                .hasJsonPath("$.pets[0].tag")
                .doesNotHaveJsonPath("$.pets[0].owner");
    }

    @Test
    void hasJsonPath_otherValueOrMissing_failsNamingThePath() {
        Response response = json.handle(Request.of("GET", "/test/pets"));

        assertThatThrownBy(() -> assertThat(response).hasJsonPath("$.pets[0].name", "Tom"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting JSON path $.pets[0].name to be:")
                .hasMessageContaining("\"Rex\"");
        assertThatThrownBy(() -> assertThat(response).hasJsonPath("$.owner", "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expecting JSON path $.owner%nbut it was missing".formatted());
        assertThatThrownBy(() -> assertThat(response).doesNotHaveJsonPath("$.total"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting no JSON path");
        assertThatThrownBy(() -> assertThat(response).hasJsonPath("$[", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSONPath");
    }

    @Test
    void hasJsonPath_bodyNotJson_failsShowingTheBody() {
        Response response = api.handle(Request.of("GET", "/test/nothing"));
        Response text = Response.builder().statusCode(200).body("plain").build();

        assertThatThrownBy(() -> assertThat(text).hasJsonPath("$.a", 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but the body is not JSON:")
                .hasMessageContaining("plain");
        assertThatThrownBy(() -> assertThat(response).hasContentType("text/html"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting Content-Type");
        assertThatThrownBy(() -> assertThat(response).hasEmptyBody())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting an empty body");
        assertThatThrownBy(() -> assertThat(text).hasBodyContaining("xyz"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to contain");
    }

    @Test
    void assertThat_testInvokeResult_failureEndsWithTheConsolesTestResult() {
        TestInvokeResult result = api.testInvoke(Request.of("GET", "/test/orders"));

        assertThat(result).hasStatus(200).hasLogLineContaining("Method completed with status: 200");
        assertThatThrownBy(() -> assertThat(result).hasHeader("X-Missing"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting header X-Missing")
                .hasMessageContaining("--- Test result, as the console shows it ---")
                .hasMessageContaining("Request: /test/orders")
                .hasMessageContaining("Response Body\n{\"orders\": [1, 2, 3]}")
                .hasMessageContaining(" : Method completed with status: 200");
        assertThatThrownBy(() -> assertThat(result).hasLogLineContaining("Lambda"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting an execution log line containing:");
    }

    @Test
    void hasLogLineContaining_plainResponse_failsSayingToUseTestInvoke() {
        Response response = api.handle(Request.of("GET", "/test/orders"));

        assertThatThrownBy(() -> assertThat(response).hasLogLineContaining("Stage"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("assert on api.testInvoke(request)");
        assertThat(Response.builder().statusCode(204).build()).hasEmptyBody();
    }
}
