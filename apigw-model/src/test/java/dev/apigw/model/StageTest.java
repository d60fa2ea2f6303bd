package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stage names, stage variables and cache sizes (reference 1.5, 9.1, 9.3 and 9.5). */
class StageTest {

    private static Stage.Builder stage() {
        return Stage.builder().stageName("dev");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "v1", "my-stage_2", "A", "_", "-"})
    void build_validStageName_isKept(String name) {
        assertThat(Stage.builder().stageName(name).build().stageName()).isEqualTo(name);
    }

    @Test
    void build_stageNameOf128Chars_isKeptAnd129Throws() {
        String name128 = "s".repeat(128);

        assertThat(Stage.builder().stageName(name128).build().stageName()).hasSize(128);
        assertThatThrownBy(() -> Stage.builder().stageName(name128 + "x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("up to 128 characters");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"my stage", "st.age", "stage/1", "$default", "\u00e9t\u00e9", "a+b"})
    void build_invalidStageName_throwsNamingIt(String name) {
        assertThatThrownBy(() -> Stage.builder().stageName(name).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stageName '" + name + "'");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " "})
    void build_blankStageName_throwsNamingField(String name) {
        assertThatThrownBy(() -> Stage.builder().stageName(name).build())
                .hasMessage("stageName is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "url",
                "lambdaAlias",
                "A_1",
                "_",
                "x234567890123456789012345678901234567890123456789012345678901234"
            })
    void build_validVariableName_isKept(String name) {
        assertThat(stage().putVariable(name, "v").build().variables()).containsEntry(name, "v");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "my-var",
                "a.b",
                "a b",
                "",
                "\u00e9",
                "x2345678901234567890123456789012345678901234567890123456789012345"
            })
    void build_invalidVariableName_throwsNamingIt(String name) {
        assertThatThrownBy(() -> stage().putVariable(name, "v").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable name '" + name + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "example.com",
                "https://example.com/a?b=c&d=e#f",
                "arn:aws:x",
                "v1,v2",
                "~tilde-dash_under.dot"
            })
    void build_validVariableValue_isKept(String value) {
        assertThat(stage().putVariable("v", value).build().variables()).containsEntry("v", value);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "has space",
                "quote\"",
                "a+b",
                "semi;colon",
                "pct%20",
                "\u00e9",
                "{brace}"
            })
    void build_invalidVariableValue_throwsNamingVariable(String value) {
        assertThatThrownBy(() -> stage().putVariable("target", value).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value of variable 'target'");
    }

    @Test
    void build_variableValueOf512Chars_isKeptAnd513Throws() {
        assertThat(stage().putVariable("v", "a".repeat(512)).build().variables().get("v"))
                .hasSize(512);
        assertThatThrownBy(() -> stage().putVariable("v", "a".repeat(513)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("up to 512 characters");
    }

    @Test
    void build_100Variables_isKeptAnd101Throws() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            variables.put("v" + i, "x" + i);
        }

        assertThat(stage().variables(variables).build().variables()).hasSize(100);
        variables.put("one_more", "y");
        assertThatThrownBy(() -> stage().variables(variables).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100 stage variables");
    }

    @Test
    void build_defaults_asAws() {
        Stage s = stage().build();

        assertThat(s.cacheClusterEnabled()).isFalse();
        assertThat(s.tracingEnabled()).isFalse();
        assertThat(s.methodSettings()).isEmpty();
        assertThat(s.variables()).isEmpty();
        assertThat(s.canarySettings()).isEmpty();
        assertThat(s.deploymentId()).isEmpty();
    }

    @Test
    void variables_keptInDefinitionOrder() {
        Stage s =
                stage().putVariable("zeta", "1")
                        .putVariable("alpha", "2")
                        .putVariable("mid", "3")
                        .build();

        assertThat(s.variables().keySet()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void toBuilderAndCopy_roundTripAndChange() {
        Stage original =
                stage().deploymentId("d1")
                        .description("desc")
                        .putVariable("a", "b")
                        .putMethodSetting(
                                "*/*", MethodSetting.builder().metricsEnabled(true).build())
                        .cacheClusterEnabled(true)
                        .cacheClusterSize("0.5")
                        .tracingEnabled(true)
                        .build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        Stage changed = original.copy(b -> b.deploymentId("d2"));
        assertThat(changed.deploymentId()).contains("d2");
        assertThat(original.deploymentId()).contains("d1");
        assertThat(changed.methodSettings()).isEqualTo(original.methodSettings());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"})
    void build_cacheClusterSizeOfAws_isKept(String size) {
        assertThat(stage().cacheClusterSize(size).build().cacheClusterSize()).contains(size);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2", "0.50", "118.0", "", "1GB"})
    void build_unknownCacheClusterSize_throwsNamingStageAndField(String size) {
        assertThatThrownBy(() -> stage().cacheClusterSize(size).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "stage dev: cacheClusterSize '"
                                + size
                                + "' must be one of [0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237]");
    }
}
