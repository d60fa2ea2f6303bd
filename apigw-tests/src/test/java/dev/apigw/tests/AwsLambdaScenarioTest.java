package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.lambda.ThrowingHandler;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS (non-proxy) integrations with a Lambda function (reference 6.1) through {@link Api#handle}.
 */
class AwsLambdaScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The integration responses of the validated example of reference 6.1. */
    private static RestApi greetApi(String uri) {
        return RestApi.builder()
                .name("greet")
                .resource(
                        "/greet",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .methodResponse("405", mr -> {})
                                                        .methodResponse("502", mr -> {})
                                                        .methodResponse("504", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.AWS)
                                                                                .httpMethod("POST")
                                                                                .uri(uri)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"name\": \"$input.params('name')\", \"fail\": \"$input.params('fail')\"}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir -> {})
                                                                                .integrationResponse(
                                                                                        "405",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .selectionPattern(
                                                                                                                ".*four hundred.*"))
                                                                                .integrationResponse(
                                                                                        "502",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .selectionPattern(
                                                                                                                ".+"))
                                                                                .integrationResponse(
                                                                                        "504",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .selectionPattern(
                                                                                                                "200")))))
                .build();
    }

    private static Api api() {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(greetApi(LambdaProxyScenarioTest.uri("greeter")))
                .deploy("dev")
                .lambda("greeter", LambdaHandlers.requestHandler(new ThrowingHandler(), Map.class))
                .build();
    }

    @Test
    void handle_success_selectsDefaultWithFunctionPayload() throws IOException {
        Response response = api().handle(Request.of("GET", "/dev/greet?name=Zoe"));

        assertThat(response).hasStatus(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("greeting").asText()).isEqualTo("hello Zoe");
        assertThat(body.get("function").asText()).isEqualTo("greeter");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response).hasHeader("X-Amzn-Trace-Id");
    }

    @Test
    void handle_errorMessageMatchingPattern_selectsItsResponseWithErrorBody() throws IOException {
        Response response =
                api().handle(
                                Request.of(
                                        "GET",
                                        "/dev/greet?fail=Error:+Raising+four+hundred+from+within+the+Lambda+function"));

        assertThat(response).hasStatus(405);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("errorMessage").asText())
                .isEqualTo("Error: Raising four hundred from within the Lambda function");
        assertThat(body.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(body.get("stackTrace").isArray()).isTrue();
        assertThat(response).doesNotHaveHeader("X-Amz-Function-Error");
    }

    @Test
    void handle_otherErrorMessage_selectsCatchAllPattern() {
        Response response = api().handle(Request.of("GET", "/dev/greet?fail=out+of+cheese"));

        assertThat(response).hasStatus(502);
        assertThat(response).hasBodyContaining("out of cheese");
    }

    @Test
    void handle_requestTemplate_isThePayload() {
        List<String> payloads = new ArrayList<>();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(greetApi(LambdaProxyScenarioTest.uri("recorder")))
                        .deploy("dev")
                        .lambda(
                                "recorder",
                                (LambdaInvocation invocation) -> {
                                    payloads.add(
                                            new String(invocation.payload(), StandardCharsets.UTF_8)
                                                    + " "
                                                    + invocation.invocationType());
                                    return LambdaResult.of(
                                            "\"ok\"".getBytes(StandardCharsets.UTF_8));
                                })
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/greet?name=Ada"));

        assertThat(payloads).containsExactly("{\"name\": \"Ada\", \"fail\": \"\"} RequestResponse");
        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("\"ok\"");
    }

    @Test
    void handle_unboundFunction_returns500() throws IOException {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(greetApi(LambdaProxyScenarioTest.uri("ghost")))
                        .deploy("dev")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/greet"));

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(result).hasJsonPath("$.message", "Internal server error");
        assertThat(result.log().contains("function:ghost")).isTrue();
    }

    @Test
    void handle_awsServiceUriWithoutServiceBackend_returns500() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                greetApi(
                                        "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"))
                        .deploy("dev")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/greet"));

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(result.log().contains("no AwsServiceBackend is bound")).isTrue();
    }
}
