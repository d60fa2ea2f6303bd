package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rendering rules and limits: null handling of reference 1.3, limits of 1.1. */
class MappingTemplateTest {
    private final TemplateEngine engine = TemplateEngine.create();
    private final Templates templates = new Templates();

    private String render(String template, List<String> trace) {
        return engine.compile("t", template)
                .render(
                        new TemplateVariables(
                                Body.of("{}"),
                                Parameters.none(),
                                new HashMap<>(),
                                Map.of(),
                                new Overrides()),
                        trace::add);
    }

    @Test
    void render_setToMissingPath_setsNull() {
        assertThat(
                        templates.render(
                                "#set($x = 'before')#set($x = $input.path('$.missing'))[$x]"
                                        + "#if($x == $null)null#end#if(!$x)false#end",
                                "{\"a\":1}"))
                .isEqualTo("[]nullfalse");
    }

    @Test
    void render_notEquals_followsTheSameNullRule() {
        assertThat(
                        templates.render(
                                "#set($r = $input.path('$.none'))#if($r != \"\")ne#else eq#end"
                                        + "#if($r != $null)ne#else eq#end#if($r != 'x')ne#end",
                                "{}"))
                .isEqualTo(" eq eqne");
    }

    @Test
    void render_emptyTextEqualsNull_bothWays() {
        assertThat(
                        templates.render(
                                "#set($e = '')#if($e == $null)a#end#if($null == $e)b#end"
                                        + "#if($nothing == '')c#end#if('x' == $null)d#end",
                                "{}"))
                .isEqualTo("abc");
    }

    @Test
    void render_foreachOverThousand_stopsAndTraces() {
        List<String> trace = new ArrayList<>();

        String out = render("#foreach($i in [1..1200])x#end", trace);

        assertThat(out).hasSize(TemplateEngine.MAX_LOOPS);
        assertThat(trace).singleElement().asString().contains("stopped after 1000 iterations");
    }

    @Test
    void render_foreachOfExactlyThousand_isNotTraced() {
        List<String> trace = new ArrayList<>();

        assertThat(render("#foreach($i in [1..1000])y#end", trace)).hasSize(1000);
        assertThat(trace).isEmpty();
    }

    @Test
    void render_outputOverLimit_fails() {
        String text =
                "#set($k = '"
                        + "k".repeat(1000)
                        + "')#foreach($i in [1..1000])"
                        + "#foreach($j in [1..11])$k#end#end";

        assertThatThrownBy(() -> render(text, new ArrayList<>()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void render_stringDoublingInVariable_failsBeforeMemoryRunsOut() {
        assertThatThrownBy(
                        () ->
                                render(
                                        "#set($s = 'abcdefgh')#foreach($i in [1..64])"
                                                + "#set($s = \"$s$s\")#end",
                                        new ArrayList<>()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void render_methodThatThrows_failsWithTemplateError() {
        assertThatThrownBy(() -> templates.render("$util.base64Decode('%%%')", "{}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("base64Decode")
                .extracting(e -> ((TemplateException) e).failure())
                .isEqualTo(TemplateException.Failure.TEMPLATE_ERROR);
    }

    @Test
    void render_pathOverTextBody_failsWithBodyNotJson() {
        assertThatThrownBy(() -> templates.render("$input.json('$')", "<xml/>"))
                .isInstanceOf(TemplateException.class)
                .extracting(e -> ((TemplateException) e).failure())
                .isEqualTo(TemplateException.Failure.BODY_NOT_JSON);
        assertThat(templates.render("$input.body", "<xml/>")).isEqualTo("<xml/>");
    }

    @Test
    void render_sameTemplateTwice_givesSameText() {
        MappingTemplate t =
                engine.compile("t", "#set($r = $input.path('$'))$r.a #if($r.b == '')e#end");
        TemplateVariables v =
                new TemplateVariables(
                        Body.of("{\"a\":[1]}"),
                        Parameters.none(),
                        new HashMap<>(),
                        Map.of(),
                        new Overrides());

        assertThat(t.render(v)).isEqualTo("[1] e");
        assertThat(t.render(v)).isEqualTo("[1] e");
    }

    // The introspection cache is shared by renderings of one template (RenderContext): a node
    // that meets a value of another class resolves its method again.
    @Test
    void render_sameNodeOverValuesOfOtherClasses_resolvesForEachClass() {
        MappingTemplate t = engine.compile("t", "$input.path('$.v').isEmpty()");

        assertThat(t.render(variables("{\"v\": \"\"}"))).isEqualTo("true");
        assertThat(t.render(variables("{\"v\": [1]}"))).isEqualTo("false");
        assertThat(t.render(variables("{\"v\": {}}"))).isEqualTo("true");
        assertThat(t.render(variables("{\"v\": \"x\"}"))).isEqualTo("false");
        assertThat(t.render(variables("{\"v\": []}"))).isEqualTo("true");
    }

    @Test
    void render_concurrentlyOverValuesOfOtherClasses_givesEachItsOwnText() throws Exception {
        MappingTemplate t =
                engine.compile(
                        "t", "#set($v = $input.path('$.v'))$v.isEmpty() $v.size()$v.length()");
        String[] bodies = {
            "{\"v\": \"\"}", "{\"v\": [1, 2]}", "{\"v\": {\"a\": 1}}", "{\"v\": \"abc\"}"
        };
        String[] expected = {"true 0", "false 2", "false 1", "false 3"};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                Random random = new Random(42 + thread);
                runs.add(
                        pool.submit(
                                () -> {
                                    int wrong = 0;
                                    for (int i = 0; i < 2_000; i++) {
                                        int k = random.nextInt(bodies.length);
                                        wrong +=
                                                t.render(variables(bodies[k])).equals(expected[k])
                                                        ? 0
                                                        : 1;
                                    }
                                    return wrong;
                                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static TemplateVariables variables(String body) {
        return new TemplateVariables(
                Body.of(body), Parameters.none(), new HashMap<>(), Map.of(), new Overrides());
    }
}
