package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.apigw.model.ApiKey;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Lambda proxy event we send (reference 2.1) has the shape of AWS's sample REST event ({@code
 * shared/corpus/events/aws-lambda-go/apigw-request.json}): the same field paths with the same JSON
 * types. Keys of free-form maps (headers, query, path parameters, stage variables) are compared as
 * {@code *}. The corpus lives beside the repository: without it the test is skipped.
 */
class LambdaEventShapeTest {
    private static final Path SAMPLE =
            Path.of("../../shared/corpus/events/aws-lambda-go/apigw-request.json");
    private static final Set<String> MAPS =
            Set.of(
                    "headers",
                    "multiValueHeaders",
                    "queryStringParameters",
                    "multiValueQueryStringParameters",
                    "pathParameters",
                    "stageVariables");

    /** Only a Lambda or Cognito authorizer adds it; this request has none. */
    private static final String AUTHORIZER = "requestContext.authorizer";

    /**
     * Fields our events have and the sample lacks, each seen in real AWS events (reference 2.1
     * [V]): {@code isBase64Encoded} in every REST event, {@code deploymentId} and {@code
     * identity.principalOrgId} in the recorded requestContext.
     */
    private static final Set<String> EXTRA =
            Set.of(
                    "isBase64Encoded",
                    "requestContext.deploymentId",
                    "requestContext.identity.principalOrgId");

    /**
     * Identity fields only IAM or Cognito authorization fills: AWS sends them as {@code null}
     * otherwise (reference 2.1), where the sample shows made-up strings.
     */
    private static final Set<String> NULL_WITHOUT_IAM =
            Set.of(
                    "cognitoIdentityPoolId",
                    "accountId",
                    "cognitoIdentityId",
                    "caller",
                    "accessKey",
                    "cognitoAuthenticationType",
                    "cognitoAuthenticationProvider",
                    "userArn",
                    "user");

    @Test
    void handle_fullRequest_eventHasSampleShape() throws IOException {
        assumeTrue(
                Files.isRegularFile(SAMPLE),
                "../shared/corpus not found: corpus tests skipped (CI has it)");
        Map<String, JsonNodeType> expected =
                EventShapes.shape(new ObjectMapper().readTree(SAMPLE.toFile()), MAPS);
        Map<String, JsonNodeType> actual =
                EventShapes.shape(new ObjectMapper().readTree(captureEvent()), MAPS);

        expected.keySet().removeIf(path -> path.startsWith(AUTHORIZER));
        actual.keySet().removeAll(EXTRA);
        NULL_WITHOUT_IAM.forEach(
                name -> {
                    String path = "requestContext.identity." + name;
                    assertThat(actual.get(path)).as(path).isEqualTo(JsonNodeType.NULL);
                    actual.put(path, expected.get(path));
                });

        assertThat(actual).isEqualTo(expected);
    }

    private static byte[] captureEvent() {
        AtomicReference<byte[]> event = new AtomicReference<>();
        ApiKey key =
                ApiKey.builder()
                        .id("k9x8w7")
                        .name("shape")
                        .value("shape-key-0123456789abcdef")
                        .build();
        RestApi api =
                RestApi.builder()
                        .id("gy415nuibc")
                        .name("shape")
                        .resource(
                                "/{proxy+}",
                                r ->
                                        r.method(
                                                "ANY",
                                                m ->
                                                        m.apiKeyRequired(true)
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS_PROXY)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                LambdaProxyScenarioTest
                                                                                                        .uri(
                                                                                                                "capture")))))
                        .build();
        Api served =
                Api.builder()
                        .restApi(api)
                        .deploy(
                                "testStage",
                                s -> s.putVariable("stageVariableName", "stageVariableValue"))
                        .apiKey(key)
                        .usagePlan(
                                UsagePlan.builder()
                                        .name("plan")
                                        .addApiStage("gy415nuibc", "testStage")
                                        .addApiKey(key)
                                        .build())
                        .lambda(
                                "capture",
                                invocation -> {
                                    event.set(invocation.payload());
                                    return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
                                })
                        .build();
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/testStage/hello/world?name=me")
                        .header("Accept", "*/*")
                        .header("Content-Type", "application/json")
                        .header("Host", "gy415nuibc.execute-api.us-east-1.amazonaws.com")
                        .header("User-Agent", "PostmanRuntime/2.4.5")
                        .header("x-api-key", key.value())
                        .body("{\r\n\t\"a\": 1\r\n}")
                        .sourceIp("192.168.196.186")
                        .clientCertificate(
                                new Request.ClientCertificate(
                                        "CERT_CONTENT",
                                        "www.example.com",
                                        "Example issuer",
                                        "a1:a1:a1:a1",
                                        "May 28 12:30:02 2019 GMT",
                                        "Aug  5 09:36:04 2021 GMT"))
                        .build();

        Response response = served.handle(request);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return event.get();
    }
}
