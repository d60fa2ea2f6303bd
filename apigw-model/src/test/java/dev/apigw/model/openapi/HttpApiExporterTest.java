package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HttpApiExporter}: the shape of apigatewayv2's {@code ExportApi} (reference section 4.4)
 * and the round trip export then {@link HttpApiImporter} to an equal API.
 */
class HttpApiExporterTest {
    private static final String LAMBDA =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:f/invocations";

    /** An API with every part an export carries. */
    static HttpApi fixture() {
        return HttpApi.builder("Pets")
                .version("2026-12-04")
                .description("pets over HTTP")
                .tag("team", "pets")
                .disableExecuteApiEndpoint(true)
                .corsConfiguration(
                        CorsConfiguration.builder()
                                .allowOrigins("https://www.example.com")
                                .allowCredentials(true)
                                .exposeHeaders("x-id")
                                .maxAge(600)
                                .allowMethods("GET", "POST")
                                .allowHeaders("authorization")
                                .build())
                .integration(
                        HttpIntegration.builder(HttpIntegrations.inlineId("GET /pets"))
                                .lambdaProxy(LAMBDA)
                                .build())
                .integration(
                        HttpIntegration.builder("shared")
                                .httpProxy("ANY", "https://backend.example.com/{proxy}")
                                .timeoutInMillis(10_000)
                                .requestParameter("append:header.x-id", "$context.requestId")
                                .responseParameters("500", Map.of("overwrite:statuscode", "503"))
                                .connectionType(ConnectionType.VPC_LINK)
                                .connectionId("link1")
                                .description("the backend")
                                .build())
                .integration(
                        HttpIntegration.builder("queue")
                                .awsService(
                                        IntegrationSubtype.SQS_SEND_MESSAGE,
                                        Map.of(
                                                "QueueUrl",
                                                "https://sqs/q",
                                                "MessageBody",
                                                "$request.body"))
                                .credentialsArn("arn:aws:iam::123456789012:role/r")
                                .build())
                .integration(
                        HttpIntegration.builder("unused")
                                .lambdaProxy(LAMBDA)
                                .payloadFormatVersion("1.0")
                                .build())
                .authorizer(
                        HttpAuthorizer.jwt("cognito", "https://issuer.example.com", "app").build())
                .authorizer(
                        HttpAuthorizer.lambda("lambda", LAMBDA, "2.0")
                                .enableSimpleResponses(true)
                                .authorizerResultTtlInSeconds(300)
                                .identitySource(
                                        java.util.List.of(
                                                "$request.header.X-Token", "$context.routeKey"))
                                .build())
                .route(
                        "GET /pets",
                        r ->
                                r.integrationId(HttpIntegrations.inlineId("GET /pets"))
                                        .jwt("cognito", "pets/read")
                                        .operationName("listPets"))
                .route("ANY /{proxy+}", r -> r.integrationId("shared").custom("lambda"))
                .route(
                        "POST /orders",
                        r ->
                                r.integrationId("shared")
                                        .authorizationType(
                                                dev.apigw.model.AuthorizationType.AWS_IAM))
                .route("POST /queue", "queue")
                .route("$default", "shared")
                .build();
    }

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of(ExportMediaType.JSON, null),
                Arguments.of(ExportMediaType.YAML, null),
                Arguments.of(ExportMediaType.JSON, "$default"),
                Arguments.of(ExportMediaType.YAML, "prod"));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void export_thenImport_givesEqualApi(ExportMediaType type, String stage) {
        HttpApi api = fixture();

        String exported =
                HttpApiExporter.export(
                        api, HttpExportOptions.of(o -> o.outputType(type).stageName(stage)));

        assertThat(HttpApiImporter.create().importText(exported).api()).isEqualTo(api);
    }

    @Test
    void export_withExtensions_writesExportApiShape() {
        JsonNode doc = HttpApiExporter.tree(fixture(), HttpExportOptions.defaults());

        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.1");
        assertThat(doc.get("x-amazon-apigateway-importexport-version").asText()).isEqualTo("1.0");
        assertThat(doc.has("servers")).isFalse();
        JsonNode get = doc.at("/paths/~1pets/get");
        assertThat(get.get("operationId").asText()).isEqualTo("listPets");
        assertThat(get.at("/responses/default/description").asText())
                .isEqualTo("Default response for GET /pets");
        assertThat(get.get("security").toString()).isEqualTo("[{\"cognito\":[\"pets/read\"]}]");
        assertThat(get.get("x-amazon-apigateway-integration").toString())
                .isEqualTo(
                        "{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",\"uri\":\""
                                + LAMBDA
                                + "\",\"payloadFormatVersion\":\"2.0\","
                                + "\"connectionType\":\"INTERNET\"}");
        assertThat(
                        doc.at("/paths/~1$default/x-amazon-apigateway-any-method/isDefaultRoute")
                                .asBoolean())
                .isTrue();
        assertThat(
                        doc.at(
                                        "/paths/~1{proxy+}/x-amazon-apigateway-any-method"
                                                + "/x-amazon-apigateway-integration/$ref")
                                .asText())
                .isEqualTo("#/components/x-amazon-apigateway-integrations/shared");
        assertThat(doc.at("/paths/~1orders/post/security").toString())
                .isEqualTo("[{\"sigv4\":[]}]");
        assertThat(doc.at("/components/x-amazon-apigateway-integrations").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("shared", "queue", "unused");
        assertThat(doc.at("/components/securitySchemes/cognito").toString())
                .isEqualTo(
                        "{\"type\":\"oauth2\",\"flows\":{},\"x-amazon-apigateway-authorizer\":"
                                + "{\"identitySource\":\"$request.header.Authorization\","
                                + "\"jwtConfiguration\":{\"audience\":[\"app\"],"
                                + "\"issuer\":\"https://issuer.example.com\"},\"type\":\"jwt\"}}");
        assertThat(doc.at("/components/securitySchemes/lambda/name").asText()).isEqualTo("Unused");
        assertThat(
                        doc.at("/components/securitySchemes/sigv4/x-amazon-apigateway-authtype")
                                .asText())
                .isEqualTo("awsSigv4");
        assertThat(doc.at("/x-amazon-apigateway-cors/allowOrigins/0").asText())
                .isEqualTo("https://www.example.com");
        assertThat(doc.at("/tags/0/x-amazon-apigateway-tag-value").asText()).isEqualTo("pets");
        assertThat(
                        doc.at(
                                        "/x-amazon-apigateway-endpoint-configuration/disableExecuteApiEndpoint")
                                .asBoolean())
                .isTrue();
    }

    @Test
    void export_withStage_writesExecuteApiServer() {
        HttpApi api = fixture();

        JsonNode named = HttpApiExporter.tree(api, HttpExportOptions.of(o -> o.stageName("prod")));
        JsonNode root =
                HttpApiExporter.tree(
                        api,
                        HttpExportOptions.of(o -> o.stageName("$default").region("eu-west-1")));

        assertThat(named.at("/servers/0/url").asText())
                .isEqualTo(
                        "https://" + api.id() + ".execute-api.us-east-1.amazonaws.com/{basePath}");
        assertThat(named.at("/servers/0/variables/basePath/default").asText()).isEqualTo("prod");
        assertThat(root.at("/servers/0/url").asText()).contains(".execute-api.eu-west-1.");
        assertThat(root.at("/servers/0/variables/basePath/default").asText()).isEmpty();
        assertThat(
                        root.at(
                                        "/servers/0/x-amazon-apigateway-endpoint-configuration"
                                                + "/disableExecuteApiEndpoint")
                                .asBoolean())
                .isTrue();
    }

    @Test
    void export_withoutExtensions_writesNoApiGatewayExtension() {
        String exported =
                HttpApiExporter.export(
                        fixture(), HttpExportOptions.of(o -> o.includeExtensions(false)));

        assertThat(exported.replace("x-amazon-apigateway-any-method", ""))
                .doesNotContain("x-amazon-apigateway");
        assertThat(exported).contains("\"/$default\"", "\"isDefaultRoute\" : true");
    }

    @Test
    void export_noVersionNoTimestamp_failsElseWritesTimestamp() {
        HttpApi api = HttpApi.builder("NoVersion").build();
        Instant at = Instant.parse("2026-12-04T10:15:30.5Z");

        JsonNode doc = HttpApiExporter.tree(api, HttpExportOptions.of(o -> o.timestamp(at)));

        assertThat(doc.at("/info/version").asText()).isEqualTo("2026-12-04T10:15:30Z");
        assertThatThrownBy(() -> HttpApiExporter.export(api, HttpExportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no version");
    }

    @Test
    void export_authorizerNamedSigv4_fails() {
        HttpApi api =
                HttpApi.builder("A")
                        .version("1")
                        .authorizer(HttpAuthorizer.jwt("sigv4", "https://i").build())
                        .build();

        assertThatThrownBy(() -> HttpApiExporter.export(api, HttpExportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer sigv4");
    }

    @Test
    void options_blankStageOrRegion_fail() {
        assertThatThrownBy(() -> HttpExportOptions.of(o -> o.stageName(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpExportOptions.of(o -> o.region("")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
