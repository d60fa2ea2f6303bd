package dev.apigw.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.Model;
import dev.apigw.model.RestApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSchemasTest {
    private static final String DRAFT_4 =
            "\"$schema\":\"http://json-schema.org/draft-04/schema#\",";

    private static ModelSchemas schemas(String apiId, Model... models) {
        RestApi.Builder api = RestApi.builder().name("models-" + apiId).id(apiId);
        for (Model model : models) {
            api.model(model);
        }
        return ModelSchemas.of(api.build());
    }

    private static String url(String apiId, String name) {
        return "https://apigateway.amazonaws.com/restapis/" + apiId + "/models/" + name;
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void validator_missingRequiredProperty_reportsJavaJsonToolsMessage() {
        BodyValidator schema =
                schemas(
                                "k3v9a1",
                                Model.json(
                                        "Signup",
                                        "{"
                                                + DRAFT_4
                                                + "\"type\":\"object\",\"required\":[\"email\"]}"))
                        .validator("Signup");

        assertThat(schema.validate(object("name", "ada")))
                .containsExactly("object has missing required properties ([\"email\"])");
        assertThat(schema.validate(object("email", "ada@example.org"))).isEmpty();
    }

    @Test
    void validator_refToOtherModelUrl_resolvesAmongTheApisModels() {
        String apiId = "r7q2ww";
        ModelSchemas schemas =
                schemas(
                        apiId,
                        Model.json(
                                "Owner",
                                "{\"type\":\"object\",\"required\":[\"id\"],"
                                        + "\"properties\":{\"id\":{\"type\":\"integer\"}}}"),
                        Model.json(
                                "Pet",
                                "{\"type\":\"object\",\"properties\":{\"owner\":{\"$ref\":\""
                                        + url(apiId, "Owner")
                                        + "\"}}}"));
        BodyValidator pet = schemas.validator("Pet");

        assertThat(pet.validate(object("owner", object("id", 12)))).isEmpty();
        assertThat(pet.validate(object("owner", object("id", "twelve"))))
                .containsExactly(
                        "instance type (string) does not match any allowed primitive type (allowed:"
                                + " [\"integer\"])");
    }

    @Test
    void validator_refWithAnotherApiId_resolvesByModelName() {
        ModelSchemas schemas =
                schemas(
                        "live01",
                        Model.json("Tag", "{\"type\":\"string\",\"maxLength\":3}"),
                        Model.json(
                                "Item",
                                "{\"type\":\"array\",\"items\":{\"$ref\":\""
                                        + url("importedid", "Tag")
                                        + "\"}}"));

        assertThat(schemas.validator("Item").validate(List.of("ab", "abcd")))
                .hasSize(1)
                .allSatisfy(m -> assertThat(m).contains("is too long"));
        assertThat(schemas.validator("Item").validate(List.of("ab", "cd"))).isEmpty();
    }

    @Test
    void validator_refWithFragment_selectsPartOfTheModel() {
        String apiId = "frag77";
        ModelSchemas schemas =
                schemas(
                        apiId,
                        Model.json(
                                "Shared",
                                "{\"definitions\":{\"Code\":{\"type\":\"string\","
                                        + "\"pattern\":\"^[A-Z]{2}$\"}}}"),
                        Model.json(
                                "Country",
                                "{\"type\":\"object\",\"properties\":{\"code\":{\"$ref\":\""
                                        + url(apiId, "Shared")
                                        + "#/definitions/Code\"}}}"));

        assertThat(schemas.validator("Country").validate(object("code", "FR"))).isEmpty();
        assertThat(schemas.validator("Country").validate(object("code", "fra"))).hasSize(1);
    }

    @Test
    void validator_recursiveModel_validatesNestedLevels() {
        String apiId = "tree42";
        ModelSchemas schemas =
                schemas(
                        apiId,
                        Model.json(
                                "Node",
                                "{\"type\":\"object\","
                                        + "\"required\":[\"label\"],\"properties\":{\"label\":{\"type\":\"string\"},"
                                        + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\""
                                        + url(apiId, "Node")
                                        + "\"}}}}"));
        BodyValidator node = schemas.validator("Node");

        assertThat(
                        node.validate(
                                object(
                                        "label",
                                        "root",
                                        "children",
                                        List.of(object("label", "leaf", "children", List.of())))))
                .isEmpty();
        assertThat(
                        node.validate(
                                object(
                                        "label",
                                        "root",
                                        "children",
                                        List.of(object("children", List.of())))))
                .containsExactly("object has missing required properties ([\"label\"])");
    }

    @Test
    void validator_localDefinitionsRef_resolvesInsideTheModel() {
        ModelSchemas schemas =
                schemas(
                        "local5",
                        Model.json(
                                "Order",
                                "{\"definitions\":"
                                        + "{\"qty\":{\"type\":\"integer\",\"minimum\":1}},\"type\":\"object\","
                                        + "\"properties\":{\"qty\":{\"$ref\":\"#/definitions/qty\"}}}"));

        assertThat(schemas.validator("Order").validate(object("qty", 0))).hasSize(1);
        assertThat(schemas.validator("Order").validate(object("qty", 3))).isEmpty();
    }

    @Test
    void validator_calledTwice_returnsTheSameCompiledSchema() {
        ModelSchemas schemas = schemas("same01", Model.json("Thing", "{\"type\":\"object\"}"));

        assertThat(schemas.validator("Thing")).isSameAs(schemas.validator("Thing"));
    }

    @Test
    void validator_builtInEmptyModel_acceptsObjectsOnly() {
        BodyValidator empty = schemas("empty1").validator("Empty");

        assertThat(empty.validate(object("any", 1))).isEmpty();
        assertThat(empty.validate(List.of(1))).hasSize(1);
    }

    @Test
    void validator_unknownModel_throwsNamingIt() {
        assertThatThrownBy(() -> schemas("none01").validator("Ghost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model Ghost does not exist");
    }

    @Test
    void validator_textNotJson_throwsNamingTheModel() {
        ModelSchemas schemas = schemas("bad001", Model.json("Broken", "{\"type\": "));

        assertThatThrownBy(() -> schemas.validator("Broken"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model Broken: schema is not JSON");
    }

    @Test
    void validator_invalidKeywordValue_throwsWithTheSyntaxMessage() {
        ModelSchemas schemas =
                schemas(
                        "bad002",
                        Model.json("Wrong", "{\"type\":\"object\",\"minProperties\":-2}"));

        assertThatThrownBy(() -> schemas.validator("Wrong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "model Wrong: invalid JSON Schema: [minProperties at '':"
                                + " integer value must be strictly positive]");
    }

    @Test
    void validator_refToMissingModel_throwsNamingBoth() {
        ModelSchemas schemas =
                schemas(
                        "bad003",
                        Model.json(
                                "Cart",
                                "{\"type\":\"object\","
                                        + "\"properties\":{\"line\":{\"$ref\":\""
                                        + url("bad003", "Line")
                                        + "\"}}}"));

        assertThatThrownBy(() -> schemas.validator("Cart"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model Cart: $ref names model Line, which does not exist");
    }

    @Test
    void validator_refToMissingPointer_throws() {
        ModelSchemas schemas =
                schemas(
                        "bad004",
                        Model.json(
                                "Loose",
                                "{\"type\":\"object\","
                                        + "\"properties\":{\"a\":{\"$ref\":\"#/definitions/nowhere\"}}}"));

        assertThatThrownBy(() -> schemas.validator("Loose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model Loose: $ref '#/definitions/nowhere' points to nothing");
    }

    @Test
    void validator_refToForeignUrl_throwsWithoutFetching() {
        ModelSchemas schemas =
                schemas(
                        "bad005",
                        Model.json(
                                "Remote",
                                "{\"$ref\":\"https://example.com/schemas/remote.json\"}"));

        assertThatThrownBy(() -> schemas.validator("Remote"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "model Remote: $ref 'https://example.com/schemas/remote.json'"
                                + " names no model of this API");
    }

    @Test
    void validator_refChainLoopingBack_throws() {
        String apiId = "loop01";
        ModelSchemas schemas =
                schemas(
                        apiId,
                        Model.json("Ping", "{\"$ref\":\"" + url(apiId, "Pong") + "\"}"),
                        Model.json("Pong", "{\"$ref\":\"" + url(apiId, "Ping") + "\"}"));

        assertThatThrownBy(() -> schemas.validator("Ping"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loops back on itself");
    }

    @Test
    void validator_brokenModelNobodyUses_doesNotFailOthers() {
        ModelSchemas schemas =
                schemas(
                        "iso001",
                        Model.json("Broken", "not json"),
                        Model.json("Fine", "{\"type\":\"string\"}"));

        assertThat(schemas.validator("Fine").validate("text")).isEmpty();
    }
}
