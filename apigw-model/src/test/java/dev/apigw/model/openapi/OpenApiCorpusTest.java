package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apigw.model.RestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Imports every file of the shared corpus ({@code ../../shared/corpus/openapi/}, see its {@code
 * SOURCES.md}): each imports, or fails with the precise reason listed here. The corpus lives beside
 * the repository, not in it: without it (a user's fresh clone) the test is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiCorpusTest {
    private static final Path CORPUS = Path.of("../../shared/corpus/openapi");
    private final AtomicInteger imported = new AtomicInteger();
    private final AtomicInteger files = new AtomicInteger();
    private static final String SUBTYPE = "HTTP API definition: integrationSubtype";
    private static final String HTTP_API = "import it with HttpApiImporter";

    /** Values for the placeholders a file's own tooling fills in before import, with why. */
    private static final Map<String, Map<String, String>> PLACEHOLDERS =
            Map.ofEntries(
                    // LocalStack's tests substitute these (Python str.replace) before importing
                    Map.entry(
                            "petstore-swagger.json",
                            Map.of("uri", "http://petstore.example.com/pets")),
                    Map.entry(
                            "petstore-authorizer.swagger.json",
                            Map.of("uri", "http://petstore.example.com/pets")),
                    Map.entry(
                            "openapi-http-method-integration.json",
                            Map.of("lambda_invocation_arn", lambdaUri("echo"))),
                    Map.entry(
                            "openapi.cognito-auth.json",
                            Map.of(
                                    "cognito_pool_arn",
                                    "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_pool")),
                    Map.entry(
                            "openapi.spec.global-auth.json",
                            Map.of("authorizer_lambda_invocation_arn", lambdaUri("authorizer"))),
                    Map.entry(
                            "api_definition.yaml",
                            Map.of(
                                    "lambda_invocation_arn",
                                    lambdaUri("echo"),
                                    "credentials",
                                    "arn:aws:iam::123456789012:role/apigw")),
                    // a Terraform templatefile() variable
                    Map.entry(
                            "apigw-openapi-lambda-dynamodb-xray-terraform_infra_openapi-spec.yaml",
                            Map.of("openapi_demo_lambda_uri", lambdaUri("openapi-demo"))),
                    // CloudFormation Refs to DynamoDB tables (Ref gives the table name)
                    Map.entry(
                            "apigw-cache-invalidation-eventbridge_api.yaml",
                            Map.of("PetTable", "pets")),
                    Map.entry(
                            "apigw-dynamodb-lambda-scheduler-ses-auto-deletion-sam_restapi_api.yaml",
                            Map.of("RemindersTable", "reminders")),
                    Map.entry(
                            "appsync-apigateway-dynamodb-sam_restapi_api.yaml",
                            Map.of("RestaurantTable", "restaurants")),
                    Map.entry("apigw-ddb-openapi-crud_api.yaml", Map.of("CrudDDB", "crud")),
                    // Refs to two other REST APIs (their ids) and an API key parameter
                    Map.entry(
                            "apigw-rest-apigw-rest_api.yaml",
                            Map.of(
                                    "ReportingApi",
                                    "reporting1",
                                    "UserManagementApi",
                                    "usermgmt1",
                                    "ApiKeyValue",
                                    "key-value")),
                    // Fn::GetAtt of an ALB's DNS name, Refs to the VPC link and the ALB listener
                    Map.entry(
                            "apigw-rest-vpclink-pvt-alb-sam_api.yaml",
                            Map.of(
                                    "PrivateALB.DNSName",
                                    "internal-alb-1.us-east-1.elb.amazonaws.com",
                                    "VpcLink",
                                    "vpclink1",
                                    "PrivateALB",
                                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/1")),
                    // Ref to a Step Functions state machine (Ref gives its ARN)
                    Map.entry(
                            "apigw-sfn-crud_api.openapi.yaml",
                            Map.of(
                                    "StateMachine",
                                    "arn:aws:states:us-east-1:123456789012:stateMachine:crud")));

    /** Files that do not import, and the precise reason (docs/differences.md lists them). */
    private static final Map<String, String> EXPECTED_FAILURES =
            Map.ofEntries(
                    // VTL templates LocalStack's tests read beside the definitions, not definitions
                    Map.entry("request-template.vm", "not an OpenAPI document"),
                    Map.entry("response-template.vm", "Invalid OpenAPI input"),
                    // HTTP API definitions: HttpApiCorpusTest imports them with HttpApiImporter
                    Map.entry(
                            "apigw-appsync-dynamodb-sam_httpapi-spec_api.yaml",
                            "HTTP API definition: x-amazon-apigateway-importexport-version"),
                    // HTTP API service integrations (apigatewayv2 integrationSubtype, no URI)
                    Map.entry("api-sqs-lambda-python_api.yaml", SUBTYPE + " 'SQS-SendMessage'"),
                    Map.entry("apigw-sqs-lambda-java_api.yaml", SUBTYPE + " 'SQS-SendMessage'"),
                    Map.entry("apigw-sqs-lambda_api.yaml", SUBTYPE + " 'SQS-SendMessage'"),
                    Map.entry(
                            "apigw-http-api-sqs-lambda-sls_api.json",
                            SUBTYPE + " 'SQS-SendMessage'"),
                    Map.entry(
                            "apigw-http-api-fifo-sqs-lambda-sns-sam_api.yaml",
                            SUBTYPE + " 'SQS-SendMessage'"),
                    Map.entry(
                            "apigw-http-api-eventbridge-java_api.yaml",
                            SUBTYPE + " 'EventBridge-PutEvents'"),
                    Map.entry(
                            "apigw-http-api-eventbridge_api.yaml",
                            SUBTYPE + " 'EventBridge-PutEvents'"),
                    Map.entry(
                            "apigw-http-api-eventbridge-lambda-sls_api.json",
                            SUBTYPE + " 'EventBridge-PutEvents'"),
                    Map.entry(
                            "apigw-sfn_api.yaml", SUBTYPE + " 'StepFunctions-StartSyncExecution'"));

    /** Files LocalStack's AWS-validated tests import with failonwarnings=true. */
    private static final Set<String> NO_WARNINGS =
            Set.of(
                    "openapi.spec.pulumi.json",
                    "petstore-authorizer.swagger.json",
                    "openapi.spec.tf.json",
                    "swagger-mock-cors.json",
                    "openapi.spec.global-auth.json",
                    "openapi.spec.circular-ref.json",
                    "openapi.spec.circular-ref-with-request-body.json",
                    "openapi.spec.stage-variables.json");

    private static String lambdaUri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:"
                + "us-east-1:123456789012:function:"
                + function
                + "/invocations";
    }

    @TestFactory
    Stream<DynamicTest> importFile_eachCorpusFile_importsOrFailsWithListedReason()
            throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            // one test, reported as skipped with the reason (a factory's own abort is not)
            return Stream.of(
                    DynamicTest.dynamicTest(
                            "corpus",
                            () ->
                                    assumeTrue(
                                            false,
                                            "../shared/corpus not found: corpus tests skipped (CI has it)")));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.endsWith("SOURCES.md"))
                            .sorted()
                            .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(48);
        return files.stream()
                .map(
                        file ->
                                DynamicTest.dynamicTest(
                                        CORPUS.relativize(file).toString(), () -> check(file)));
    }

    private void check(Path file) {
        String name = file.getFileName().toString();
        files.incrementAndGet();
        ImportOptions options =
                ImportOptions.builder()
                        .placeholders(PLACEHOLDERS.getOrDefault(name, Map.of()))
                        .failOnWarnings(NO_WARNINGS.contains(name))
                        .build();
        OpenApiImporter importer = OpenApiImporter.create(options);
        String reason = EXPECTED_FAILURES.get(name);
        if (reason != null) {
            assertThatThrownBy(() -> importer.importFile(file))
                    .isInstanceOf(OpenApiImportException.class)
                    .hasMessageContaining(reason)
                    .hasMessageContaining(reason.startsWith("HTTP API") ? HTTP_API : "");
            return;
        }
        ImportResult result = importer.importFile(file);
        assertThat(result.api().resources()).isNotEmpty();
        for (ExportType type : ExportType.values()) {
            if (NOT_EXPORTABLE.contains(name)) {
                assertThatThrownBy(() -> roundTrip(result.api(), type, options))
                        .hasMessageContaining("Only found non-JSON body models");
                continue;
            }
            // An API without a version is exported with the export time as info.version (4.4).
            RestApi expected =
                    result.api().version().isPresent()
                            ? result.api()
                            : result.api().copy(b -> b.version(EXPORTED_AT.toString()));
            assertThat(roundTrip(result.api(), type, options))
                    .as("%s exported as %s and imported again", name, type)
                    .isEqualTo(expected);
        }
        System.out.println(
                "[corpus] "
                        + name
                        + ": "
                        + result.api().resources().size()
                        + " resources, warnings "
                        + result.warnings());
        imported.incrementAndGet();
    }

    /**
     * Files whose methods have only non-JSON models: AWS's GetExport refuses them ("Only found
     * non-JSON body models", reference 4.4), and so does ours.
     */
    private static final Set<String> NOT_EXPORTABLE =
            Set.of(
                    "apigw-lambda-bedrock-sam-node_api-gateway-non-streaming-config.yaml",
                    "apigw-lambda-bedrock-sam-node_api-gateway-streaming-config.yaml");

    private static final Instant EXPORTED_AT = Instant.parse("2026-11-21T00:00:00Z");

    /** Exports with every extension and imports the export with the same options (4.4). */
    private static RestApi roundTrip(RestApi api, ExportType type, ImportOptions options) {
        String exported =
                OpenApiExporter.export(
                        api,
                        ExportOptions.of(
                                "prod",
                                o ->
                                        o.exportType(type)
                                                .mediaType(ExportMediaType.JSON)
                                                .addExtensions(
                                                        ExportExtension.APIGATEWAY,
                                                        ExportExtension.AUTHORIZERS)
                                                .timestamp(EXPORTED_AT)));
        return OpenApiImporter.create(options.toBuilder().failOnWarnings(false).build())
                .importText(exported)
                .api();
    }

    @AfterAll
    void report() {
        if (files.get() == 0) {
            return;
        }
        System.out.println(
                "[corpus] "
                        + imported.get()
                        + " of "
                        + files.get()
                        + " corpus files imported, each exported and imported again unchanged unless"
                        + " AWS's export refuses it");
    }
}
