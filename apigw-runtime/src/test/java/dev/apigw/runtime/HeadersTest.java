package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Case-insensitive, multi-value, order- and casing-keeping headers (reference 2.1). */
class HeadersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x-request-id", "X-REQUEST-ID", "X-Request-Id", "x-ReQuEsT-iD"})
    void first_anyCasing_findsTheField(String lookup) {
        Headers h = Headers.of("X-Request-Id", "r-1");

        assertThat(h.first(lookup)).contains("r-1");
        assertThat(h.last(lookup)).contains("r-1");
        assertThat(h.contains(lookup)).isTrue();
        assertThat(h.values(lookup)).containsExactly("r-1");
    }

    @Test
    void lookups_absentName_areEmpty() {
        Headers h = Headers.of("Accept", "text/plain");

        assertThat(h.first("Accept-Encoding")).isEmpty();
        assertThat(h.last("Accep")).isEmpty();
        assertThat(h.contains("Content-Type")).isFalse();
        assertThat(h.values("X")).isEmpty();
    }

    @Test
    void values_repeatedNameInSeveralCasings_allInOrder() {
        Headers h =
                Headers.of(
                        "test-multi", "v1", "Other", "o", "TEST-MULTI", "v2", "Test-Multi", "v3");

        assertThat(h.values("Test-MULTI")).containsExactly("v1", "v2", "v3");
        assertThat(h.first("test-multi")).contains("v1");
        assertThat(h.last("test-multi")).contains("v3");
        assertThat(h.size()).isEqualTo(4);
    }

    @Test
    void nameAndValue_byIndex_keepOrderAndCasingAsSent() {
        Headers h = Headers.of("tEsT-HEADeR", "1", "Accept", "a/b", "tEsT-HEADeR", "2");

        assertThat(List.of(h.name(0), h.name(1), h.name(2)))
                .containsExactly("tEsT-HEADeR", "Accept", "tEsT-HEADeR");
        assertThat(List.of(h.value(0), h.value(1), h.value(2))).containsExactly("1", "a/b", "2");
    }

    @Test
    void forEach_visitsFieldsInOrder() {
        Headers h = Headers.of("B", "2", "a", "1", "b", "3");
        List<String> seen = new ArrayList<>();

        h.forEach((n, v) -> seen.add(n + "=" + v));

        assertThat(seen).containsExactly("B=2", "a=1", "b=3");
    }

    @Test
    void toMultimap_groupsUnderFirstCasingInOrderOfFirstAppearance() {
        Headers h =
                Headers.of(
                        "x-Multi", "1", "Host", "h", "X-MULTI", "2", "x-multi", "3", "host", "h2");

        Map<String, List<String>> grouped = h.toMultimap();

        assertThat(grouped)
                .containsExactly(
                        Map.entry("x-Multi", List.of("1", "2", "3")),
                        Map.entry("Host", List.of("h", "h2")));
    }

    @Test
    void toMultimap_empty_isEmpty() {
        assertThat(Headers.empty().toMultimap()).isEmpty();
        assertThat(Headers.empty().isEmpty()).isTrue();
        assertThat(Headers.empty().size()).isZero();
    }

    @Test
    void set_existingNameInOtherCasing_replacesAllWithOneFieldAtTheEnd() {
        Headers h =
                Headers.of("Cookie", "a", "Accept", "x/y", "COOKIE", "b").toBuilder()
                        .set("cookie", "c")
                        .build();

        assertThat(h).isEqualTo(Headers.of("Accept", "x/y", "cookie", "c"));
    }

    @Test
    void remove_anyCasing_removesEveryFieldOfThatName() {
        Headers.Builder b = Headers.of("Via", "1", "X-A", "a", "VIA", "2", "via", "3").toBuilder();

        b.remove("vIa");

        assertThat(b.contains("Via")).isFalse();
        assertThat(b.contains("x-a")).isTrue();
        assertThat(b.build()).isEqualTo(Headers.of("X-A", "a"));
    }

    @Test
    void remove_absentName_changesNothing() {
        Headers h = Headers.of("A", "1", "B", "2");

        assertThat(h.toBuilder().remove("C").build()).isEqualTo(h);
    }

    @Test
    void addAll_appendsAfterExistingFields() {
        Headers h = Headers.builder().add("A", "1").addAll(Headers.of("a", "2", "B", "3")).build();

        assertThat(h.values("A")).containsExactly("1", "2");
        assertThat(h.name(2)).isEqualTo("B");
    }

    @Test
    void toBuilder_changes_doNotAffectOriginal() {
        Headers original = Headers.of("A", "1");

        Headers changed = original.toBuilder().add("B", "2").set("A", "9").build();

        assertThat(original.values("A")).containsExactly("1");
        assertThat(original.contains("B")).isFalse();
        assertThat(changed.first("A")).contains("9");
    }

    @Test
    void values_returnedList_isUnmodifiable() {
        Headers h = Headers.of("A", "1", "a", "2");

        assertThatThrownBy(() -> h.values("A").add("3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(h.values("A")).containsExactly("1", "2");
    }

    @Test
    void equals_sameFieldsSameOrderAndCasing_equalWithSameHashCode() {
        Headers left = Headers.of("A", "1", "b", "2");
        Headers right = Headers.builder().add("A", "1").add("b", "2").build();

        assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
    }

    @Test
    void equals_otherOrderCasingOrValue_notEqual() {
        Headers h = Headers.of("A", "1", "b", "2");

        assertThat(h).isNotEqualTo(Headers.of("b", "2", "A", "1"));
        assertThat(h).isNotEqualTo(Headers.of("a", "1", "b", "2"));
        assertThat(h).isNotEqualTo(Headers.of("A", "1", "b", "3"));
        assertThat(h).isNotEqualTo(Headers.of("A", "1"));
    }

    @Test
    void build_nothingAdded_equalsEmpty() {
        assertThat(Headers.builder().build()).isEqualTo(Headers.empty());
        assertThat(Headers.of()).isEqualTo(Headers.empty());
        assertThat(Headers.of("A", "1").toBuilder().remove("a").build()).isEqualTo(Headers.empty());
    }

    @Test
    void of_oddNumberOfArguments_throws() {
        assertThatThrownBy(() -> Headers.of("A", "1", "B"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_nullValue_throwsNamingTheHeader() {
        assertThatThrownBy(() -> Headers.builder().add("X-Missing", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("X-Missing");
    }

    @Test
    void emptyValue_isAValue() {
        Headers h = Headers.of("X-Empty", "");

        assertThat(h.first("x-empty")).contains("");
        assertThat(h.contains("X-EMPTY")).isTrue();
    }

    @Test
    void toString_listsFieldsInOrder() {
        assertThat(Headers.of("A", "1", "b", "2").toString()).isEqualTo("{A=1, b=2}");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nInjected: yes", "a\u0000b", "\u0007", "\u007f"})
    void requireValid_controlCharacterInValue_throwsNamingTheHeader(String value) {
        Headers h = Headers.of("X-Ok", "fine", "X-Bad", value);

        assertThat(Headers.isValidValue(value)).isFalse();
        assertThatThrownBy(h::requireValid)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Bad")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Response.builder().headers(h).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Bad");
        assertThatThrownBy(() -> Response.builder().build().withHeaders("X-Bad", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Bad");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "X Space", "X:Colon", "X\r\nInjected", "\u00dcnicode", "(x)"})
    void requireValid_nameNotAToken_throws(String name) {
        assertThat(Headers.isValidName(name)).isFalse();
        assertThatThrownBy(() -> Headers.of(name, "v").requireValid())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an RFC 9110 token");
    }

    @Test
    void requireValid_tabsObsTextAndTokens_pass() {
        Headers h =
                Headers.of(
                        "X-Tab",
                        "a\tb",
                        "x-amzn-Remapped-Date",
                        "caf\u00e9 \u2603",
                        "!#$%&'*+-.^_`|~09azAZ",
                        "");

        assertThat(h.requireValid()).isSameAs(h);
        assertThat(Response.builder().headers(h).build().headers()).isEqualTo(h);
    }
}
