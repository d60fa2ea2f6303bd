package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * YAML anchors, aliases and merge keys resolve on import (reference 4.3), as YAML parsers resolve
 * them; alias bombs fail with an import error.
 */
class YamlTreeTest {
    private static final ObjectMapper YAML = new YAMLMapper();

    private static JsonNode read(String yaml) throws IOException {
        return YamlTree.read(YAML, yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_aliasOfAMap_copiesTheAnchoredMap() throws IOException {
        JsonNode tree = read("a: &x {k: 1, l: [true, null]}\nb: *x\n");

        assertThat(tree.get("b")).isEqualTo(tree.get("a"));
        assertThat(tree.get("b").get("k").isInt()).isTrue();
    }

    @Test
    void read_aliasOfAScalar_failsRatherThanImportingTheAnchorName() {
        assertThatThrownBy(() -> read("a: &v hello\nb: *v\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("unknown YAML alias *v")
                .hasMessageContaining("not of single values");
    }

    @Test
    void read_mergeKey_addsTheFieldsNotSetHere() throws IOException {
        JsonNode tree = read("base: &b {x: 1, y: 2}\nthis:\n  <<: *b\n  y: 3\n");

        assertThat(tree.get("this").toString()).isEqualTo("{\"y\":3,\"x\":1}");
    }

    @Test
    void read_documentWithoutAliases_isWhatJacksonReads() throws IOException {
        String yaml =
                "openapi: 3.0.1\npaths:\n  /p:\n    get: {responses: {'200': {x: 1.5}}}\n"
                        + "list: [a, 2, ~, 2016-01-01]\n";

        assertThat(read(yaml)).isEqualTo(YAML.readTree(yaml));
    }

    @Test
    void read_unknownAlias_failsNamingTheAlias() {
        assertThatThrownBy(() -> read("a: *nowhere\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("unknown YAML alias *nowhere");
    }

    @Test
    void read_aliasBomb_failsInsteadOfExhaustingMemory() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }

        assertThatThrownBy(() -> read(yaml.toString()))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("more than 1000000 nodes");
    }

    @Test
    void importText_integrationSharedByAnAlias_importsOnEveryMethod() {
        String definition =
                """
                openapi: 3.0.1
                info: {title: shared, version: '1'}
                paths:
                  /a:
                    get:
                      x-amazon-apigateway-integration: &mock
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                  /b:
                    get:
                      x-amazon-apigateway-integration: *mock
                """;

        RestApi api = OpenApiImporter.create().importText(definition).api();

        assertThat(api.resource("/b").orElseThrow().method("GET").orElseThrow().integration())
                .hasValueSatisfying(
                        i -> {
                            assertThat(i.type()).isEqualTo(IntegrationType.MOCK);
                            assertThat(i.requestTemplates()).containsKey("application/json");
                        });
    }
}
