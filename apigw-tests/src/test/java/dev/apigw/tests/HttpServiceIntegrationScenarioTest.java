package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.testkit.RecordingAwsServiceBackend;
import dev.apigw.testkit.RecordingAwsServiceBackend.RecordedCall;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTTP API AWS service integrations by {@code integrationSubtype} (reference 4.2, 11.1) through
 * {@link Api#handle}: each of the ten subtypes calls the host's backend with its service, action
 * and parameters evaluated from the request (reference 5.5); the service's answer goes back to the
 * client; failures answer as reference 3.3 says.
 */
class HttpServiceIntegrationScenarioTest {
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

    private final RecordingAwsServiceBackend backend = RecordingAwsServiceBackend.create();

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Api api(IntegrationSubtype subtype, Map<String, String> parameters) {
        return api(HttpIntegration.builder("svc").awsService(subtype, parameters).build());
    }

    private Api api(HttpIntegration integration) {
        HttpApi httpApi =
                HttpApi.builder("services")
                        .integration(integration)
                        .route("POST /orders/{shop}", integration.integrationId())
                        .stage("$default", s -> {})
                        .stage("prod", s -> s.stageVariable("bus", "prod-bus"))
                        .build();
        return Api.builder()
                .httpApi(httpApi)
                .gateway(Gateway.builder().region("eu-west-1").build())
                .awsServiceBackend(backend)
                .build();
    }

    private static Request post(String target, String body) {
        return Request.builder()
                .httpMethod("POST")
                .target(target)
                .header("Content-Type", "application/json")
                .header("X-Trace", "t-1")
                .body(body)
                .build();
    }

    private RecordedCall onlyCall() {
        assertThat(backend.calls()).hasSize(1);
        return backend.lastCall();
    }

    @Test
    void sqsSendMessage_bodyAndHeaders_sendsSendMessageWithEvaluatedParameters() {
        backend.respondsWith(
                200,
                Headers.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-RequestId", "r"),
                "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"abc\"}");
        Api api =
                api(
                        IntegrationSubtype.SQS_SEND_MESSAGE,
                        params(
                                "QueueUrl", QUEUE,
                                "MessageBody", "$request.body",
                                "DelaySeconds", "5",
                                "MessageGroupId", "$request.path.shop",
                                "MessageDeduplicationId", "${request.header.X-Trace}-dedup",
                                "MessageAttributes",
                                        "{\"shop\":{\"DataType\":\"String\","
                                                + "\"StringValue\":\"s\"}}"));

        Response response = api.handle(post("/orders/lyon?x=1", "{\"item\":7}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString())
                .isEqualTo("{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"abc\"}");
        assertThat(response.headers().first("content-type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().first("x-amzn-RequestId")).isEmpty();
        RecordedCall call = onlyCall();
        assertThat(call.service()).isEqualTo("sqs");
        assertThat(call.action()).isEqualTo("SendMessage");
        assertThat(call.region()).isEqualTo("eu-west-1");
        assertThat(call.request().httpMethod()).isEqualTo("POST");
        assertThat(call.header("X-Amz-Target")).contains("AmazonSQS.SendMessage");
        assertThat(call.header("Content-Type")).contains("application/x-amz-json-1.0");
        JsonNode json = call.json();
        assertThat(json.get("QueueUrl").asText()).isEqualTo(QUEUE);
        assertThat(json.get("MessageBody").asText()).isEqualTo("{\"item\":7}");
        assertThat(json.get("DelaySeconds").isNumber()).isTrue();
        assertThat(json.get("DelaySeconds").asInt()).isEqualTo(5);
        assertThat(json.get("MessageGroupId").asText()).isEqualTo("lyon");
        assertThat(json.get("MessageDeduplicationId").asText()).isEqualTo("t-1-dedup");
        assertThat(json.get("MessageAttributes").get("shop").get("StringValue").asText())
                .isEqualTo("s");
    }

    @Test
    void sqsReceiveMessage_listsAndNumbers_areWrittenAsTheApiTypes() {
        Api api =
                api(
                        IntegrationSubtype.SQS_RECEIVE_MESSAGE,
                        params(
                                "QueueUrl", QUEUE,
                                "MaxNumberOfMessages", "$request.querystring.max",
                                "AttributeNames", "All",
                                "MessageAttributeNames", "[\"a\",\"b\"]",
                                "WaitTimeSeconds", "$request.querystring.wait"));

        api.handle(post("/orders/lyon?max=10", ""));

        RecordedCall call = onlyCall();
        assertThat(call.action()).isEqualTo("ReceiveMessage");
        assertThat(call.header("X-Amz-Target")).contains("AmazonSQS.ReceiveMessage");
        JsonNode json = call.json();
        assertThat(json.get("MaxNumberOfMessages").asInt()).isEqualTo(10);
        assertThat(json.get("AttributeNames").toString()).isEqualTo("[\"All\"]");
        assertThat(json.get("MessageAttributeNames").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(json.has("WaitTimeSeconds")).as("empty values are not sent").isFalse();
    }

    @Test
    void sqsDeleteMessage_receiptHandleFromBody_sendsDeleteMessage() {
        Api api =
                api(
                        IntegrationSubtype.SQS_DELETE_MESSAGE,
                        params("QueueUrl", QUEUE, "ReceiptHandle", "$request.body.handle"));

        api.handle(post("/orders/lyon", "{\"handle\":\"rh-1\"}"));

        RecordedCall call = onlyCall();
        assertThat(call.service()).isEqualTo("sqs");
        assertThat(call.action()).isEqualTo("DeleteMessage");
        assertThat(call.parameter("ReceiptHandle")).contains("rh-1");
        assertThat(call.parameter("QueueUrl")).contains(QUEUE);
    }

    @Test
    void sqsPurgeQueue_regionParameter_choosesTheRegionAndIsNotSent() {
        Api api =
                api(
                        IntegrationSubtype.SQS_PURGE_QUEUE,
                        params("QueueUrl", QUEUE, "Region", "$request.querystring.region"));

        api.handle(post("/orders/lyon?region=ap-south-1", ""));

        RecordedCall call = onlyCall();
        assertThat(call.action()).isEqualTo("PurgeQueue");
        assertThat(call.region()).isEqualTo("ap-south-1");
        assertThat(call.json().has("Region")).isFalse();
        assertThat(call.json().get("QueueUrl").asText()).isEqualTo(QUEUE);
    }

    @Test
    void eventBridgePutEvents_sendsOneEntryWithStageVariablesAndContext() {
        backend.respondsWith(
                200,
                Headers.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}");
        Api api =
                api(
                        IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS,
                        params(
                                "Detail", "$request.body.Detail",
                                "DetailType", "MyDetailType",
                                "Source", "WebApp",
                                "EventBusName", "$stageVariables.bus",
                                "Resources", "arn:a, arn:b",
                                "TraceHeader", "$context.requestId"));

        Response response =
                api.handle(post("/prod/orders/lyon", "{\"Detail\":{\"order\":\"o-1\"}}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).contains("\"EventId\":\"e-1\"");
        RecordedCall call = onlyCall();
        assertThat(call.service()).isEqualTo("events");
        assertThat(call.action()).isEqualTo("PutEvents");
        assertThat(call.header("X-Amz-Target")).contains("AWSEvents.PutEvents");
        assertThat(call.header("Content-Type")).contains("application/x-amz-json-1.1");
        JsonNode entries = call.json().get("Entries");
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("Detail").isTextual()).isTrue();
        assertThat(entry.get("Detail").asText()).contains("\"order\"").contains("o-1");
        assertThat(entry.get("DetailType").asText()).isEqualTo("MyDetailType");
        assertThat(entry.get("Source").asText()).isEqualTo("WebApp");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("prod-bus");
        assertThat(entry.get("Resources").toString()).isEqualTo("[\"arn:a\",\"arn:b\"]");
        assertThat(entry.get("TraceHeader").asText())
                .isEqualTo(response.headers().first("apigw-requestid").orElseThrow());
    }

    @Test
    void kinesisPutRecord_dataIsBase64OfTheValue() {
        Api api =
                api(
                        IntegrationSubtype.KINESIS_PUT_RECORD,
                        params(
                                "StreamName", "clicks",
                                "Data", "$request.body",
                                "PartitionKey", "$request.path.shop"));

        api.handle(post("/orders/lyon", "héllo"));

        RecordedCall call = onlyCall();
        assertThat(call.service()).isEqualTo("kinesis");
        assertThat(call.action()).isEqualTo("PutRecord");
        assertThat(call.header("X-Amz-Target")).contains("Kinesis_20131202.PutRecord");
        JsonNode json = call.json();
        assertThat(json.get("StreamName").asText()).isEqualTo("clicks");
        assertThat(json.get("PartitionKey").asText()).isEqualTo("lyon");
        assertThat(Base64.getDecoder().decode(json.get("Data").asText()))
                .isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stepFunctionsStartExecution_sendsInputAsText() {
        Api api =
                api(
                        IntegrationSubtype.STEPFUNCTIONS_START_EXECUTION,
                        params(
                                "StateMachineArn", MACHINE,
                                "Input", "$request.body",
                                "Name", "run-${request.path.shop}"));

        api.handle(post("/orders/lyon", "{\"a\":1}"));

        RecordedCall call = onlyCall();
        assertThat(call.service()).isEqualTo("states");
        assertThat(call.action()).isEqualTo("StartExecution");
        assertThat(call.header("X-Amz-Target")).contains("AWSStepFunctions.StartExecution");
        assertThat(call.header("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(call.parameter("StateMachineArn")).contains(MACHINE);
        assertThat(call.parameter("Input")).contains("{\"a\":1}");
        assertThat(call.parameter("Name")).contains("run-lyon");
    }

    @Test
    void stepFunctionsStartSyncExecution_answersTheExecutionResult() {
        backend.respondsWith(
                200,
                Headers.of("Content-Type", "application/x-amz-json-1.0"),
                "{\"status\":\"SUCCEEDED\",\"output\":\"{\\\"ok\\\":true}\"}");
        Api api =
                api(
                        IntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION,
                        params("StateMachineArn", MACHINE, "Input", "$request.body"));

        Response response = api.handle(post("/orders/lyon", "{}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).contains("SUCCEEDED");
        assertThat(onlyCall().action()).isEqualTo("StartSyncExecution");
        assertThat(onlyCall().header("X-Amz-Target"))
                .contains("AWSStepFunctions.StartSyncExecution");
    }

    @Test
    void stepFunctionsStopExecution_sendsExecutionArnFromTheQueryString() {
        Api api =
                api(
                        IntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION,
                        params(
                                "ExecutionArn", "$request.querystring.executionArn",
                                "Cause", "stopped by ${request.header.X-Trace}"));

        api.handle(post("/orders/lyon?executionArn=arn:aws:states:x:execution:m:e", ""));

        RecordedCall call = onlyCall();
        assertThat(call.action()).isEqualTo("StopExecution");
        assertThat(call.parameter("ExecutionArn")).contains("arn:aws:states:x:execution:m:e");
        assertThat(call.parameter("Cause")).contains("stopped by t-1");
        assertThat(call.json().has("Error")).isFalse();
    }

    @Test
    void appConfigGetConfiguration_sendsTheRestCall() {
        backend.respondsWith(200, Headers.of("Content-Type", "text/plain"), "feature=on");
        Api api =
                api(
                        IntegrationSubtype.APPCONFIG_GET_CONFIGURATION,
                        params(
                                "Application", "shop",
                                "Environment", "$stageVariables.bus",
                                "Configuration", "flags v2",
                                "ClientId", "$request.header.X-Trace",
                                "ClientConfigurationVersion", "3"));

        Response response = api.handle(post("/prod/orders/lyon", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("feature=on");
        assertThat(response.headers().first("content-type")).contains("text/plain");
        RecordedCall call = onlyCall();
        assertThat(call.service()).isEqualTo("appconfig");
        assertThat(call.action()).isEqualTo("GetConfiguration");
        assertThat(call.request().httpMethod()).isEqualTo("GET");
        assertThat(call.request().path())
                .isEqualTo("applications/shop/environments/prod-bus/configurations/flags%20v2");
        assertThat(call.parameter("client_id")).contains("t-1");
        assertThat(call.parameter("client_configuration_version")).contains("3");
        assertThat(call.body()).isEmpty();
    }

    @Test
    void invoke_serviceAnswersAnError_clientGetsItsStatusAndBody() {
        backend.respondsWith(
                400,
                Headers.of("Content-Type", "application/x-amz-json-1.0"),
                "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"}");
        Api api = api(IntegrationSubtype.SQS_PURGE_QUEUE, params("QueueUrl", QUEUE));

        Response response = api.handle(post("/orders/lyon", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsString()).contains("QueueDoesNotExist");
    }

    @Test
    void invoke_credentialsAndTimeout_areOnTheCall() {
        Api api =
                api(
                        HttpIntegration.builder("svc")
                                .awsService(
                                        IntegrationSubtype.SQS_PURGE_QUEUE,
                                        params("QueueUrl", QUEUE))
                                .credentialsArn("arn:aws:iam::123456789012:role/api")
                                .timeoutInMillis(1200)
                                .build());

        api.handle(post("/orders/lyon", ""));

        assertThat(onlyCall().request().credentials())
                .isEqualTo("arn:aws:iam::123456789012:role/api");
        assertThat(onlyCall().timeoutMillis()).isEqualTo(1200);
    }

    @Test
    void invoke_noBackendBound_answers500() {
        HttpIntegration integration =
                HttpIntegration.builder("svc")
                        .awsService(IntegrationSubtype.SQS_PURGE_QUEUE, params("QueueUrl", QUEUE))
                        .build();
        Api api =
                Api.builder()
                        .httpApi(
                                HttpApi.builder("services")
                                        .integration(integration)
                                        .route("POST /orders/{shop}", "svc")
                                        .stage("$default", s -> {})
                                        .build())
                        .build();

        Response response = api.handle(post("/orders/lyon", ""));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void invoke_backendTimesOut_answers503() {
        backend.timesOut();
        Api api = api(IntegrationSubtype.SQS_PURGE_QUEUE, params("QueueUrl", QUEUE));

        Response response = api.handle(post("/orders/lyon", ""));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    }

    @Test
    void invoke_backendNetworkError_answers500() {
        backend.failsWithNetworkError();
        Api api = api(IntegrationSubtype.SQS_PURGE_QUEUE, params("QueueUrl", QUEUE));

        Response response = api.handle(post("/orders/lyon", ""));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void invoke_backendThrowsOrAnswersNothingUsable_answers500() {
        backend.answers(
                        c -> {
                            throw new IllegalStateException("boom");
                        })
                .answers(c -> null)
                .answers(c -> new BackendResponse(700, Headers.empty(), new byte[0]));
        Api api = api(IntegrationSubtype.SQS_PURGE_QUEUE, params("QueueUrl", QUEUE));

        for (int i = 0; i < 3; i++) {
            Response response = api.handle(post("/orders/lyon", ""));

            assertThat(response.statusCode()).as("answer %d", i).isEqualTo(500);
            assertThat(response.bodyAsString())
                    .isEqualTo("{\"message\":\"Internal Server Error\"}");
        }
    }

    @Test
    void build_parameterValueThatDoesNotParse_failsNamingIntegrationAndParameter() {
        HttpIntegration integration =
                HttpIntegration.builder("svc")
                        .awsService(
                                IntegrationSubtype.SQS_SEND_MESSAGE,
                                params("QueueUrl", QUEUE, "MessageBody", "${request.body"))
                        .build();

        assertThatThrownBy(() -> api(integration))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integration svc")
                .hasMessageContaining("MessageBody");
    }
}
