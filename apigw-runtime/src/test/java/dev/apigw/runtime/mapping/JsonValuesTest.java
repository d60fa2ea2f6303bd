package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validated rendering table of reference 1.3, one test per row: the first twelve rows read the
 * integration response body {@code {"json": <request JSON>}} of an echo backend.
 */
class JsonValuesTest {
    private static final String NULL_CHECK =
            "{\"body\": $r, \"nested\": $r.nested, \"isNull\": "
                    + "#if($r == $null)\"true\"#else\"false\"#end, \"isEmptyString\": "
                    + "#if($r == \"\")\"true\"#else\"false\"#end}";
    private final Templates templates = new Templates();

    private String echoed(String template, String requestJson) {
        return templates.render(template, "{\"json\": " + requestJson + "}");
    }

    @Test
    void render_object_printsJavaMapStyle() {
        assertThat(echoed("#set($r = $input.path(\"$.json\"))$r", "{\"foo\":\"bar\"}"))
                .isEqualTo("{foo=bar}");
    }

    @Test
    void render_list_printsCompactJson() {
        assertThat(echoed("#set($r = $input.path(\"$.json\"))$r", "[{\"foo\":\"bar\"}]"))
                .isEqualTo("[{\"foo\":\"bar\"}]");
    }

    @Test
    void render_nestedObject_printsJavaMapStyle() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json\"))$r.nested",
                                "{\"nested\":{\"foo\":\"bar\"}}"))
                .isEqualTo("{foo=bar}");
    }

    @Test
    void render_nestedList_printsCompactJson() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json\"))$r.nested",
                                "{\"nested\":[{\"foo\":\"bar\"}]}"))
                .isEqualTo("[{\"foo\":\"bar\"}]");
    }

    @Test
    void render_objectInList_printsJavaMapStyle() {
        assertThat(echoed("#set($r = $input.path(\"$.json\"))$r[0]", "[{\"foo\":\"bar\"}]"))
                .isEqualTo("{foo=bar}");
    }

    @Test
    void render_listInList_printsCompactJson() {
        assertThat(echoed("#set($r = $input.path(\"$.json\"))$r[0]", "[[{\"foo\":\"bar\"}]]"))
                .isEqualTo("[{\"foo\":\"bar\"}]");
    }

    @Test
    void render_listInsideMap_printsAsJson() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json\"))$r",
                                "{\"foo\":[{\"nested\":\"bar\"}]}"))
                .isEqualTo("{foo=[{\"nested\":\"bar\"}]}");
    }

    @Test
    void render_severalKeys_keepInsertionOrderWithCommaSpace() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json\"))$r",
                                "{\"bigger\":\"dict\",\"to\":\"test\",\"with\":\"separators\"}"))
                .isEqualTo("{bigger=dict, to=test, with=separators}");
    }

    @Test
    void render_toString_isTheSameText() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json\"))$r.toString()",
                                "{\"list\":[{\"foo\":\"bar\"}]}"))
                .isEqualTo("{list=[{\"foo\":\"bar\"}]}");
    }

    @Test
    void render_missingPath_isEmptyAndEqualsNullAndEmptyText() {
        assertThat(templates.render("#set($r = $input.path(\"$.nonExisting\"))" + NULL_CHECK, ""))
                .isEqualTo(
                        "{\"body\": , \"nested\": , \"isNull\": \"true\", \"isEmptyString\": \"true\"}");
    }

    @Test
    void render_emptyList_isNeitherNullNorEmptyText() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json.listValue\"))" + NULL_CHECK,
                                "{\"listValue\": []}"))
                .isEqualTo(
                        "{\"body\": [], \"nested\": , \"isNull\": \"false\", \"isEmptyString\": \"false\"}");
    }

    @Test
    void render_jsonNull_behavesAsMissingPath() {
        assertThat(
                        echoed(
                                "#set($r = $input.path(\"$.json.listValue\"))" + NULL_CHECK,
                                "{\"listValue\": null}"))
                .isEqualTo(
                        "{\"body\": , \"nested\": , \"isNull\": \"true\", \"isEmptyString\": \"true\"}");
    }

    @Test
    void render_emptyBody_isAnEmptyObject() {
        assertThat(templates.render("#set($result = $input.body)$result", "")).isEqualTo("{}");
    }

    @Test
    void render_bodyInText_isRawNotReserialized() {
        assertThat(
                        templates.render(
                                "Action=SendMessage&MessageBody=$input.body",
                                "{\"some\": \"value\"}"))
                .isEqualTo("Action=SendMessage&MessageBody={\"some\": \"value\"}");
    }

    @Test
    void render_propertyOfBodyString_isEmpty() {
        assertThat(templates.render("[$input.body.testAccess]", "{\"a\": 7}")).isEqualTo("[]");
    }

    @Test
    void render_urlEncodedBodyAndMissingProperty_encodeAsValidated() {
        String template =
                "EncodedBody=$util.urlEncode($input.body)"
                        + "&EncodedBodyAccess=$util.urlEncode($input.body.testAccess)";

        assertThat(templates.render(template, "{\"some\": \"value\"}"))
                .isEqualTo("EncodedBody=%7B%22some%22%3A+%22value%22%7D&EncodedBodyAccess=");
        assertThat(templates.render(template, ""))
                .isEqualTo("EncodedBody=%7B%7D&EncodedBodyAccess=");
        assertThat(templates.render(template, "some raw data"))
                .isEqualTo("EncodedBody=some+raw+data&EncodedBodyAccess=");
    }

    @Test
    void of_numbers_printAsJsonWroteThem() throws Exception {
        Object values =
                JsonValues.of(
                        new ObjectMapper()
                                .readTree(
                                        "{\"price\":1.99,\"quantity\":232,\"big\":12345678901234,\"neg\":-0.19}"));

        assertThat(values.toString())
                .isEqualTo("{price=1.99, quantity=232, big=12345678901234, neg=-0.19}");
    }

    @Test
    void of_scalars_areJavaValues() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(JsonValues.of(json.readTree("\"text\""))).isEqualTo("text");
        assertThat(JsonValues.of(json.readTree("true"))).isEqualTo(true);
        assertThat(JsonValues.of(json.readTree("null"))).isNull();
        assertThat(JsonValues.of(json.readTree("[1,\"a\"]"))).isEqualTo(List.of(1, "a"));
        assertThat(JsonValues.of(json.readTree("{\"k\":{\"n\":null}}")))
                .isEqualTo(Map.of("k", java.util.Collections.singletonMap("n", null)));
    }

    @Test
    void toJson_stringsAndMaps_areQuotedJson() {
        assertThat(JsonValues.toJson("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(JsonValues.toJson(Map.of("a", List.of(1)))).isEqualTo("{\"a\":[1]}");
    }

    @Test
    void render_navigation_supportsSizeKeySetGetBracketsAndRanges() {
        String body = "{\"m\":{\"x\":\"1\",\"y\":[10,20,30]}}";

        assertThat(
                        templates.render(
                                "#set($m = $input.path('$.m'))$m.size() $m.keySet() $m.get('x') "
                                        + "$m['y'][1] $m.y.size() #foreach($i in [1..3])$m.y[$foreach.index]#end "
                                        + "$m.x.replaceAll('1','one') $m.y.contains(20)",
                                body))
                .isEqualTo("2 [x, y] 1 20 3 102030 one true");
    }
}
