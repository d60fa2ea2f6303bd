package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.HttpBackendException;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * AWS service integrations (reference 4.2, 5.2, 6.1) through {@link Api#handle}, with a fake {@code
 * AwsServiceBackend} that records what it receives.
 */
class AwsServiceScenarioTest {
    private final RecordingAwsServiceBackend sqs = new RecordingAwsServiceBackend();

    private static RestApi queueApi(String uri, Consumer<Integration.Builder> more) {
        return RestApi.builder()
                .name("queue")
                .resource(
                        "/orders/{shop}",
                        r ->
                                r.method(
                                        "POST",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .methodResponse("400", mr -> {})
                                                        .integration(
                                                                i -> {
                                                                    i.type(IntegrationType.AWS)
                                                                            .httpMethod("POST")
                                                                            .uri(uri)
                                                                            .integrationResponse(
                                                                                    "200", ir -> {})
                                                                            .integrationResponse(
                                                                                    "400",
                                                                                    ir ->
                                                                                            ir.selectionPattern(
                                                                                                            "4\\d{2}")
                                                                                                    .putResponseTemplate(
                                                                                                            "application/json",
                                                                                                            "{\"rejected\": $input.body}"));
                                                                    more.accept(i);
                                                                })))
                .build();
    }

    private static Consumer<Integration.Builder> sendMessage() {
        return i ->
                i.credentials("arn:aws:iam::123456789012:role/apigw-sqs")
                        .putRequestParameter(
                                "integration.request.header.Content-Type",
                                "'application/x-www-form-urlencoded'")
                        .putRequestTemplate(
                                "application/json", "Action=SendMessage&MessageBody=$input.body");
    }

    @Test
    void handle_sqsSendMessage_backendReceivesMappedRequest() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-west-2:sqs:path/123456789012/orders",
                                        sendMessage()))
                        .deploy("prod")
                        .awsServiceBackend(sqs)
                        .build();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/prod/orders/berlin")
                                .header("Content-Type", "application/json")
                                .header("X-Not-Mapped", "secret")
                                .body("{\"item\":\"tea\"}")
                                .build());

        assertThat(response).hasStatus(200);
        assertThat(response).hasBodyContaining("\"MessageId\":\"m-1\"");
        assertThat(response).hasHeader("x-amzn-RequestId");
        assertThat(sqs.requests()).hasSize(1);
        AwsServiceRequest sent = sqs.requests().get(0);
        assertThat(sent.region()).isEqualTo("us-west-2");
        assertThat(sent.service()).isEqualTo("sqs");
        assertThat(sent.subdomain()).isEmpty();
        assertThat(sent.path()).isEqualTo("123456789012/orders");
        assertThat(sent.action()).isEmpty();
        assertThat(sent.httpMethod()).isEqualTo("POST");
        assertThat(sent.headers())
                .isEqualTo(Headers.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(new String(sent.body(), StandardCharsets.UTF_8))
                .isEqualTo("Action=SendMessage&MessageBody={\"item\":\"tea\"}");
        assertThat(sent.credentials()).isEqualTo("arn:aws:iam::123456789012:role/apigw-sqs");
        assertThat(sent.queryParameters()).isEmpty();
        assertThat(sent.timeout().toMillis()).isEqualTo(29_000);
    }

    @Test
    void handle_actionUriWithQueryMappingsAndStageVariables_backendReceivesThem() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:${stageVariables.region}:sns:action/Publish",
                                        i ->
                                                i.putRequestParameter(
                                                                "integration.request.querystring.TopicArn",
                                                                "stageVariables.topic")
                                                        .putRequestParameter(
                                                                "integration.request.querystring.Message",
                                                                "method.request.multivaluequerystring.msg")
                                                        .putRequestParameter(
                                                                "integration.request.header.X-Shop",
                                                                "method.request.path.shop")))
                        .deploy(
                                "prod",
                                s ->
                                        s.putVariable("region", "eu-central-1")
                                                .putVariable(
                                                        "topic",
                                                        "arn:aws:sns:eu-central-1:123456789012:news"))
                        .awsServiceBackend(sqs)
                        .build();

        Response response = api.handle(Request.of("POST", "/prod/orders/oslo?msg=hi&msg=there"));

        assertThat(response).hasStatus(200);
        AwsServiceRequest sent = sqs.requests().get(0);
        assertThat(sent.region()).isEqualTo("eu-central-1");
        assertThat(sent.service()).isEqualTo("sns");
        assertThat(sent.action()).isEqualTo("Publish");
        assertThat(sent.path()).isEmpty();
        assertThat(sent.queryParameters())
                .containsExactly(
                        Map.entry(
                                "TopicArn", List.of("arn:aws:sns:eu-central-1:123456789012:news")),
                        Map.entry("Message", List.of("hi", "there")));
        assertThat(sent.headers().first("X-Shop")).contains("oslo");
    }

    @Test
    void handle_pathPlaceholdersAndSubdomain_areResolved() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-east-1:media.s3:path/{bucket}/{key}",
                                        i ->
                                                i.httpMethod("PUT")
                                                        .putRequestParameter(
                                                                "integration.request.path.bucket",
                                                                "'uploads'")
                                                        .putRequestParameter(
                                                                "integration.request.path.key",
                                                                "method.request.path.shop")))
                        .deploy("prod")
                        .awsServiceBackend(sqs)
                        .build();

        api.handle(Request.of("POST", "/prod/orders/lisbon%20old"));

        AwsServiceRequest sent = sqs.requests().get(0);
        assertThat(sent.service()).isEqualTo("s3");
        assertThat(sent.subdomain()).isEqualTo("media");
        assertThat(sent.path()).isEqualTo("uploads/lisbon%20old");
        assertThat(sent.httpMethod()).isEqualTo("PUT");
    }

    @Test
    void handle_service4xx_selectsByStatusCode() {
        sqs.answer(
                403,
                Headers.of("X-Amz-Function-Error", "Unhandled"),
                "{\"code\":\"AccessDenied\"}");
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-west-2:sqs:path/123456789012/orders",
                                        sendMessage()))
                        .deploy("prod")
                        .awsServiceBackend(sqs)
                        .build();

        Response response = api.handle(Request.of("POST", "/prod/orders/rome"));

        assertThat(response).hasStatus(400);
        assertThat(response).hasBody("{\"rejected\": {\"code\":\"AccessDenied\"}}");
    }

    @Test
    void handle_noServiceBackend_returns500WithTraceLine() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-west-2:sqs:path/123456789012/orders",
                                        sendMessage()))
                        .deploy("prod")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("POST", "/prod/orders/rome"));

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(result).hasBody("{\"message\": \"Internal server error\"}");
        assertThat(result.log().contains("no AwsServiceBackend is bound for the sqs integration"))
                .isTrue();
    }

    @Test
    void handle_undefinedStageVariableInUri_returns500() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-west-2:sqs:path/${stageVariables.queue}",
                                        sendMessage()))
                        .deploy("prod")
                        .awsServiceBackend(sqs)
                        .build();

        Response response = api.handle(Request.of("POST", "/prod/orders/rome"));

        assertThat(response).hasStatus(500);
        assertThat(sqs.requests()).isEmpty();
    }

    @Test
    void handle_serviceTimeout_returns504() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-west-2:sqs:path/123456789012/orders",
                                        sendMessage()))
                        .deploy("prod")
                        .awsServiceBackend(
                                request -> {
                                    throw new HttpBackendException(
                                            HttpBackendException.Failure.TIMEOUT, "slow", null);
                                })
                        .build();

        Response response = api.handle(Request.of("POST", "/prod/orders/rome"));

        assertThat(response).isGatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT);
        assertThat(response).hasBodyContaining("Endpoint request timed out");
    }

    @Test
    void handle_serviceThrows_returnsIntegrationFailure() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                queueApi(
                                        "arn:aws:apigateway:us-west-2:sqs:path/123456789012/orders",
                                        sendMessage()))
                        .deploy("prod")
                        .awsServiceBackend(
                                request -> {
                                    throw new IllegalStateException("credentials expired");
                                })
                        .build();

        Response response = api.handle(Request.of("POST", "/prod/orders/rome"));

        assertThat(response).isGatewayResponse(GatewayResponseType.INTEGRATION_FAILURE);
        assertThat(response).hasBodyContaining("Network error communicating with endpoint");
    }
}
