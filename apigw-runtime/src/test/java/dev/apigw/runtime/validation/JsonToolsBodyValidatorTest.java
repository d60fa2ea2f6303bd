package dev.apigw.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.Model;
import dev.apigw.model.RestApi;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The java-json-tools validator: its messages and the plain-value tree it validates. */
class JsonToolsBodyValidatorTest {
    private static BodyValidator schema(String name, String text) {
        return ModelSchemas.of(
                        RestApi.builder()
                                .name("body-" + name)
                                .model(Model.json(name, text))
                                .build())
                .validator(name);
    }

    @Test
    void validate_severalFailures_listsEveryMessageInOrder() {
        BodyValidator schema =
                schema(
                        "Person",
                        "{\"type\":\"object\",\"required\":[\"name\"],"
                                + "\"properties\":{\"age\":{\"type\":\"integer\",\"minimum\":0},"
                                + "\"nick\":{\"type\":\"string\",\"maxLength\":4}}}");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("age", -3);
        body.put("nick", "Grace");

        assertThat(schema.validate(body))
                .containsExactly("object has missing required properties ([\"name\"])");
    }

    @Test
    void validate_infiniteNumber_failsOutOfRangeInsteadOfThrowing() {
        BodyValidator schema =
                schema(
                        "Price",
                        "{\"type\":\"object\","
                                + "\"properties\":{\"price\":{\"type\":\"number\",\"minimum\":0}}}");

        assertThat(schema.validate(Map.of("price", Double.POSITIVE_INFINITY)))
                .containsExactly(BodyValidator.OUT_OF_RANGE);
        assertThat(schema.validate(Map.of("price", Double.NEGATIVE_INFINITY)))
                .containsExactly(BodyValidator.OUT_OF_RANGE);
        assertThat(schema.validate(Map.of("price", 1e300))).isEmpty();
    }

    @Test
    void validate_nestedFailures_reportsEachProperty() {
        BodyValidator schema =
                schema(
                        "Limits",
                        "{\"type\":\"object\","
                                + "\"properties\":{\"age\":{\"type\":\"integer\",\"minimum\":0},"
                                + "\"nick\":{\"type\":\"string\",\"maxLength\":4}}}");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("age", -3);
        body.put("nick", "Grace");

        assertThat(schema.validate(body))
                .containsExactly(
                        "numeric instance is lower than the required minimum (minimum: 0, found: -3)",
                        "string \"Grace\" is too long (length: 5, maximum allowed: 4)");
    }

    @Test
    void validate_oneOfWithNull_acceptsNullAndTheOtherType() {
        BodyValidator schema =
                schema(
                        "Maybe",
                        "{\"type\":\"object\",\"properties\":{\"note\":"
                                + "{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"string\"}]}}}");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("note", null);

        assertThat(schema.validate(withNull)).isEmpty();
        assertThat(schema.validate(Map.of("note", "hi"))).isEmpty();
        assertThat(schema.validate(Map.of("note", 7)))
                .containsExactly(
                        "instance failed to match exactly one schema (matched 0 out of 2)");
    }

    @Test
    void validate_enumFailure_quotesAllowedValues() {
        BodyValidator schema = schema("Kind", "{\"type\":\"string\",\"enum\":[\"dog\",\"cat\"]}");

        assertThat(schema.validate("fish"))
                .containsExactly(
                        "instance value (\"fish\") not found in enum (possible values: [\"dog\",\"cat\"])");
    }

    @Test
    void validate_numbersOfEveryParsedType_keepTheirJsonType() {
        BodyValidator integer = schema("Whole", "{\"type\":\"integer\"}");

        assertThat(integer.validate(5)).isEmpty();
        assertThat(integer.validate(5_000_000_000L)).isEmpty();
        assertThat(integer.validate(new BigInteger("123456789012345678901234567890"))).isEmpty();
        assertThat(integer.validate(2.5))
                .containsExactly(
                        "instance type (number) does not"
                                + " match any allowed primitive type (allowed: [\"integer\"])");
        assertThat(
                        schema("Fraction", "{\"type\":\"number\",\"multipleOf\":0.01}")
                                .validate(new BigDecimal("1.25")))
                .isEmpty();
    }

    @Test
    void validate_booleanAndNullRoot_areTyped() {
        BodyValidator schema = schema("Flag", "{\"type\":\"boolean\"}");

        assertThat(schema.validate(Boolean.TRUE)).isEmpty();
        assertThat(schema.validate(null))
                .containsExactly(
                        "instance type (null) does not match"
                                + " any allowed primitive type (allowed: [\"boolean\"])");
    }

    @Test
    void node_plainValues_equalJacksonsTree() throws Exception {
        String text = "{\"a\":[1,2.5,\"x\",true,null,{\"b\":12345678901}],\"c\":{}}";
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 12345678901L);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", Arrays.asList(1, 2.5, "x", true, null, inner));
        value.put("c", Map.of());
        JsonNode expected = new ObjectMapper().readTree(text);

        assertThat(JsonToolsBodyValidator.node(value)).isEqualTo(expected);
    }

    @Test
    void node_notAJsonValue_throws() {
        assertThatThrownBy(() -> JsonToolsBodyValidator.node(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a JSON value");
    }

    @Test
    void modelName_returnsTheModel() {
        assertThat(schema("Named", "{}").modelName()).isEqualTo("Named");
    }
}
