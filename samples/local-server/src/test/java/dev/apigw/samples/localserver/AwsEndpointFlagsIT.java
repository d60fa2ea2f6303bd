package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --aws-endpoint} through the shaded jar (reference 4.2, 11.1, 3.3), a real recording HTTP
 * server standing for the AWS endpoint: each of the ten HTTP API files of the shared corpus (those
 * {@link ApiTypeCorpusTest} lists) served with {@code --spec FILE --aws-endpoint URL}, one request
 * to its service route, the client getting the service's status, body and {@code Content-Type}, and
 * the endpoint getting the service call in the service's JSON protocol, SigV4-signed with {@code
 * test} for {@code us-east-1} and the service; the AppSync file, an HTTP proxy with no service
 * integration, serving its route. And a REST API's {@code action/} URI sent in the query protocol,
 * and the startup warning without the flag. Without the corpus (a user's fresh clone) the corpus
 * cases are skipped.
 */
class AwsEndpointFlagsIT {
    private static final Path CORPUS =
            Path.of("../../../shared/corpus/openapi/serverless-patterns");
    private static final String QUEUE = "http://sqs.us-east-1.localhost/000000000000/orders";
    private static final String STATE_MACHINE =
            "arn:aws:states:us-east-1:123456789012:stateMachine:ProcessForm";
    private static final String EVENTS_ANSWER =
            "{\"Entries\":[{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}],"
                    + "\"FailedEntryCount\":0}";
    private static final String SFN_ANSWER =
            "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:express:ProcessForm:1\","
                    + "\"status\":\"SUCCEEDED\",\"output\":\"{}\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<AutoCloseable> opened = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /**
     * One corpus file: the flags it needs, the request to its service route, what the endpoint
     * answers, and what the call must carry.
     */
    record Case(
            String file,
            List<String> flags,
            String path,
            String body,
            String service,
            String target,
            String contentType,
            String answer,
            Consumer<JsonNode> call) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static Consumer<JsonNode> sqsMessage(String messageBody, String groupId) {
        return call -> {
            assertThat(call.get("QueueUrl").asText()).isEqualTo(QUEUE);
            assertThat(call.get("MessageBody").asText()).isEqualTo(messageBody);
            if (groupId != null) {
                assertThat(call.get("MessageGroupId").asText()).isEqualTo(groupId);
            }
        };
    }

    private static Case sqs(String file, String queueName, String path, boolean perService) {
        return new Case(
                file,
                List.of("--var", queueName + "=" + QUEUE),
                path,
                "{\"order\":42}",
                perService ? "sqs=" : "",
                "AmazonSQS.SendMessage",
                RecordingAwsEndpoint.JSON_1_0,
                RecordingAwsEndpoint.SQS_ANSWER,
                sqsMessage("{\"order\":42}", null));
    }

    private static Case events(String file) {
        return new Case(
                file,
                List.of(),
                "/",
                "{\"Detail\":{\"colour\":\"teal\"}}",
                "",
                "AWSEvents.PutEvents",
                "application/x-amz-json-1.1",
                EVENTS_ANSWER,
                call -> {
                    JsonNode entry = call.get("Entries").get(0);
                    assertThat(call.get("Entries")).hasSize(1);
                    assertThat(entry.get("Source").asText()).isEqualTo("WebApp");
                    assertThat(entry.get("DetailType").asText()).isEqualTo("MyDetailType");
                    assertThat(entry.get("Detail").asText()).isEqualTo("{\"colour\":\"teal\"}");
                });
    }

    static Stream<Case> serviceFiles() {
        return Stream.of(
                sqs("api-sqs-lambda-python_api.yaml", "MySqsQueue", "/submit", false),
                sqs("apigw-sqs-lambda-java_api.yaml", "MySqsQueue", "/submit", false),
                sqs("apigw-sqs-lambda_api.yaml", "MySqsQueue", "/submit", true),
                sqs("apigw-http-api-sqs-lambda-sls_api.json", "MySqsQueue", "/", false),
                new Case(
                        "apigw-http-api-fifo-sqs-lambda-sns-sam_api.yaml",
                        List.of("--var", "MySQSQueue=" + QUEUE),
                        "/",
                        "{\"messagegroup\":\"g-7\",\"n\":1}",
                        "",
                        "AmazonSQS.SendMessage",
                        RecordingAwsEndpoint.JSON_1_0,
                        RecordingAwsEndpoint.SQS_ANSWER,
                        sqsMessage("{\"messagegroup\":\"g-7\",\"n\":1}", "g-7")),
                events("apigw-http-api-eventbridge-java_api.yaml"),
                events("apigw-http-api-eventbridge_api.yaml"),
                events("apigw-http-api-eventbridge-lambda-sls_api.json"),
                new Case(
                        "apigw-sfn_api.yaml",
                        List.of("--var", "StateMachineExpressSync.Arn=" + STATE_MACHINE),
                        "/",
                        "{\"firstName\":\"Ada\"}",
                        "",
                        "AWSStepFunctions.StartSyncExecution",
                        RecordingAwsEndpoint.JSON_1_0,
                        SFN_ANSWER,
                        call -> {
                            assertThat(call.get("StateMachineArn").asText())
                                    .isEqualTo(STATE_MACHINE);
                            assertThat(call.get("Input").asText())
                                    .isEqualTo("{\"firstName\":\"Ada\"}");
                        }));
    }

    private static Path corpusFile(String name) {
        assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS + ": skipped");
        return CORPUS.resolve(name);
    }

    private ServerProcess start(List<String> args) throws Exception {
        ServerProcess process = ServerProcess.startWithoutAwsKeys(args);
        opened.add(process);
        return process;
    }

    private RecordingAwsEndpoint endpoint(int status, String contentType, String body) {
        RecordingAwsEndpoint endpoint = RecordingAwsEndpoint.start(status, contentType, body);
        opened.add(endpoint);
        return endpoint;
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base(ServerProcess server) throws InterruptedException {
        return server.awaitLine("Listening on ").substring("Listening on ".length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceFiles")
    void corpusHttpApi_serviceRoute_callsTheEndpointAndAnswersWithTheService(Case c)
            throws Exception {
        Path spec = corpusFile(c.file());
        RecordingAwsEndpoint aws = endpoint(200, c.contentType(), c.answer());
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--spec",
                                spec.toString(),
                                "--aws-endpoint",
                                c.service() + aws.url(),
                                "--port",
                                "0"));
        args.addAll(c.flags());
        ServerProcess server = start(args);

        HttpResponse<String> response = send("POST", base(server) + c.path(), c.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(c.answer());
        assertThat(response.headers().firstValue("content-type")).contains(c.contentType());
        RecordingAwsEndpoint.Call call = aws.next();
        String service = c.target().startsWith("AmazonSQS") ? "sqs" : serviceOf(c.target());
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.uri()).isEqualTo("/");
        assertThat(call.header("x-amz-target")).isEqualTo(c.target());
        assertThat(call.header("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/" + service + "/aws4_request, SignedHeaders=")
                .contains("x-amz-target");
        c.call().accept(JSON.readTree(call.body()));
    }

    private static String serviceOf(String target) {
        return target.startsWith("AWSEvents") ? "events" : "states";
    }

    @Test
    void corpusAppSyncHttpProxy_servesItsRoute_andAnUnreachableBackendAnswers500()
            throws Exception {
        Path spec = corpusFile("apigw-appsync-dynamodb-sam_httpapi-spec_api.yaml");
        RecordingAwsEndpoint aws = endpoint(200, RecordingAwsEndpoint.JSON_1_0, "{}");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServerProcess server =
                start(
                        List.of(
                                "--spec",
                                spec.toString(),
                                "--aws-endpoint",
                                aws.url(),
                                "--var",
                                "AppsyncGraphQLApi.GraphQLUrl=http://127.0.0.1:"
                                        + closed
                                        + "/graphql",
                                "--port",
                                "0"));
        String base = base(server);

        HttpResponse<String> proxied = send("POST", base + "/restaurant", "{\"query\":\"{x}\"}");
        HttpResponse<String> unrouted = send("GET", base + "/other", "");

        assertThat(proxied.statusCode()).isEqualTo(500);
        assertThat(proxied.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(unrouted.statusCode()).isEqualTo(404);
        assertThat(unrouted.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(aws.noCalls()).isTrue();
    }

    private static final String REST_SQS =
            """
            openapi: 3.0.1
            info: {title: queue, version: '1'}
            paths:
              /send:
                post:
                  parameters:
                    - {name: message, in: query, required: true, schema: {type: string}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:eu-west-1:sqs:action/SendMessage
                    requestParameters:
                      integration.request.querystring.QueueUrl: "'%s'"
                      integration.request.querystring.MessageBody: method.request.querystring.message
                    responses:
                      default: {statusCode: '200'}
                  responses:
                    '200': {description: sent}
            """
                    .formatted(QUEUE);

    private static final String SQS_XML =
            "<SendMessageResponse><SendMessageResult><MessageId>m-1</MessageId>"
                    + "</SendMessageResult></SendMessageResponse>";

    @Test
    void restActionUri_isSentInTheQueryProtocolAndItsAnswerPassesThrough() throws Exception {
        Path spec = Files.writeString(dir.resolve("rest-sqs.yaml"), REST_SQS);
        RecordingAwsEndpoint aws = endpoint(200, "text/xml", SQS_XML);
        ServerProcess server =
                start(
                        List.of(
                                "--spec",
                                spec.toString(),
                                "--aws-endpoint",
                                "sqs=" + aws.url(),
                                "--port",
                                "0"));

        HttpResponse<String> response =
                send("POST", base(server) + "/send?message=hello%20there", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SQS_XML);
        RecordingAwsEndpoint.Call call = aws.next();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.uri())
                .isEqualTo(
                        "/?Action=SendMessage"
                                + "&QueueUrl=http%3A%2F%2Fsqs.us-east-1.localhost%2F000000000000%2Forders"
                                + "&MessageBody=hello%20there");
        assertThat(call.header("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/eu-west-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=");
    }

    @Test
    void restActionUri_withoutTheFlag_warnsNamingTheRouteAndAnswers500() throws Exception {
        Path spec = Files.writeString(dir.resolve("rest-sqs.yaml"), REST_SQS);
        ServerProcess server = start(List.of("--spec", spec.toString(), "--port", "0"));

        String warning = server.awaitLine("apigw-local: warning: POST /send: ");
        HttpResponse<String> response = send("POST", base(server) + "/send?message=hi", "");

        assertThat(warning)
                .isEqualTo(
                        "apigw-local: warning: POST /send: the sqs service integration (AWS)"
                                + " answers 500 without an AWS endpoint; give one with"
                                + " --aws-endpoint URL or --aws-endpoint sqs=URL");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Internal server error");
    }
}
