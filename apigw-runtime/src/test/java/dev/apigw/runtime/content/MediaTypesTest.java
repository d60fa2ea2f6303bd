package dev.apigw.runtime.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Media-type rules for templates (reference 1.1) and binary media types (reference 6.3). */
class MediaTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json; charset=UTF-8|application/json",
                "Application/JSON|application/json",
                "  text/html ;q=1|text/html",
                "image/png|image/png",
                "multipart/form-data; boundary=XyZ|multipart/form-data",
                "application/vnd.api+json;v=2|application/vnd.api+json",
            })
    void mimeType_contentType_parametersStrippedAndLowerCased(String contentType, String mime) {
        assertThat(MediaTypes.mimeType(contentType)).isEqualTo(mime);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/xml|application/xml",
                "text/html, application/json|text/html",
                "Application/XML;q=0.9,*/*;q=0.1|application/xml",
                "*/*|*/*",
                " image/png ,image/webp|image/png",
            })
    void firstAccepted_acceptValue_firstMediaTypeOnly(String accept, String first) {
        assertThat(MediaTypes.firstAccepted(accept)).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // right-side wildcard (reference 6.3, recorded)
                "application/whatever|application/*|true",
                "application/test|application/*|true",
                "application/*|application/*|true",
                "text/plain|application/*|false",
                // left-side wildcard matches nothing, not even itself (recorded)
                "*/test|*/test|false",
                "random/test|*/test|false",
                // wildcards in Accept do not match a concrete entry (recorded)
                "*/*|image/png|false",
                "image/*|image/png|false",
                // exact entries, any casing of the entry
                "image/png|image/png|true",
                "image/png|Image/PNG|true",
                "image/png|image/jpeg|false",
                "image/pngx|image/png|false",
                // */* entry takes every type
                "application/octet-stream|*/*|true",
                "text/plain|*/*|true",
            })
    void isBinary_entryRules_asRecordedOnAws(String mediaType, String entry, boolean binary) {
        assertThat(MediaTypes.isBinary(mediaType, List.of(entry))).isEqualTo(binary);
    }

    @Test
    void isBinary_anyOfSeveralEntries_matches() {
        List<String> entries = List.of("image/jpeg", "application/pdf", "audio/*");

        assertThat(MediaTypes.isBinary("application/pdf", entries)).isTrue();
        assertThat(MediaTypes.isBinary("audio/ogg", entries)).isTrue();
        assertThat(MediaTypes.isBinary("image/png", entries)).isFalse();
    }

    @Test
    void isBinary_noEntriesOrNoMediaType_isFalse() {
        assertThat(MediaTypes.isBinary("image/png", List.of())).isFalse();
        assertThat(MediaTypes.isBinary("", List.of("*/*"))).isFalse();
    }

    @Test
    void select_ownTemplate_winsOverJson() {
        Map<String, String> templates = ordered("application/json", "J", "application/xml", "X");

        assertThat(MediaTypes.select(templates, "application/xml"))
                .contains(Map.entry("application/xml", "X"));
    }

    @Test
    void select_noOwnTemplate_fallsBackToJson() {
        Map<String, String> templates = ordered("text/plain", "T", "application/json", "J");

        assertThat(MediaTypes.select(templates, "application/xml"))
                .contains(Map.entry("application/json", "J"));
    }

    @Test
    void select_noOwnAndNoJson_fallsBackToFirstDefined() {
        // Reference 1.1: only an application/xml response template, no Accept: XML is used.
        assertThat(MediaTypes.select(ordered("application/xml", "X"), MediaTypes.JSON))
                .contains(Map.entry("application/xml", "X"));
        assertThat(MediaTypes.select(ordered("text/csv", "C", "application/xml", "X"), "image/png"))
                .contains(Map.entry("text/csv", "C"));
    }

    @Test
    void select_noTemplates_isEmpty() {
        assertThat(MediaTypes.select(Map.of(), MediaTypes.JSON)).isEmpty();
    }

    @Test
    void select_emptyJsonTemplate_isStillSelected() {
        // Reference 1.1: an empty application/json template is how to get the raw body.
        Map<String, String> templates = ordered("application/xml", "X", "application/json", "");

        assertThat(MediaTypes.select(templates, MediaTypes.JSON))
                .contains(Map.entry("application/json", ""));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
