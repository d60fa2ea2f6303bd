package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integration URI templates (reference 1.5 and 4.2). */
class UriTemplateTest {
    @Test
    void expand_placeholdersAndStageVariables_areFilled() {
        UriTemplate t =
                UriTemplate.parse(
                        "https://${stageVariables.host}/${stageVariables['v']}/{a}/x/{b.c}?q={a}");

        assertThat(
                        t.expand(
                                Map.of("a", "one", "b.c", "two"),
                                Map.of("host", "h.example:8443", "v", "v9")))
                .contains("https://h.example:8443/v9/one/x/two?q=one");
    }

    @Test
    void expand_undefinedStageVariable_isEmpty() {
        UriTemplate t = UriTemplate.parse("http://${stageVariables.host}/p");

        assertThat(t.expand(Map.of(), Map.of("other", "x"))).isEmpty();
    }

    @Test
    void expand_placeholderWithoutValue_staysAsWritten() {
        UriTemplate t = UriTemplate.parse("http://h/{proxy}/end");

        assertThat(t.expand(Map.of("other", "1"), Map.of())).contains("http://h/{proxy}/end");
    }

    @Test
    void expand_valueNeedingEncoding_isEncodedOnce() {
        UriTemplate t = UriTemplate.parse("http://h/{p}");

        assertThat(t.expand(Map.of("p", "a b/ü%20c%zz"), Map.of()))
                .contains("http://h/a%20b/%C3%BC%20c%25zz");
    }
}
