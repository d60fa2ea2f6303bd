package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

/** Jayway JsonPath over parsed template values. */
class ValueJsonProviderTest {
    private final Object root =
            JsonDocument.parse(
                            "{\"bins\":[{\"type\":\"apples\",\"n\":2},{\"type\":\"pears\",\"n\":1.5}]}")
                    .orElseThrow()
                    .root();

    private Object read(String path) {
        return JsonPath.compile(path).read(root, ValueJsonProvider.configuration());
    }

    @Test
    void read_definitePath_givesTheValueItself() {
        assertThat(read("$.bins[1].n")).isEqualTo(1.5);
        assertThat(read("$.bins[0]").toString()).isEqualTo("{type=apples, n=2}");
    }

    @Test
    void read_severalMatches_giveAJsonArray() {
        assertThat(read("$.bins[*].type"))
                .isInstanceOf(JsonArray.class)
                .hasToString("[\"apples\",\"pears\"]");
        assertThat(read("$..n")).hasToString("[2,1.5]");
    }

    @Test
    void read_functionsAndFilters_work() {
        assertThat(read("$.bins.length()")).isEqualTo(2);
        assertThat(read("$.bins[?(@.n > 1.6)].type")).hasToString("[\"apples\"]");
    }

    @Test
    void parse_text_givesTemplateValues() {
        assertThat(ValueJsonProvider.configuration().jsonProvider().parse("[1,{\"a\":2}]"))
                .hasToString("[1,{\"a\":2}]");
    }
}
