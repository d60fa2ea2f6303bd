package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Model;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GetExport's documents (reference section 4.4), against hand-written fixtures. */
class OpenApiExporterTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final RestApi PETSHOP = ExportFixtureApi.petshop();

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (ExportType type : ExportType.values()) {
            for (ExportMediaType mediaType : ExportMediaType.values()) {
                all.add(
                        Arguments.of(
                                type, mediaType, EnumSet.noneOf(ExportExtension.class), "plain"));
                all.add(
                        Arguments.of(
                                type,
                                mediaType,
                                EnumSet.of(ExportExtension.APIGATEWAY),
                                "apigateway"));
                all.add(
                        Arguments.of(
                                type,
                                mediaType,
                                EnumSet.of(ExportExtension.INTEGRATIONS),
                                "apigateway"));
                all.add(
                        Arguments.of(
                                type,
                                mediaType,
                                EnumSet.of(ExportExtension.AUTHORIZERS),
                                "authorizers"));
                all.add(
                        Arguments.of(
                                type,
                                mediaType,
                                EnumSet.of(ExportExtension.APIGATEWAY, ExportExtension.AUTHORIZERS),
                                "apigateway-authorizers"));
                all.add(
                        Arguments.of(
                                type,
                                mediaType,
                                EnumSet.allOf(ExportExtension.class),
                                "apigateway-authorizers"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void export_richApi_matchesFixture(
            ExportType type,
            ExportMediaType mediaType,
            Set<ExportExtension> extensions,
            String fixture) {
        String text = OpenApiExporter.export(PETSHOP, options(type, mediaType, extensions));

        assertThat(parse(text, mediaType))
                .isEqualTo(
                        fixture(
                                "/fixtures/openapi/export/"
                                        + type.value()
                                        + "-"
                                        + fixture
                                        + ".json"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExportType.class)
    void export_withoutExtensions_writesNoApiGatewayExtensionButAnyMethod(ExportType type) {
        JsonNode tree = exportJson(PETSHOP, options(type, ExportMediaType.JSON, Set.of()));

        assertThat(extensionKeys(tree, ""))
                .containsExactly(
                        "/paths//owners/{ownerId}/{proxy+}/x-amazon-apigateway-any-method");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExportType.class)
    void export_yaml_parsesToTheTreeOfTheJsonExport(ExportType type) {
        Set<ExportExtension> all = EnumSet.allOf(ExportExtension.class);

        String yaml = OpenApiExporter.export(PETSHOP, options(type, ExportMediaType.YAML, all));
        String json = OpenApiExporter.export(PETSHOP, options(type, ExportMediaType.JSON, all));

        assertThat(yaml).doesNotStartWith("{");
        assertThat(parse(yaml, ExportMediaType.YAML)).isEqualTo(parse(json, ExportMediaType.JSON));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PassthroughBehavior.class)
    void export_passthroughBehavior_isWrittenLowerCase(PassthroughBehavior behavior) {
        RestApi api =
                minimal()
                        .version("2")
                        .resource(
                                "/things",
                                r ->
                                        r.method(
                                                "PUT",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(IntegrationType.HTTP)
                                                                                .httpMethod("PUT")
                                                                                .uri(
                                                                                        "http://things.test/x")
                                                                                .passthroughBehavior(
                                                                                        behavior))))
                        .build();

        JsonNode integration =
                exportJson(api, apigateway(ExportType.OAS30))
                        .at("/paths/~1things/put/x-amazon-apigateway-integration");

        assertThat(integration.get("passthroughBehavior").asText())
                .isEqualTo(behavior.name().toLowerCase(Locale.ROOT));
        assertThat(integration.get("type").asText()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IntegrationType.class)
    void export_integrationType_isWrittenLowerCase(IntegrationType type) {
        String uri =
                type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY
                        ? "https://svc.test/a"
                        : "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/"
                                + "arn:aws:lambda:us-west-2:111122223333:function:f/invocations";
        RestApi api =
                minimal()
                        .version("9")
                        .resource(
                                "/a",
                                r ->
                                        r.method(
                                                "PATCH",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(type)
                                                                                .httpMethod("POST")
                                                                                .uri(uri))))
                        .build();

        JsonNode tree = exportJson(api, apigateway(ExportType.SWAGGER));

        assertThat(tree.at("/paths/~1a/patch/x-amazon-apigateway-integration/type").asText())
                .isEqualTo(type.name().toLowerCase(Locale.ROOT))
                .isNotEqualTo(type.name());
    }

    @Test
    void export_noVersion_writesTheTimestampToTheSecond() {
        RestApi api = minimal().build();
        ExportOptions options =
                ExportOptions.of(
                        "beta", o -> o.timestamp(Instant.parse("2025-11-03T08:15:42.918Z")));

        JsonNode tree = exportJson(api, options);

        assertThat(tree.at("/info/version").asText()).isEqualTo("2025-11-03T08:15:42Z");
        assertThat(tree.at("/info/title").asText()).isEqualTo("inventory");
        assertThat(tree.at("/info").has("description")).isFalse();
    }

    @Test
    void export_versionAndTimestamp_prefersTheVersion() {
        RestApi api = minimal().version("v7").build();

        JsonNode tree =
                exportJson(
                        api,
                        ExportOptions.of(
                                "beta", o -> o.timestamp(Instant.parse("2021-01-01T00:00:00Z"))));

        assertThat(tree.at("/info/version").asText()).isEqualTo("v7");
    }

    @Test
    void export_noVersionNoTimestamp_throwsNamingTheApi() {
        RestApi api = minimal().build();

        assertThatThrownBy(() -> OpenApiExporter.export(api, ExportOptions.of("beta", o -> {})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inventory")
                .hasMessageContaining("timestamp");
    }

    @Test
    void export_emptyApiOas30_hasEmptyComponentsAndTheStageServer() {
        RestApi api = minimal().id("zz99yy88xx").version("1").build();

        JsonNode tree = exportJson(api, ExportOptions.of("dev", o -> o.region("ap-south-1")));

        assertThat(tree.get("components")).isEqualTo(JSON.createObjectNode());
        assertThat(tree.get("paths")).isEqualTo(JSON.createObjectNode());
        assertThat(tree.at("/servers/0/url").asText())
                .isEqualTo("https://zz99yy88xx.execute-api.ap-south-1.amazonaws.com/{basePath}");
        assertThat(tree.at("/servers/0/variables/basePath/default").asText()).isEqualTo("/dev");
    }

    @Test
    void export_emptyApiSwagger_hasHostBasePathAndNoDefinitions() {
        RestApi api = minimal().id("qq11ww22ee").version("1").build();

        JsonNode tree =
                exportJson(api, ExportOptions.of("stage2", o -> o.exportType(ExportType.SWAGGER)));

        assertThat(tree.get("swagger").asText()).isEqualTo("2.0");
        assertThat(tree.get("host").asText())
                .isEqualTo("qq11ww22ee.execute-api.us-east-1.amazonaws.com");
        assertThat(tree.get("basePath").asText()).isEqualTo("/stage2");
        assertThat(tree.get("schemes")).hasSize(1);
        assertThat(tree.has("definitions")).isFalse();
        assertThat(tree.has("securityDefinitions")).isFalse();
        assertThat(tree.has("components")).isFalse();
    }

    @Test
    void export_intermediateResources_produceNoPathItem() {
        RestApi api =
                minimal()
                        .version("1")
                        .resource(
                                "/a/b/c",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i -> i.type(IntegrationType.MOCK))))
                        .build();

        JsonNode tree = exportJson(api, ExportOptions.of("s", o -> {}));

        assertThat(api.resources()).containsKeys("/", "/a", "/a/b");
        assertThat(fieldNames(tree.get("paths"))).containsExactly("/a/b/c");
    }

    @Test
    void export_methodWithoutIntegration_hasNoIntegrationExtension() {
        JsonNode tree = exportJson(PETSHOP, apigateway(ExportType.OAS30));

        assertThat(tree.at("/paths/~1status/head").has("x-amazon-apigateway-integration"))
                .isFalse();
        assertThat(tree.at("/paths/~1pets/get").has("x-amazon-apigateway-integration")).isTrue();
    }

    @Test
    void export_multivalueDeclarations_areLeftOut() {
        RestApi api =
                minimal()
                        .version("1")
                        .resource(
                                "/m",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.putRequestParameter(
                                                                        "method.request.multivaluequerystring.tag",
                                                                        true)
                                                                .putRequestParameter(
                                                                        "method.request.querystring.page",
                                                                        false)
                                                                .putRequestParameter(
                                                                        "method.request.multivalueheader.X-Ids",
                                                                        false)))
                        .build();

        JsonNode parameters =
                exportJson(api, ExportOptions.of("s", o -> {})).at("/paths/~1m/get/parameters");

        assertThat(parameters).hasSize(1);
        assertThat(parameters.get(0).get("name").asText()).isEqualTo("page");
        assertThat(parameters.get(0).get("in").asText()).isEqualTo("query");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExportType.class)
    void export_onlyNonJsonRequestModels_throwsNamingTheMethod(ExportType type) {
        RestApi api =
                minimal()
                        .version("1")
                        .model(new Model("Csv", "text/csv", "{\"type\":\"string\"}", "rows"))
                        .resource(
                                "/upload",
                                r -> r.method("POST", m -> m.putRequestModel("text/csv", "Csv")))
                        .build();

        assertThatThrownBy(
                        () ->
                                OpenApiExporter.export(
                                        api, ExportOptions.of("s", o -> o.exportType(type))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/upload POST method request")
                .hasMessageContaining("Only found non-JSON body models");
    }

    @Test
    void export_jsonAndOtherRequestModelsOas30_writesEveryMediaType() {
        RestApi api =
                minimal()
                        .version("1")
                        .model(Model.json("Order", "{\"type\":\"object\"}"))
                        .resource(
                                "/orders",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.putRequestModel(
                                                                        "application/json", "Order")
                                                                .putRequestModel(
                                                                        "application/xml",
                                                                        "Order")))
                        .build();

        JsonNode content =
                exportJson(api, ExportOptions.of("s", o -> {}))
                        .at("/paths/~1orders/post/requestBody/content");

        assertThat(fieldNames(content)).containsExactly("application/json", "application/xml");
        assertThat(content.at("/application~1xml/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Order");
    }

    @Test
    void export_schemaThatIsNotJson_throwsNamingTheModel() {
        RestApi api =
                minimal()
                        .version("1")
                        .model(new Model("Broken", "application/json", "{type: object", ""))
                        .build();

        assertThatThrownBy(() -> OpenApiExporter.export(api, ExportOptions.of("s", o -> {})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model Broken");
    }

    @Test
    void export_refsToOtherDocumentsOrInsideAModel_areKept() {
        RestApi api =
                minimal()
                        .version("1")
                        .model(
                                Model.json(
                                        "Deep",
                                        "{\"properties\":{"
                                                + "\"a\":{\"$ref\":\"#/definitions/Other/properties/x\"},"
                                                + "\"b\":{\"$ref\":\"https://example.com/schemas/thing.json\"}}}"))
                        .build();

        JsonNode schema =
                exportJson(api, ExportOptions.of("s", o -> o.exportType(ExportType.SWAGGER)))
                        .at("/definitions/Deep/properties");

        assertThat(schema.at("/a/$ref").asText()).isEqualTo("#/definitions/Other/properties/x");
        assertThat(schema.at("/b/$ref").asText())
                .isEqualTo("https://example.com/schemas/thing.json");
    }

    @Test
    void export_twoDefaultIntegrationResponses_throwsNamingBothStatuses() {
        RestApi api =
                minimal()
                        .version("1")
                        .resource(
                                "/d",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir -> {})
                                                                                .integrationResponse(
                                                                                        "500",
                                                                                        ir -> {}))))
                        .build();

        assertThatThrownBy(() -> OpenApiExporter.export(api, apigateway(ExportType.OAS30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/d GET")
                .hasMessageContaining("200 and 500");
    }

    @Test
    void export_twoValidatorsWithOneName_throws() {
        RestApi api =
                minimal()
                        .version("1")
                        .requestValidator(new RequestValidator("one", "same", true, false))
                        .requestValidator(new RequestValidator("two", "same", false, true))
                        .build();

        assertThatThrownBy(() -> OpenApiExporter.export(api, apigateway(ExportType.SWAGGER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named same");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api_key", "sigv4"})
    void export_authorizerNamedAsAReservedScheme_throws(String name) {
        RestApi api =
                minimal()
                        .version("1")
                        .authorizer(
                                Authorizer.builder()
                                        .name(name)
                                        .type(AuthorizerType.TOKEN)
                                        .authorizerUri("arn:aws:apigateway:x")
                                        .build())
                        .build();

        assertThatThrownBy(() -> OpenApiExporter.export(api, ExportOptions.of("s", o -> {})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer " + name);
    }

    @Test
    void export_iamAndApiKeyOnOneMethod_writesTwoRequirementsIamFirst() {
        RestApi api =
                minimal()
                        .version("1")
                        .resource(
                                "/k",
                                r ->
                                        r.method(
                                                "DELETE",
                                                m ->
                                                        m.authorizationType(
                                                                        AuthorizationType.AWS_IAM)
                                                                .apiKeyRequired(true)))
                        .build();

        JsonNode tree = exportJson(api, ExportOptions.of("s", o -> {}));

        assertThat(tree.at("/paths/~1k/delete/security").toString())
                .isEqualTo("[{\"sigv4\":[]},{\"api_key\":[]}]");
        assertThat(fieldNames(tree.at("/components/securitySchemes")))
                .containsExactly("api_key", "sigv4");
    }

    @Test
    void export_policyThatIsNotJson_isWrittenAsText() {
        RestApi api = minimal().version("1").policy("not a document").build();

        JsonNode tree = exportJson(api, apigateway(ExportType.OAS30));

        assertThat(tree.get("x-amazon-apigateway-policy").isTextual()).isTrue();
        assertThat(tree.get("x-amazon-apigateway-policy").asText()).isEqualTo("not a document");
    }

    @Test
    void export_defaultApiWithExtensions_writesOnlyTheApiKeySource() {
        RestApi api = minimal().version("1").build();

        JsonNode tree = exportJson(api, apigateway(ExportType.SWAGGER));

        assertThat(extensionKeys(tree, "")).containsExactly("/x-amazon-apigateway-api-key-source");
        assertThat(tree.get("x-amazon-apigateway-api-key-source").asText()).isEqualTo("HEADER");
    }

    @Test
    void export_json_isPrettyPrintedAsAwsDoes() {
        String json =
                OpenApiExporter.export(
                        minimal().version("3").build(), ExportOptions.of("s", o -> {}));

        assertThat(json).startsWith("{\n  \"openapi\" : \"3.0.1\",");
    }

    private static RestApi.Builder minimal() {
        return RestApi.builder().name("inventory");
    }

    private static ExportOptions apigateway(ExportType type) {
        return options(type, ExportMediaType.JSON, Set.of(ExportExtension.APIGATEWAY));
    }

    private static ExportOptions options(
            ExportType type, ExportMediaType mediaType, Set<ExportExtension> extensions) {
        return ExportOptions.builder()
                .exportType(type)
                .mediaType(mediaType)
                .extensions(extensions)
                .stageName("prod")
                .region("eu-west-1")
                .build();
    }

    private static JsonNode exportJson(RestApi api, ExportOptions options) {
        return parse(OpenApiExporter.export(api, options), options.mediaType());
    }

    private static JsonNode parse(String text, ExportMediaType mediaType) {
        try {
            return (mediaType == ExportMediaType.YAML ? YAML : JSON).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fixture(String resource) {
        try (InputStream in = OpenApiExporterTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> extensionKeys(JsonNode node, String at) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            for (var field : node.properties()) {
                String place = at + "/" + field.getKey();
                if (field.getKey().startsWith("x-amazon-apigateway-")) {
                    found.add(place);
                }
                found.addAll(extensionKeys(field.getValue(), place));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(extensionKeys(node.get(i), at + "/" + i));
            }
        }
        return found;
    }
}
