package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.Method;
import dev.apigw.model.Model;
import dev.apigw.model.RestApi;
import org.junit.jupiter.api.Test;

class ModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void convertDeclared_recursiveSchemas_refsRewrittenToModelUrls() throws Exception {
        RestApi api =
                importYaml(
                                Docs.oas3(
                                        "Trees",
                                        """
                paths: {}
                components:
                  schemas:
                    Tree:
                      type: object
                      description: a tree
                      properties:
                        root: {$ref: '#/components/schemas/Node'}
                    Node:
                      type: object
                      properties:
                        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                        label: {$ref: '#/components/schemas/Tree/properties/root'}
                """))
                        .api();

        String base = "https://apigateway.amazonaws.com/restapis/" + api.id() + "/models/";
        Model tree = api.models().get("Tree");
        assertThat(tree.contentType()).isEqualTo("application/json");
        assertThat(tree.description()).isEqualTo("a tree");
        JsonNode node = JSON.readTree(api.models().get("Node").schema());
        assertThat(node.at("/properties/children/items/$ref").asText()).isEqualTo(base + "Node");
        assertThat(node.at("/properties/label/$ref").asText())
                .isEqualTo(base + "Tree#/properties/root");
        assertThat(node.get("$schema").asText())
                .isEqualTo("http://json-schema.org/draft-04/schema#");
    }

    @Test
    void convertDeclared_refToNothing_failsAtRef() {
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        Docs.oas3(
                                                "Broken",
                                                """
                paths: {}
                components:
                  schemas:
                    Leaf: {type: object, properties: {stem: {$ref: '#/components/schemas/Stem'}}}
                """)))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo("/components/schemas/Leaf/properties/stem/$ref"))
                .hasMessageContaining("points to nothing");
    }

    @Test
    void modelFor_bodyRefToMissingModel_failsAtRef() {
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        Docs.operation(
                                                "/pots",
                                                "post",
                                                """
                requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Pot'}}}}
                x-amazon-apigateway-integration: {type: mock}
                """)))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo(
                                                "/paths/~1pots/post/requestBody/content/application~1json"
                                                        + "/schema/$ref"));
    }

    @Test
    void modelFor_inlineSchemas_becomeNamedModels() {
        RestApi api =
                importYaml(
                                Docs.operation(
                                        "/kilns/{kilnId}",
                                        "post",
                                        """
                requestBody:
                  content:
                    application/json: {schema: {type: object, required: [heat]}}
                    application/xml: {schema: {type: object}}
                responses:
                  '200':
                    description: ok
                    content: {application/json: {schema: {type: object, properties: {t: {type: integer}}}}}
                x-amazon-apigateway-integration: {type: mock}
                """))
                        .api();

        Method m = api.resource("/kilns/{kilnId}").orElseThrow().method("POST").orElseThrow();
        assertThat(m.requestModels())
                .containsEntry("application/json", "PostKilnsKilnIdRequest")
                .containsEntry("application/xml", "PostKilnsKilnIdRequest2");
        assertThat(m.methodResponses().get("200").responseModels())
                .containsEntry("application/json", "PostKilnsKilnIdResponse200");
        assertThat(api.models().get("PostKilnsKilnIdRequest").schema()).contains("\"heat\"");
    }

    @Test
    void convertDeclared_swagger2Definitions_becomeModels() {
        RestApi api =
                importYaml(
                                """
                swagger: '2.0'
                info: {title: Jars}
                paths: {}
                definitions:
                  Jar: {type: object, properties: {lid: {$ref: '#/definitions/Lid'}}}
                  Lid: {type: string}
                """)
                        .api();

        assertThat(api.models()).containsOnlyKeys("Jar", "Lid");
        assertThat(api.models().get("Jar").schema())
                .contains("/restapis/" + api.id() + "/models/Lid");
    }
}
