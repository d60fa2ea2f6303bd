package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code $input} of reference 1.3. */
class InputTest {
    private final Templates templates = new Templates();

    private static RenderBudget budget() {
        return new RenderBudget(
                new TemplateLimits(
                        System::nanoTime,
                        TemplateEngine.DEFAULT_TIME_BUDGET.toNanos(),
                        TemplateEngine.DEFAULT_WORK_BUDGET));
    }

    private static Input input(String body) {
        return new Input(Body.of(body), Parameters.none(), new JsonPaths(), budget());
    }

    @Test
    void json_matches_serializeAsJson() {
        Input input = input("{\"s\":\"x\\\"y\",\"n\":1.5,\"o\":{\"a\":[1,true,null]},\"z\":null}");

        assertThat(input.json("$.s")).isEqualTo("\"x\\\"y\"");
        assertThat(input.json("$.n")).isEqualTo("1.5");
        assertThat(input.json("$.o")).isEqualTo("{\"a\":[1,true,null]}");
        assertThat(input.json("$"))
                .isEqualTo("{\"s\":\"x\\\"y\",\"n\":1.5,\"o\":{\"a\":[1,true,null]},\"z\":null}");
        assertThat(input.json("$.z")).isEqualTo("null");
    }

    @Test
    void json_missingPath_isNullText() {
        assertThat(input("{\"a\":1}").json("$.b.c")).isEqualTo("null");
    }

    @Test
    void path_stringMatch_isBare() {
        assertThat(input("{\"a\":{\"b\":\"bee\"}}").path("$.a.b")).isEqualTo("bee");
        assertThat(input("{\"a\":{\"b\":\"bee\"}}").path("$.missing")).isNull();
    }

    @Test
    void path_indefinitePath_givesList() {
        assertThat(input("{\"l\":[{\"id\":1},{\"id\":2}]}").path("$.l[*].id").toString())
                .isEqualTo("[1,2]");
    }

    @Test
    void path_bodyNotJson_throwsBodyNotJson() {
        assertThatThrownBy(() -> input("name=ana&x=1").path("$.name"))
                .isInstanceOf(BodyNotJsonException.class)
                .hasMessageContaining("Unrecognized token");
        assertThat(input("name=ana&x=1").getBody()).isEqualTo("name=ana&x=1");
    }

    @Test
    void path_invalidExpression_failsTheTemplate() {
        assertThatThrownBy(() -> templates.render("$input.path('$.[')", "{}"))
                .isInstanceOf(TemplateException.class)
                .extracting(e -> ((TemplateException) e).failure())
                .isEqualTo(TemplateException.Failure.TEMPLATE_ERROR);
    }

    @Test
    void body_parsedOnce_whateverTheNumberOfQueries() {
        int[] parses = {0};
        Body body =
                Body.of(
                        "{\"a\":[1,2]}",
                        () -> {
                            parses[0]++;
                            return JsonDocument.parse("{\"a\":3}");
                        });
        Input input = new Input(body, Parameters.none(), new JsonPaths(), budget());

        input.path("$.a");
        input.json("$");
        input.path("$");

        assertThat(parses[0]).isEqualTo(1);
    }

    @Test
    void params_lookupOrderAndMapOrder_followReference() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("id", "from-header");
        header.put("X-Only", "h");
        Input input =
                new Input(
                        Body.of(""),
                        new Parameters(Map.of("id", "p9"), Map.of("id", "q", "q", "query"), header),
                        new JsonPaths(),
                        budget());

        assertThat(input.params("id")).isEqualTo("p9");
        assertThat(input.params("q")).isEqualTo("query");
        assertThat(input.params("X-Only")).isEqualTo("h");
        assertThat(input.params("nothing")).isEmpty();
        assertThat(input.params().keySet()).containsExactly("path", "querystring", "header");
    }

    @Test
    void jsonPaths_staticPath_compilesOnce() {
        JsonPaths paths = new JsonPaths();
        Input input = new Input(Body.of("{\"a\":1}"), Parameters.none(), paths, budget());

        input.path("$.a");
        input.path("$.a");
        input.json("$.a");

        assertThat(paths.cached()).isEqualTo(1);
    }
}
