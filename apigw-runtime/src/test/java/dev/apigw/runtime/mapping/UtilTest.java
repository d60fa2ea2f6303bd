package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code $util} of reference 1.4. */
class UtilTest {
    private final Util util = Util.INSTANCE;

    @Test
    void escapeJavaScript_quotesSlashesAndBackslash_getBackslash() {
        assertThat(util.escapeJavaScript("it's \"q\" a/b c\\d"))
                .isEqualTo("it\\'s \\\"q\\\" a\\/b c\\\\d");
    }

    @Test
    void escapeJavaScript_controlChars_useShortFormsOrUnicode() {
        assertThat(util.escapeJavaScript("\b\t\n\f\r\u0001\u001f"))
                .isEqualTo("\\b\\t\\n\\f\\r\\u0001\\u001F");
    }

    @Test
    void escapeJavaScript_charsAbove7E_becomeUpperCaseUnicode() {
        assertThat(util.escapeJavaScript("~\u007f\u00e9\u20ac\ud83d\ude00"))
                .isEqualTo("~\\u007F\\u00E9\\u20AC\\uD83D\\uDE00");
    }

    @Test
    void escapeJavaScript_null_isEmpty() {
        assertThat(util.escapeJavaScript(null)).isEmpty();
    }

    @Test
    void parseJson_objectText_givesNavigableValues() {
        Object parsed = util.parseJson("{\"key1\":\"var1\",\"key2\":{\"arr\":[1,2,3]}}");

        assertThat(parsed)
                .isEqualTo(Map.of("key1", "var1", "key2", Map.of("arr", List.of(1, 2, 3))));
        assertThat(parsed.toString()).isEqualTo("{key1=var1, key2={arr=[1,2,3]}}");
    }

    @Test
    void parseJson_notJson_throws() {
        assertThatThrownBy(() -> util.parseJson("{oops"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlEncode_formEncodes() {
        assertThat(util.urlEncode("a b{\"c\":1}*~")).isEqualTo("a+b%7B%22c%22%3A1%7D*%7E");
        assertThat(util.urlEncode(null)).isEmpty();
    }

    @Test
    void urlDecode_plusAndPercent_decode() {
        assertThat(util.urlDecode("a+b%7B%C3%A9")).isEqualTo("a b{\u00e9");
        assertThat(util.urlDecode(null)).isEmpty();
    }

    @Test
    void base64_roundTripsUtf8() {
        assertThat(util.base64Encode("h\u00e9llo?>")).isEqualTo("aMOpbGxvPz4=");
        assertThat(util.base64Decode("aMOpbGxvPz4=")).isEqualTo("h\u00e9llo?>");
        assertThat(util.base64Encode(null)).isEmpty();
    }

    @Test
    void base64Decode_notBase64_throws() {
        assertThatThrownBy(() -> util.base64Decode("%%%"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
