package dev.apigw.runtime.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.mapping.JsonDocument;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Body fields of parameter mappings (reference 5.2, 5.3, 1.7 T12). */
class BodyPathTest {
    private static JsonDocument json(String text) throws IOException {
        return JsonDocument.parse(text).orElseThrow(() -> new IOException("not JSON: " + text));
    }

    @Test
    void read_valuesOfEveryKind_stringsBareOthersCompactJson() throws IOException {
        JsonDocument root =
                json(
                        "{\"a\":{\"s\":\"x y\",\"n\":12,\"b\":false,\"o\":{\"k\": [1, 2]},"
                                + "\"z\":null},\"list\":[\"p\",\"q\"]}");

        assertThat(BodyPath.compile("a.s").read(root)).contains("x y");
        assertThat(BodyPath.compile("a.n").read(root)).contains("12");
        assertThat(BodyPath.compile("a.b").read(root)).contains("false");
        assertThat(BodyPath.compile("a.o").read(root)).contains("{\"k\":[1,2]}");
        assertThat(BodyPath.compile("list[1]").read(root)).contains("q");
        assertThat(BodyPath.compile("a.z").read(root)).isEmpty();
        assertThat(BodyPath.compile("a.missing.deeper").read(root)).isEmpty();
        assertThat(BodyPath.compile("list[9]").read(root)).isEmpty();
    }

    @Test
    void read_rootNotAnObject_givesNothing() throws IOException {
        assertThat(BodyPath.compile("a").read(json("\"text\""))).isEmpty();
        assertThat(BodyPath.compile("a").read(json("[1]"))).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", ".a", "a[", "a[0", "a b", "a]"})
    void compile_invalidPath_throws(String path) {
        assertThatThrownBy(() -> BodyPath.compile(path))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
