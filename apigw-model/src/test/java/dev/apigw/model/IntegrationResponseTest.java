package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Integration responses and their selection patterns (reference 6.1). */
class IntegrationResponseTest {

    private static IntegrationResponse withPattern(String pattern) {
        return IntegrationResponse.builder().statusCode("400").selectionPattern(pattern).build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4\\d{2", "(unclosed", "*start", "[a-", "a{2,1}"})
    void build_invalidRegex_throwsNamingField(String pattern) {
        assertThatThrownBy(() -> withPattern(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "selectionPattern '"
                                + pattern
                                + "' is not a valid Java regular expression");
    }

    @ParameterizedTest(name = "/{0}/ on \"{1}\": {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Invalid*|Invalid input|false",
                "Invalid.*|Invalid input|true",
                "404|404|true",
                "404|1404|false",
                "404|4040|false",
                ".*404.*|Error 404 here|true",
                "2\\d{2}|200|true",
                "2\\d{2}|2000|false",
                "4\\d{2}|500|false",
                ".*four hundred.*|Error: Raising four hundred from within the Lambda function|true",
                ".+|any error|true",
                ".*|''|true",
                ".+|''|false",
            })
    void matches_wholeValue_asStringMatches(String pattern, String value, boolean matches) {
        assertThat(withPattern(pattern).matches(value)).isEqualTo(matches);
    }

    @Test
    void matches_multiLineMessage_dotStopsAtNewline() {
        String stackTrace = "Error: line one\n\tat Handler.handle(Handler.java:1)";

        assertThat(withPattern("Error.*").matches(stackTrace)).isFalse();
        assertThat(withPattern("Error(\n|.)*").matches(stackTrace)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {""})
    void build_emptyPattern_isDefaultAndMatchesNothingItself(String pattern) {
        IntegrationResponse r = withPattern(pattern);

        assertThat(r.isDefault()).isTrue();
        assertThat(r.selectionPattern()).isEmpty();
        assertThat(r.matches("")).isFalse();
        assertThat(r.matches("200")).isFalse();
    }

    @Test
    void build_noPattern_isDefault() {
        IntegrationResponse r = IntegrationResponse.builder().statusCode(200).build();

        assertThat(r.isDefault()).isTrue();
        assertThat(r.statusCode()).isEqualTo("200");
    }

    @Test
    void build_patternSet_isNotDefault() {
        assertThat(withPattern(".*").isDefault()).isFalse();
        assertThat(withPattern(".*").selectionPattern()).contains(".*");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99", "600", "20", "2000", "abc", "0"})
    void build_badStatusCode_throwsAwsPattern(String status) {
        assertThatThrownBy(() -> IntegrationResponse.builder().statusCode(status).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must satisfy regular expression pattern: [1-5]\\d\\d");
    }

    @Test
    void build_noStatusCode_throwsNamingField() {
        assertThatThrownBy(() -> IntegrationResponse.builder().build())
                .hasMessage("statusCode is required");
    }

    @Test
    void toBuilderAndCopy_roundTripAndChange() {
        IntegrationResponse original =
                IntegrationResponse.builder()
                        .statusCode("502")
                        .selectionPattern(".+")
                        .putResponseParameter("method.response.header.X", "'v'")
                        .putResponseTemplate("application/json", "$input.body")
                        .contentHandling(ContentHandlingStrategy.CONVERT_TO_TEXT)
                        .build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        IntegrationResponse changed = original.copy(b -> b.selectionPattern("x"));
        assertThat(changed.matches("x")).isTrue();
        assertThat(original.matches("x")).isTrue();
        assertThat(changed.matches("xy")).isFalse();
        assertThat(original.matches("xy")).isTrue();
    }
}
