package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code $context.requestOverride} and {@code responseOverride} of reference 1.6. */
class OverridesTest {
    private final Templates templates = new Templates();

    @Test
    void render_everyAssignmentForm_setsTheOverride() {
        Overrides overrides = new Overrides();

        String out =
                templates.render(
                        "#set($n = \"foo\")#set($context.requestOverride.querystring[$n] = \"bar\")"
                                + "$context.requestOverride.querystring.put(\"putfoo\", \"putBar\")"
                                + "#set($context[\"requestOverride\"].querystring[\"nestedfoo\"] = \"nestedFoo\")"
                                + "#set($context.requestOverride.path.id = 42)"
                                + "#set($context.requestOverride.header.X-Multi = [\"a\", \"b\"])",
                        "{}",
                        overrides);

        assertThat(out).isEmpty();
        assertThat(overrides.requestQuerystring())
                .containsExactly(
                        Map.entry("foo", List.of("bar")),
                        Map.entry("putfoo", List.of("putBar")),
                        Map.entry("nestedfoo", List.of("nestedFoo")));
        assertThat(overrides.requestPath()).containsExactly(Map.entry("id", "42"));
        assertThat(overrides.requestHeaders())
                .containsExactly(Map.entry("X-Multi", List.of("a", "b")));
    }

    @Test
    void render_secondSetOfOneName_failsTheTemplate() {
        assertThatThrownBy(
                        () ->
                                templates.render(
                                        "#set($context.requestOverride.header.h1 = 'a')"
                                                + "#set($context.requestOverride.header.H1 = 'b')",
                                        "{}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("already set");
        assertThatThrownBy(
                        () ->
                                templates.render(
                                        "#set($context.responseOverride.status = 201)"
                                                + "#set($context.responseOverride.status = 202)",
                                        "{}"))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void render_responseOverride_isReadableLater() {
        Overrides overrides = new Overrides();
        templates.render(
                "#set($context.responseOverride.status = 444)"
                        + "#set($context.responseOverride.custom = \"is also passed around\")",
                "{}",
                overrides);

        assertThat(
                        templates.render(
                                "$context.responseOverride.status|$context.responseOverride.custom",
                                "{}",
                                overrides))
                .isEqualTo("444|is also passed around");
        assertThat(overrides.responseStatus()).hasValue(444);
    }

    @Test
    void responseStatus_textAndNonIntegers_parseOrAreIgnored() {
        Overrides text = new Overrides();
        text.responseOverride().put("status", " 418 ");
        Overrides fraction = new Overrides();
        fraction.responseOverride().put("status", 200.5);
        Overrides word = new Overrides();
        word.responseOverride().put("status", "teapot");

        assertThat(text.responseStatus()).hasValue(418);
        assertThat(fraction.responseStatus()).isEmpty();
        assertThat(word.responseStatus()).isEmpty();
        assertThat(new Overrides().responseStatus()).isEmpty();
    }

    @Test
    void requestHeaders_nothingSet_isEmpty() {
        Overrides overrides = new Overrides();

        assertThat(overrides.requestHeaders()).isEmpty();
        assertThat(overrides.requestPath()).isEmpty();
        assertThat(overrides.responseHeaders()).isEmpty();
    }

    @Test
    void entrySet_cannotRemove() {
        Map<String, Object> map = new Overrides().requestOverride();

        assertThatThrownBy(() -> map.remove("header"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
