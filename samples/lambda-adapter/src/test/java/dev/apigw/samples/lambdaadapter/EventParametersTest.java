package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading headers and query parameters from event maps, and writing headers back. */
class EventParametersTest {

    private static Map<String, List<String>> multi(Object... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) namesAndValues[i + 1];
            map.put((String) namesAndValues[i], values);
        }
        return map;
    }

    @Test
    void encodedQuery_decodedValues_arePercentEncoded() {
        String query =
                EventParameters.encodedQuery(
                        multi(
                                "a b",
                                List.of("x y", "1+1=2"),
                                "amp",
                                List.of("&", "#", "ü"),
                                "empty",
                                List.of("")),
                        Map.of("ignored", "because multi-value wins"));

        assertThat(query)
                .isEqualTo("a%20b=x%20y&a%20b=1%2B1%3D2&amp=%26&amp=%23&amp=%C3%BC&empty=");
    }

    @Test
    void encodedQuery_onlySingleValues_areUsed() {
        assertThat(EventParameters.encodedQuery(null, Map.of("page", "2/3")))
                .isEqualTo("page=2%2F3");
    }

    @Test
    void encodedQuery_noParameters_isEmpty() {
        assertThat(EventParameters.encodedQuery(null, null)).isEmpty();
    }

    @Test
    void rawQuery_stillEncodedValues_areJoinedUnchanged() {
        assertThat(
                        EventParameters.rawQuery(
                                multi("q", List.of("a%20b", "c+d"), "r", List.of("1")), null))
                .isEqualTo("q=a%20b&q=c+d&r=1");
    }

    @Test
    void headers_multiValue_keepMapAndListOrder() {
        Headers headers =
                EventParameters.headers(
                        multi("X-B", List.of("2", "1"), "x-a", List.of("3")), Map.of("X-B", "1"));

        assertThat(headers).isEqualTo(Headers.of("X-B", "2", "X-B", "1", "x-a", "3"));
    }

    @Test
    void joinedHeadersWithoutSetCookie_joinsWithCommasAndSkipsCookies() {
        Headers headers =
                Headers.of(
                        "Vary",
                        "Accept",
                        "set-cookie",
                        "a=1",
                        "vary",
                        "Origin",
                        "Set-Cookie",
                        "b=2");

        assertThat(EventParameters.joinedHeadersWithoutSetCookie(headers))
                .containsExactly(Map.entry("Vary", "Accept,Origin"));
    }

    @Test
    void multiValueHeaders_groupUnderFirstCasing() {
        Headers headers = Headers.of("Link", "<a>", "link", "<b>", "ETag", "\"x\"");

        assertThat(EventParameters.multiValueHeaders(headers))
                .containsExactly(
                        Map.entry("Link", List.of("<a>", "<b>")),
                        Map.entry("ETag", List.of("\"x\"")));
    }
}
