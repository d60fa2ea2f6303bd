package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonDocument} parses straight into the values {@link JsonValues#of} made of Jackson trees,
 * and they print as those did.
 */
class JsonDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SCALARS = {
        "0",
        "-7",
        "2147483648",
        "12345678901234567890",
        "1.99",
        "-0.0",
        "1e3",
        "1E-7",
        "1e400",
        "true",
        "false",
        "null",
        "\"\"",
        "\"x y\"",
        "\"caf\u00e9 \\\"q\\\" \\u00e9\\n\""
    };

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parse_randomDocument_givesTheValuesOfTheTreeAndPrintsTheSame(int seed) throws Exception {
        String text = document(new Random(seed), 0);
        JsonNode tree = JSON.readTree(text);
        Object expected = JsonValues.of(tree);

        Object fromText = JsonDocument.parse(text).orElseThrow().root();
        Object fromBytes =
                JsonDocument.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow().root();

        assertThat(fromText).isEqualTo(expected);
        assertThat(fromBytes).isEqualTo(expected);
        assertThat(String.valueOf(fromText)).isEqualTo(String.valueOf(expected));
        assertThat(JsonValues.toJson(fromText)).isEqualTo(JsonValues.toJson(tree));
        assertThat(JsonValues.toJson(fromText)).isEqualTo(JSON.writeValueAsString(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,]", "{\"a\":}", "nope", "[1", "{\"a\" 1}"})
    void parse_notJson_isEmpty(String text) {
        assertThat(JsonDocument.parse(text)).isEmpty();
        assertThat(JsonDocument.parse(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{\"a\":1} x", "{\"a\":1}garbage", "1 2", "[] {}", "{}]", "\"s\"\u0000"})
    void parse_trailingContent_isReported(String text) {
        assertThat(JsonDocument.parse(text).orElseThrow().hasTrailingContent()).isTrue();
        assertThat(
                        JsonDocument.parse(text.getBytes(StandardCharsets.UTF_8))
                                .orElseThrow()
                                .hasTrailingContent())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "{\"a\":1} \n\t\r", "  7  ", "", "  "})
    void parse_onlyWhitespaceAfterTheValue_hasNoTrailingContent(String text) {
        assertThat(JsonDocument.parse(text).orElseThrow().hasTrailingContent()).isFalse();
    }

    @Test
    void parse_trailingContent_ignoredAsReadTreeDoes() {
        assertThat(JsonDocument.parse("{\"a\":1} x").orElseThrow().root())
                .isEqualTo(java.util.Map.of("a", 1));
    }

    @Test
    void parse_onlyWhitespaceOrJsonNull_givesNullRoot() {
        assertThat(JsonDocument.parse("  ").orElseThrow().root()).isNull();
        assertThat(JsonDocument.parse("null").orElseThrow().root()).isNull();
    }

    @Test
    void parse_arrays_areJsonArrays() {
        assertThat(JsonDocument.parse("{\"a\":[[1]]}").orElseThrow().root().toString())
                .isEqualTo("{a=[[1]]}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void copy_changingTheCopy_leavesTheOriginal() {
        Object root = JsonDocument.parse("{\"a\":[{\"b\":1}]}").orElseThrow().root();
        java.util.Map<String, Object> copy = (java.util.Map<String, Object>) JsonValues.copy(root);

        copy.put("c", 2);
        ((java.util.List<Object>) copy.get("a")).add(3);

        assertThat(JsonValues.toJson(root)).isEqualTo("{\"a\":[{\"b\":1}]}");
        assertThat(copy.get("a")).isInstanceOf(JsonArray.class);
    }

    private static String document(Random random, int depth) {
        int kind = depth > 4 ? 2 : random.nextInt(3);
        if (kind == 0) {
            StringBuilder object = new StringBuilder("{");
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                object.append(i == 0 ? "" : ",")
                        .append(" \"k")
                        .append(random.nextInt(4))
                        .append("\" : ")
                        .append(document(random, depth + 1));
            }
            return object.append("}").toString();
        }
        if (kind == 1) {
            StringBuilder array = new StringBuilder("[");
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                array.append(i == 0 ? "" : ", ").append(document(random, depth + 1));
            }
            return array.append("]").toString();
        }
        return SCALARS[random.nextInt(SCALARS.length)];
    }
}
