package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.SelectionExpression.Literal;
import dev.apigw.model.SelectionExpression.Variable;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebSocket selection expressions (reference section 7.3): parsing into static text and variables
 * at build time, the errors of a malformed expression, and evaluation over a lookup with the
 * examples of 7.3 (message {@code {"service":"chat","action":"join","data":{"room":"room1234"}}}).
 */
class SelectionExpressionTest {
    /** The 7.3 example message, as the variables a runtime would resolve; others are missing. */
    private static final Map<String, String> MESSAGE =
            Map.of(
                    "request.body.service", "chat",
                    "request.body.action", "join",
                    "request.body.data.room", "room1234");

    private static final Function<String, String> LOOKUP = MESSAGE::get;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$request.body.action|join",
                "${request.body.action}|join",
                "${request.body.service}/${request.body.action}|chat/join",
                "${request.body.action}-${request.body.invalidPath}|join-",
                "action|action",
                "\\$default|$default",
                "${request.body.data.room}|room1234",
                "$request.body.service$request.body.action|chatjoin"
            })
    void evaluate_referenceExamples_giveTheDocumentedKey(String expression, String key) {
        assertThat(SelectionExpression.parse(expression).evaluate(LOOKUP)).isEqualTo(key);
    }

    @Test
    void parse_mixedExpression_keepsPartsInOrder() {
        SelectionExpression e =
                SelectionExpression.parse("v-${request.body.version}-beta \\$ $context.stage");

        assertThat(e.parts())
                .containsExactly(
                        new Literal("v-"),
                        new Variable("request.body.version"),
                        new Literal("-beta $ "),
                        new Variable("context.stage"));
        assertThat(e.variables())
                .extracting(Variable::name)
                .containsExactly("request.body.version", "context.stage");
        assertThat(e.isStatic()).isFalse();
        assertThat(e.toString()).isEqualTo("v-${request.body.version}-beta \\$ $context.stage");
    }

    @Test
    void parse_bareVariable_endsAtACharacterNamesDoNotHave() {
        SelectionExpression e = SelectionExpression.parse("$request.header.x-api-key/x");

        assertThat(e.parts())
                .containsExactly(new Variable("request.header.x-api-key"), new Literal("/x"));
    }

    @Test
    void parse_escapedDefault_isStatic() {
        SelectionExpression e = SelectionExpression.parse("\\$default");

        assertThat(e.isStatic()).isTrue();
        assertThat(e.parts()).containsExactly(new Literal("$default"));
        assertThat(e.evaluate(name -> "never")).isEqualTo("$default");
    }

    @Test
    void evaluate_valueLookingLikeAVariable_isNotEvaluatedAgain() {
        SelectionExpression e = SelectionExpression.parse("$request.body.action");

        assertThat(e.evaluate(name -> name.equals("request.body.action") ? "${x}" : "no"))
                .isEqualTo("${x}");
    }

    @Test
    void bodyJsonPath_bodyVariables_giveTheirJsonPath() {
        assertThat(new Variable("request.body.action").bodyJsonPath()).contains("$.action");
        assertThat(new Variable("request.body.data.room").bodyJsonPath()).contains("$.data.room");
        assertThat(new Variable("request.body").bodyJsonPath()).contains("$");
        assertThat(new Variable("request.body[0]").bodyJsonPath()).contains("$[0]");
        assertThat(new Variable("request.bodyx").bodyJsonPath()).isEmpty();
        assertThat(new Variable("context.stage").bodyJsonPath()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"${request.body.action", "a-${", "x${request.body.a}${b"})
    void parse_unclosedBrace_throwsNamingExpressionAndPosition(String expression) {
        assertThatThrownBy(() -> SelectionExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("selection expression '" + expression + "': the ${ at")
                .hasMessageContaining("is not closed by }");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"${}", "${ }", "${a${b}"})
    void parse_emptyOrNestedBraces_throws(String expression) {
        assertThatThrownBy(() -> SelectionExpression.parse(expression))
                .hasMessageContaining("is not a variable name");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"$", "a$", "$1abc", "$ x", "$.action"})
    void parse_dollarStartingNoVariable_throwsSuggestingEscape(String expression) {
        assertThatThrownBy(() -> SelectionExpression.parse(expression))
                .hasMessageStartingWith("selection expression '" + expression + "': the $ at")
                .hasMessageContaining("write \\$ for a literal dollar");
    }

    @Test
    void parse_emptyOrNull_throws() {
        assertThatThrownBy(() -> SelectionExpression.parse(""))
                .hasMessage("selection expression is required");
        assertThatThrownBy(() -> SelectionExpression.parse(null))
                .hasMessage("selection expression is required");
    }

    @Test
    void equals_sameText_sameExpression() {
        assertThat(SelectionExpression.parse("$request.body.action"))
                .isEqualTo(SelectionExpression.parse("$request.body.action"))
                .isNotEqualTo(SelectionExpression.parse("${request.body.action}"));
    }
}
