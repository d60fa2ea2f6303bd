package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Velocity configuration of reference 1.1 and the variables of 1.3 to 1.5. */
class TemplateEngineTest {
    private final TemplateEngine engine = TemplateEngine.create();

    private static TemplateVariables variables(String body) {
        Map<String, Object> context = new HashMap<>();
        context.put("stage", "beta");
        context.put("identity", Map.of("sourceIp", "198.51.100.7"));
        return new TemplateVariables(
                Body.of(body),
                new Parameters(
                        Map.of("id", "p-17"),
                        Map.of("q", "cats", "id", "query-id"),
                        Map.of("X-Trace", "t-1", "q", "header-q")),
                context,
                Map.of("env", "blue"),
                new Overrides());
    }

    @Test
    void render_missingReferences_renderAsNothing() {
        MappingTemplate t = engine.compile("t", "[$nothing][$input.nothing][$context.error.x]");

        assertThat(t.render(variables("{}"))).isEqualTo("[][][]");
    }

    @Test
    void render_paramsLookup_searchesPathThenQueryThenHeader() {
        MappingTemplate t =
                engine.compile(
                        "t",
                        "$input.params('id')|$input.params('q')|$input.params('X-Trace')|$input.params('none')|");

        assertThat(t.render(variables("{}"))).isEqualTo("p-17|cats|t-1||");
    }

    @Test
    void render_paramsMap_hasPathQuerystringHeaderInOrder() {
        MappingTemplate t =
                engine.compile("t", "#foreach($type in $input.params().keySet())$type #end");

        assertThat(t.render(variables("{}"))).isEqualTo("path querystring header ");
    }

    @Test
    void render_emptyBody_isSeenAsEmptyObject() {
        MappingTemplate t = engine.compile("t", "#set($b = $input.body)$b");

        assertThat(t.render(variables(""))).isEqualTo("{}");
        assertThat(t.render(variables("raw text"))).isEqualTo("raw text");
    }

    @Test
    void render_contextAndStageVariables_areVisible() {
        MappingTemplate t =
                engine.compile(
                        "t",
                        "$context.stage $context.identity.sourceIp $stageVariables.env $stageVariables['env']");

        assertThat(t.render(variables("{}"))).isEqualTo("beta 198.51.100.7 blue blue");
    }

    @Test
    void render_hyphenInIdentifier_isOneReference() {
        Map<String, Object> context = new HashMap<>();
        context.put("X-Amz-Target", "Service.Op");
        MappingTemplate t = engine.compile("t", "$context.X-Amz-Target");

        assertThat(
                        t.render(
                                new TemplateVariables(
                                        Body.of(""),
                                        Parameters.none(),
                                        context,
                                        Map.of(),
                                        new Overrides())))
                .isEqualTo("Service.Op");
    }

    @Test
    void render_utilFunctions_encodeAsAwsDocuments() {
        MappingTemplate t =
                engine.compile(
                        "t",
                        "$util.urlEncode($input.body)|"
                                + "$util.base64Encode('a b')|$util.base64Decode('YSBi')|$util.urlDecode('a+b%21')|"
                                + "$util.escapeJavaScript(\"it's\")");

        assertThat(t.render(variables("{\"some\": \"value\"}")))
                .isEqualTo("%7B%22some%22%3A+%22value%22%7D|YSBi|a b|a b!|it\\'s");
    }

    @Test
    void render_foreach_stopsAfterThousandIterations() {
        MappingTemplate t = engine.compile("t", "#foreach($i in [1..1500])x#end");

        assertThat(t.render(variables("{}"))).hasSize(1000);
    }

    @Test
    void render_classAccess_isBlockedBySecureUberspector() {
        MappingTemplate t = engine.compile("t", "[$input.getClass().forName('java.lang.Runtime')]");

        assertThat(t.render(variables("{}"))).isEqualTo("[]");
    }

    @Test
    void compile_templateOver300KB_failsNamingThePlace() {
        String big = "x".repeat(TemplateEngine.MAX_TEMPLATE_BYTES + 1);

        assertThatThrownBy(() -> engine.compile("/pets GET request template application/json", big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/pets GET request template application/json")
                .hasMessageContaining("300 KB");
    }

    @Test
    void compile_unparsableTemplate_failsNamingThePlace() {
        assertThatThrownBy(
                        () ->
                                engine.compile(
                                        "/orders POST response 200 template text/xml",
                                        "#if($x) unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/orders POST response 200 template text/xml");
    }

    /** Velocity 1.7 keeps the indentation before a directive line and eats its newline. */
    @Test
    void render_spaceGobbling_followsVelocity17() {
        MappingTemplate t = engine.compile("t", "{\n  #set($a = 1)\n  \"a\": $a\n}");

        assertThat(t.render(variables("{}"))).isEqualTo("{\n    \"a\": 1\n}");
    }
}
