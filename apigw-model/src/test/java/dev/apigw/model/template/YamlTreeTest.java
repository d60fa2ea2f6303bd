package dev.apigw.model.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.OpenApiImportException;
import dev.apigw.model.openapi.OpenApiImporter;
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
                .isInstanceOf(IllegalArgumentException.class)
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
                .isInstanceOf(IllegalArgumentException.class)
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
                .isInstanceOf(IllegalArgumentException.class)
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

    @Test
    void importText_unknownAlias_failsAsAnOpenApiImportError() {
        assertThatThrownBy(
                        () ->
                                OpenApiImporter.create()
                                        .importText("openapi: 3.0.1\ninfo: *nowhere\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith("Invalid OpenAPI input: unknown YAML alias *nowhere");
    }

    @Test
    void read_shortFormTags_readAsTheirLongForms() throws IOException {
        JsonNode tree =
                read(
                        "a: !Ref Param\n"
                                + "b: !GetAtt Fn.Arn\n"
                                + "c: !Sub 'x-${AWS::Region}'\n"
                                + "d: !Join [',', [!Ref A, !GetAtt [B, C]]]\n"
                                + "e: !If [IsProd, !Select [0, !Split [',', 'x,y']], !Ref AWS::NoValue]\n"
                                + "f: !Equals [a, b]\n"
                                + "g: !Condition IsProd\n"
                                + "h: !!str 12\n");

        assertThat(tree.get("a").toString()).isEqualTo("{\"Ref\":\"Param\"}");
        assertThat(tree.get("b").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]}");
        assertThat(tree.get("c").toString()).isEqualTo("{\"Fn::Sub\":\"x-${AWS::Region}\"}");
        assertThat(tree.get("d").toString())
                .isEqualTo(
                        "{\"Fn::Join\":[\",\",[{\"Ref\":\"A\"},{\"Fn::GetAtt\":[\"B\",\"C\"]}]]}");
        assertThat(tree.get("e").toString())
                .isEqualTo(
                        "{\"Fn::If\":[\"IsProd\",{\"Fn::Select\":[0,{\"Fn::Split\":[\",\",\"x,y\"]}]},"
                                + "{\"Ref\":\"AWS::NoValue\"}]}");
        assertThat(tree.get("f").toString()).isEqualTo("{\"Fn::Equals\":[\"a\",\"b\"]}");
        assertThat(tree.get("g").toString()).isEqualTo("{\"Condition\":\"IsProd\"}");
        assertThat(tree.get("h").asText()).isEqualTo("12");
    }
}
