package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query-string parsing as API Gateway does for REST APIs (reference 2.1 and 7.1). */
class QueryStringTest {

    @Test
    void parse_awsValidatedQuery_formDecodesEveryValue() {
        Map<String, List<String>> q =
                QueryString.parse(
                        "dateTimeOffset=2023-06-12T18:05:10.123456+00:00&email=test%2Balias@gmail.com"
                                + "&plus=test+alias@gmail.com&url=https://www.google.com/"
                                + "&whitespace=foo%20bar&zhash=abort/");

        assertThat(q)
                .containsExactly(
                        Map.entry("dateTimeOffset", List.of("2023-06-12T18:05:10.123456 00:00")),
                        Map.entry("email", List.of("test+alias@gmail.com")),
                        Map.entry("plus", List.of("test alias@gmail.com")),
                        Map.entry("url", List.of("https://www.google.com/")),
                        Map.entry("whitespace", List.of("foo bar")),
                        Map.entry("zhash", List.of("abort/")));
    }

    @Test
    void parse_repeatedNames_keepAllValuesInOrder() {
        Map<String, List<String>> q =
                QueryString.parse("category=electronics&price=10&category=books&price=20&price=30");

        assertThat(q)
                .containsExactly(
                        Map.entry("category", List.of("electronics", "books")),
                        Map.entry("price", List.of("10", "20", "30")));
    }

    @Test
    void parse_nameWithoutEquals_hasEmptyValue() {
        assertThat(QueryString.parse("flag&x=1&other"))
                .containsExactly(
                        Map.entry("flag", List.of("")),
                        Map.entry("x", List.of("1")),
                        Map.entry("other", List.of("")));
    }

    @Test
    void parse_nameWithEqualsAndNoValue_hasEmptyValue() {
        assertThat(QueryString.parse("empty=&b=2"))
                .containsExactly(Map.entry("empty", List.of("")), Map.entry("b", List.of("2")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a=1&&b=2",
                "&a=1&b=2",
                "a=1&b=2&",
                "&&a=1&&&b=2&&",
            })
    void parse_emptyPairs_areSkipped(String raw) {
        assertThat(QueryString.parse(raw))
                .containsExactly(Map.entry("a", List.of("1")), Map.entry("b", List.of("2")));
    }

    @Test
    void parse_valueContainingEquals_splitsAtFirstEquals() {
        assertThat(QueryString.parse("filter=a=b==c&t=x%3Dy"))
                .containsExactly(
                        Map.entry("filter", List.of("a=b==c")), Map.entry("t", List.of("x=y")));
    }

    @Test
    void parse_encodedNames_areDecodedAndGroupedAfterDecoding() {
        assertThat(QueryString.parse("my+key=1&my%20key=2&a%26b=3"))
                .containsExactly(
                        Map.entry("my key", List.of("1", "2")), Map.entry("a&b", List.of("3")));
    }

    @Test
    void parse_emptyOrOnlyAmpersands_isEmpty() {
        assertThat(QueryString.parse("")).isEmpty();
        assertThat(QueryString.parse("&&")).isEmpty();
    }

    @Test
    void parse_result_isUnmodifiable() {
        Map<String, List<String>> q = QueryString.parse("a=1");

        assertThatThrownBy(() -> q.put("b", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> q.get("a").add("2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parse_semicolon_isKeptInTheValue() {
        // Reference 7.1 only says ";" is unsupported and "splits the data" (unconfirmed how):
        // we keep it as an ordinary character.
        assertThat(QueryString.parse("a=1;b=2")).containsExactly(Map.entry("a", List.of("1;b=2")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a+b|a b",
                "a%2Bb|a+b",
                "a%2bb|a+b",
                "a%20b|a b",
                "%25|%",
                "100%|100%",
                "50%2|50%2",
                "%zz|%zz",
                "%G1x|%G1x",
                "%%41|%A",
                "%E2%82%AC|\u20ac",
                "caf%C3%A9+cr%C3%A8me|caf\u00e9 cr\u00e8me",
                "%F0%9F%98%80|\ud83d\ude00",
                "raw\u00e9|raw\u00e9",
                "raw\ud83d\ude00+%41|raw\ud83d\ude00 A",
                "plain|plain",
            })
    void formDecode_table_decodesAsFormEncoding(String raw, String decoded) {
        assertThat(QueryString.formDecode(raw)).isEqualTo(decoded);
    }

    @Test
    void formDecode_emptyString_isEmpty() {
        assertThat(QueryString.formDecode("")).isEmpty();
    }

    @Test
    void parse_malformedEscapes_keptAsSentBesideDecodedOnes() {
        assertThat(QueryString.parse("q=%zz%20ok%&r=%"))
                .containsExactly(Map.entry("q", List.of("%zz ok%")), Map.entry("r", List.of("%")));
    }
}
