package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Imports every HTTP API definition of the shared corpus ({@code ../../shared/corpus/openapi/})
 * with {@link HttpApiImporter} (reference 4.3, "HTTP API import"), asserts its routes and
 * integrations, and exports and imports it again to an equal API (reference 4.4). Which files are
 * HTTP APIs is decided by {@link HttpApiImporter#isHttpApi}; the expected set is listed, so a file
 * that changes sides fails the test. Without the corpus (a user's fresh clone) the test is skipped.
 */
class HttpApiCorpusTest {
    private static final Path CORPUS = Path.of("../../shared/corpus/openapi");
    private static final Instant EXPORTED_AT = Instant.parse("2026-12-04T00:00:00Z");
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/queue";

    /** The route of each HTTP API file and what its integration is: type, subtype or URI. */
    private static final Map<String, String> EXPECTED =
            Map.ofEntries(
                    Map.entry("api-sqs-lambda-python_api.yaml", "POST /submit -> SQS-SendMessage"),
                    Map.entry("apigw-sqs-lambda-java_api.yaml", "POST /submit -> SQS-SendMessage"),
                    Map.entry("apigw-sqs-lambda_api.yaml", "POST /submit -> SQS-SendMessage"),
                    Map.entry(
                            "apigw-http-api-sqs-lambda-sls_api.json", "POST / -> SQS-SendMessage"),
                    Map.entry(
                            "apigw-http-api-fifo-sqs-lambda-sns-sam_api.yaml",
                            "POST / -> SQS-SendMessage"),
                    Map.entry(
                            "apigw-http-api-eventbridge-java_api.yaml",
                            "POST / -> EventBridge-PutEvents"),
                    Map.entry(
                            "apigw-http-api-eventbridge_api.yaml",
                            "POST / -> EventBridge-PutEvents"),
                    Map.entry(
                            "apigw-http-api-eventbridge-lambda-sls_api.json",
                            "POST / -> EventBridge-PutEvents"),
                    Map.entry("apigw-sfn_api.yaml", "POST / -> StepFunctions-StartSyncExecution"),
                    Map.entry(
                            "apigw-appsync-dynamodb-sam_httpapi-spec_api.yaml",
                            "POST /restaurant -> HTTP_PROXY ANY https://example.appsync-api"
                                    + ".us-east-1.amazonaws.com/graphql"));

    /** The CloudFormation references of the files, as their stacks would resolve them. */
    private static final Map<String, String> PLACEHOLDERS =
            Map.of(
                    "MySqsQueue",
                    QUEUE,
                    "MySQSQueue",
                    QUEUE + ".fifo",
                    "StateMachineExpressSync.Arn",
                    "arn:aws:states:us-east-1:123456789012:stateMachine:sync",
                    "AppsyncGraphQLApi.GraphQLUrl",
                    "https://example.appsync-api.us-east-1.amazonaws.com/graphql");

    @TestFactory
    Stream<DynamicTest> importFile_eachHttpApiCorpusFile_importsAndRoundTrips() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(
                    DynamicTest.dynamicTest(
                            "corpus",
                            () ->
                                    assumeTrue(
                                            false,
                                            "../shared/corpus not found: HTTP API corpus tests"
                                                    + " skipped (CI has it)")));
        }
        List<Path> httpApis;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            httpApis =
                    walk.filter(Files::isRegularFile)
                            .filter(HttpApiCorpusTest::isHttpApi)
                            .sorted()
                            .collect(Collectors.toList());
        }
        assertThat(httpApis.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        return httpApis.stream()
                .map(
                        file ->
                                DynamicTest.dynamicTest(
                                        CORPUS.relativize(file).toString(), () -> check(file)));
    }

    @Test
    void importFile_sqsSendMessageFile_keepsParametersRoleAndCors() {
        Path file = CORPUS.resolve("serverless-patterns/apigw-sqs-lambda_api.yaml");
        assumeTrue(Files.isRegularFile(file), "../shared/corpus not found: test skipped");
        ImportOptions options = ImportOptions.builder().placeholders(PLACEHOLDERS).build();

        HttpApi api = HttpApiImporter.create(options).importFile(file).api();

        HttpIntegration integration = api.integrations().values().iterator().next();
        assertThat(api.name()).isEqualTo("Queue Based Leveling Example");
        assertThat(api.version()).contains("2021-03-31 17:32:29UTC");
        assertThat(integration.requestParameters())
                .containsExactly(
                        Map.entry("MessageBody", "$request.body"), Map.entry("QueueUrl", QUEUE));
        assertThat(integration.credentialsArn())
                .contains("arn:aws:iam::123456789012:role/MyHttpApiRole");
        assertThat(integration.payloadFormatVersion()).isEqualTo("1.0");
        assertThat(api.corsConfiguration().orElseThrow())
                .isEqualTo(
                        CorsConfiguration.builder()
                                .allowOrigins("*")
                                .allowMethods("*")
                                .allowCredentials(false)
                                .maxAge(0)
                                .build());
    }

    private static boolean isHttpApi(Path file) {
        try {
            return HttpApiImporter.isHttpApi(Documents.parse(Files.readAllBytes(file)));
        } catch (IOException | OpenApiImportException e) {
            return false;
        }
    }

    private static void check(Path file) {
        ImportOptions options = ImportOptions.builder().placeholders(PLACEHOLDERS).build();
        HttpApiImportResult result = HttpApiImporter.create(options).importFile(file);
        HttpApi api = result.api();
        assertThat(summary(api)).isEqualTo(EXPECTED.get(file.getFileName().toString()));
        assertThat(result.warnings()).isEmpty();
        HttpApi expected =
                api.version().isPresent()
                        ? api
                        : api.toBuilder().version(EXPORTED_AT.toString()).build();
        for (ExportMediaType type : ExportMediaType.values()) {
            String exported =
                    HttpApiExporter.export(
                            api,
                            HttpExportOptions.of(
                                    o ->
                                            o.outputType(type)
                                                    .stageName("$default")
                                                    .timestamp(EXPORTED_AT)));
            assertThat(HttpApiImporter.create(options).importText(exported).api())
                    .as("%s exported as %s and imported again", file.getFileName(), type)
                    .isEqualTo(expected);
        }
    }

    /** {@code POST / -> SQS-SendMessage}: the one route and what its integration does. */
    private static String summary(HttpApi api) {
        Map<String, String> routes = new TreeMap<>();
        for (Route route : api.routes().values()) {
            HttpIntegration i = api.integrations().get(route.integrationId().orElseThrow());
            String target =
                    i.integrationSubtype()
                            .map(IntegrationSubtype::awsName)
                            .orElseGet(
                                    () ->
                                            i.integrationType()
                                                    + (i.integrationType()
                                                                    == IntegrationType.HTTP_PROXY
                                                            ? " "
                                                                    + i.integrationMethod()
                                                                            .orElseThrow()
                                                            : "")
                                                    + " "
                                                    + i.integrationUri().orElseThrow());
            routes.put(route.routeKey().toString(), target);
        }
        return routes.entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
