package dev.apigw.runtime.gatewayresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gateway response templates: simple substitution, not VTL (reference 3.2). */
class SubstitutionTemplateTest {
    private static String render(String template, Map<String, String> values) {
        return SubstitutionTemplate.parse(template).render(values::get);
    }

    @Test
    void render_contextAndStageVariableReferences_substitutesValues() {
        String out =
                render(
                        "{\"a\":\"$context.requestId\",\"b\":\"$stageVariables.color\"}",
                        Map.of("context.requestId", "req-9", "stageVariables.color", "teal"));

        assertThat(out).isEqualTo("{\"a\":\"req-9\",\"b\":\"teal\"}");
    }

    @Test
    void render_unknownReference_rendersEmpty() {
        String out = render("[$context.nope][$stageVariables.missing]", Map.of());

        assertThat(out).isEqualTo("[][]");
    }

    @Test
    void render_otherDollarText_isKept() {
        String out =
                render(
                        "$input.body $util.x $other $ $context $contextual $stageVariables.",
                        Map.of("context.x", "never"));

        assertThat(out)
                .isEqualTo(
                        "$input.body $util.x $other $ $context $contextual " + "$stageVariables.");
    }

    @Test
    void render_vtlDirectives_areCopiedAsText() {
        String out =
                render("#set($a = 1)#if($a)$context.stage#end", Map.of("context.stage", "beta"));

        assertThat(out).isEqualTo("#set($a = 1)#if($a)beta#end");
    }

    @Test
    void render_dottedNames_stopBeforeTrailingDotAndPunctuation() {
        String out =
                render(
                        "$context.error.message. ($context.identity.sourceIp)!",
                        Map.of(
                                "context.error.message",
                                "Boom",
                                "context.identity.sourceIp",
                                "10.1.2.3"));

        assertThat(out).isEqualTo("Boom. (10.1.2.3)!");
    }

    @Test
    void render_adjacentReferences_bothSubstituted() {
        String out =
                render(
                        "$context.stage$stageVariables.v$context.stage",
                        Map.of("context.stage", "s1", "stageVariables.v", "-"));

        assertThat(out).isEqualTo("s1-s1");
    }

    @Test
    void render_templateWithoutReferences_isUnchanged() {
        assertThat(render("{\"fixed\": true}", Map.of())).isEqualTo("{\"fixed\": true}");
        assertThat(render("", Map.of())).isEmpty();
    }
}
