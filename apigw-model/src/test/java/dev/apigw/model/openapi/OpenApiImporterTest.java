package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiImporterTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/openapi");

    @Test
    void importFile_swagger2AndOpenApi3OfOneApi_importEqualRestApis() {
        RestApi swagger =
                OpenApiImporter.create()
                        .importFile(FIXTURES.resolve("shelter-swagger2.yaml"))
                        .api();
        RestApi oas3 =
                OpenApiImporter.create().importFile(FIXTURES.resolve("shelter-oas3.json")).api();

        assertThat(swagger).isEqualTo(oas3);
        Method put = oas3.resource("/dogs/{dogId}").orElseThrow().method("PUT").orElseThrow();
        assertThat(put.requestParameters())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "method.request.path.dogId",
                                true,
                                "method.request.header.X-Trace",
                                false,
                                "method.request.querystring.dry",
                                true));
        assertThat(put.requestModels()).containsExactly(Map.entry("application/json", "Dog"));
        assertThat(put.operationName()).contains("ReplaceDog");
        assertThat(put.requestValidatorId()).contains("params");
        assertThat(put.apiKeyRequired()).isTrue();
        assertThat(put.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(put.authorizerId()).contains(oas3.authorizers().values().iterator().next().id());
        assertThat(put.methodResponses().get("201").responseParameters())
                .containsExactly(Map.entry("method.response.header.Location", false));
        assertThat(put.methodResponses().get("201").responseModels())
                .containsExactly(Map.entry("application/json", "Dog"));
        assertThat(put.integration().orElseThrow().httpMethod()).contains("PUT");
        assertThat(
                        put.integration()
                                .orElseThrow()
                                .integrationResponses()
                                .get("201")
                                .selectionPattern())
                .contains("2\\d{2}");
    }

    @Test
    void importStream_yamlDocument_importsLikeText() {
        String yaml = Docs.operation("/otters", "get", Docs.mock());
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(OpenApiImporter.create().importStream(in).api())
                .isEqualTo(importYaml(yaml).api());
    }

    @Test
    void importFile_jsonFile_imports(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"swagger\": \"2.0\", \"info\": {\"title\": \"Heron\"},"
                        + " \"paths\": {\"/nests\": {}}}");

        RestApi api = OpenApiImporter.create().importFile(file).api();

        assertThat(api.name()).isEqualTo("Heron");
        assertThat(api.resources()).containsOnlyKeys("/", "/nests");
    }

    @Test
    void importText_openApi31_imports() {
        String yaml =
                "openapi: 3.1.0\ninfo: {title: Lynx, version: '3'}\npaths:\n"
                        + "  /lynxes:\n    get:\n"
                        + Docs.mock().indent(6);

        assertThat(importYaml(yaml).api().resource("/lynxes")).isPresent();
    }

    @Test
    void importText_invalidYaml_failsAsInvalidInputAtRoot() {
        assertThatThrownBy(() -> importYaml("openapi: 3.0.1\ninfo: [unclosed\n"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class, e -> assertThat(e.pointer()).isEmpty())
                .hasMessageStartingWith("Invalid OpenAPI input");
    }

    @Test
    void importText_invalidJson_failsNamingLine() {
        assertThatThrownBy(() -> importYaml("{\"openapi\": \"3.0.1\",\n \"info\": }"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("Invalid OpenAPI input")
                .hasMessageContaining("line 2");
    }

    @Test
    void importText_notOpenApi_fails() {
        assertThatThrownBy(() -> importYaml("kind: Deployment\nmetadata: {name: web}\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage(
                        "not an OpenAPI document: it has neither an 'openapi' nor a"
                                + " 'swagger' field");
    }

    @Test
    void importText_unsupportedVersion_failsAtVersion() {
        assertThatThrownBy(() -> importYaml("openapi: 4.0.0\ninfo: {title: x}\npaths: {}\n"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/openapi"));
    }

    @Test
    void importText_missingTitle_failsAtTitle() {
        assertThatThrownBy(() -> importYaml("openapi: 3.0.1\ninfo: {version: '1'}\npaths: {}\n"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/info/title"));
    }

    @Test
    void importText_descriptionAndVersion_setOnApi() {
        RestApi api =
                importYaml(
                                "openapi: 3.0.1\ninfo: {title: Wren, description: Birds,"
                                        + " version: '2024-05'}\npaths: {}\n")
                        .api();

        assertThat(api.description()).contains("Birds");
        assertThat(api.version()).contains("2024-05");
    }

    @Test
    void importText_operationId_becomesOperationName() {
        Method m =
                importYaml(
                                Docs.operation(
                                        "/moles", "get", "operationId: ListMoles\n" + Docs.mock()))
                        .api()
                        .resource("/moles")
                        .orElseThrow()
                        .method("GET")
                        .orElseThrow();

        assertThat(m.operationName()).contains("ListMoles");
    }

    @Test
    void importText_anyMethodExtension_becomesAny() {
        RestApi api =
                importYaml(
                                Docs.operation(
                                        "/{proxy+}", "x-amazon-apigateway-any-method", Docs.mock()))
                        .api();

        assertThat(api.resource("/{proxy+}").orElseThrow().methods()).containsOnlyKeys("ANY");
    }

    @Test
    void importText_methodWithoutIntegration_importsWithWarning() {
        ImportResult result =
                importYaml(
                        Docs.operation(
                                "/voles", "delete", "responses: {'204': {description: gone}}\n"));

        assertThat(
                        result.api()
                                .resource("/voles")
                                .orElseThrow()
                                .method("DELETE")
                                .orElseThrow()
                                .integration())
                .isEmpty();
        assertThat(result.warnings())
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.pointer()).isEqualTo("/paths/~1voles/delete");
                            assertThat(w.message()).startsWith("No integration defined for method");
                        });
    }

    @Test
    void importText_warningWithFailOnWarnings_fails() {
        String yaml =
                Docs.operation("/voles", "delete", "responses: {'204': {description: gone}}\n");

        assertThatThrownBy(
                        () ->
                                importYaml(
                                        yaml, ImportOptions.builder().failOnWarnings(true).build()))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/paths/~1voles/delete"))
                .hasMessageContaining("Warnings found during import");
    }

    @Test
    void importText_invalidPathPart_failsAtPath() {
        assertThatThrownBy(
                        () -> importYaml(Docs.operation("/files/{name}.json", "get", Docs.mock())))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/paths/~1files~1{name}.json"))
                .hasMessageContaining("invalid path part");
    }

    @Test
    void importText_defaultRoute_failsAsHttpApi() {
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        Docs.operation(
                                                "/$default",
                                                "x-amazon-apigateway-any-method",
                                                Docs.mock())))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("HTTP API definition: the $default route");
    }

    @Test
    void importText_httpApiCors_importsWithWarning() {
        ImportResult result =
                importYaml(
                        Docs.operation("/gulls", "get", Docs.mock())
                                + "x-amazon-apigateway-cors: {allowOrigins: ['*']}\n");

        assertThat(result.warnings())
                .extracting(ImportWarning::pointer)
                .containsExactly("/x-amazon-apigateway-cors");
    }

    @Test
    void importText_responseHeadersRequired_declaredOnMethodResponse() {
        Method m =
                importYaml(
                                Docs.operation(
                                        "/eels",
                                        "get",
                                        """
                responses:
                  '200':
                    description: ok
                    headers:
                      X-Eel-Count: {required: true, schema: {type: integer}}
                      X-Eel-Tag: {schema: {type: string}}
                  default: {description: other}
                x-amazon-apigateway-integration: {type: mock}
                """))
                        .api()
                        .resource("/eels")
                        .orElseThrow()
                        .method("GET")
                        .orElseThrow();

        assertThat(m.methodResponses()).containsOnlyKeys("200");
        assertThat(m.methodResponses().get("200").responseParameters())
                .containsExactly(
                        Map.entry("method.response.header.X-Eel-Count", true),
                        Map.entry("method.response.header.X-Eel-Tag", false));
    }

    @Test
    void importText_generatedApiOf300ResourcesWith4Methods_importsEveryMethod() {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.1\ninfo: {title: Big}\npaths:\n");
        for (int i = 0; i < 300; i++) {
            yaml.append("  /items").append(i).append("/{id}:\n");
            for (String method : new String[] {"get", "put", "post", "delete"}) {
                yaml.append("    ")
                        .append(method)
                        .append(":\n")
                        .append("      parameters: [{name: id, in: path, required: true}]\n")
                        .append(Docs.mock().indent(6));
            }
        }

        RestApi api = importYaml(yaml.toString()).api();

        assertThat(api.resources()).hasSize(601);
        assertThat(api.resources().values().stream().mapToInt(r -> r.methods().size()).sum())
                .isEqualTo(1200);
    }
}
