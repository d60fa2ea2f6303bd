package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.HttpStage;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.Route;
import dev.apigw.model.openapi.HttpApiImporter;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.RecordingAwsServiceBackend;
import dev.apigw.testkit.RecordingAwsServiceBackend.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every HTTP API definition of the shared corpus built on an {@code integrationSubtype} (reference
 * 4.2, 11.1) imports with {@code HttpApiImporter} and serves one request through the testkit's
 * recording {@code AwsServiceBackend}: the call has the subtype's service and action and every
 * required parameter, evaluated from the request (reference 5.5). Skipped without the corpus.
 */
class HttpServiceCorpusScenarioTest {
    private static final Path CORPUS = Path.of("../../shared/corpus/openapi");
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/queue";
    private static final String BODY = "{\"Detail\":{\"order\":\"o-1\"},\"messagegroup\":\"g-1\"}";

    /** The CloudFormation references of the files, as their stacks would resolve them. */
    private static final Map<String, String> PLACEHOLDERS =
            Map.of(
                    "MySqsQueue",
                    QUEUE,
                    "MySQSQueue",
                    QUEUE + ".fifo",
                    "StateMachineExpressSync.Arn",
                    "arn:aws:states:us-east-1:123456789012:stateMachine:sync");

    @TestFactory
    Stream<DynamicTest> handle_eachCorpusServiceIntegration_callsTheService() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(
                    DynamicTest.dynamicTest(
                            "corpus",
                            () ->
                                    assumeTrue(
                                            false,
                                            "../shared/corpus not found: HTTP API service"
                                                    + " integration corpus tests skipped")));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(HttpServiceCorpusScenarioTest::usesSubtype)
                            .sorted()
                            .collect(Collectors.toList());
        }
        assertThat(files).hasSize(9);
        return files.stream()
                .map(
                        file ->
                                DynamicTest.dynamicTest(
                                        CORPUS.relativize(file).toString(), () -> serve(file)));
    }

    private static boolean usesSubtype(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("integrationSubtype");
        } catch (IOException e) {
            return false;
        }
    }

    private static void serve(Path file) {
        ImportOptions options = ImportOptions.builder().placeholders(PLACEHOLDERS).build();
        HttpApi imported = HttpApiImporter.create(options).importFile(file).api();
        HttpApi httpApi =
                imported.stages().containsKey(HttpStage.DEFAULT)
                        ? imported
                        : imported.toBuilder().stage(HttpStage.DEFAULT, s -> {}).build();
        RecordingAwsServiceBackend backend =
                RecordingAwsServiceBackend.create().respondsWith(200, "{\"ok\":true}");
        Api api = Api.builder().httpApi(httpApi).awsServiceBackend(backend).build();
        Route route = httpApi.routes().values().iterator().next();
        HttpIntegration integration =
                httpApi.integrations().get(route.integrationId().orElseThrow());
        IntegrationSubtype subtype = integration.integrationSubtype().orElseThrow();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod(route.routeKey().method())
                                .target(route.routeKey().path())
                                .header("Content-Type", "application/json")
                                .body(BODY)
                                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
        RecordedCall call = backend.lastCall();
        String awsName = subtype.awsName();
        assertThat(call.action()).isEqualTo(awsName.substring(awsName.indexOf('-') + 1));
        JsonNode members =
                call.json().has("Entries") ? call.json().get("Entries").get(0) : call.json();
        for (String name : subtype.requiredParameters()) {
            assertThat(members.path(name).asText()).as(name).isNotEmpty();
        }
        if (integration.requestParameters().containsKey("QueueUrl")) {
            assertThat(members.get("QueueUrl").asText()).startsWith(QUEUE);
            assertThat(members.get("MessageBody").asText()).isEqualTo(BODY);
        }
        if (integration.requestParameters().containsKey("MessageGroupId")) {
            assertThat(members.get("MessageGroupId").asText()).isEqualTo("g-1");
        }
        if (subtype == IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS) {
            assertThat(members.get("Detail").asText()).contains("o-1");
            assertThat(members.get("Source").asText()).isEqualTo("WebApp");
        }
    }
}
