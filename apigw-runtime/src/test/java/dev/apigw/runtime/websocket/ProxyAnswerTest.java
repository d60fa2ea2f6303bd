package dev.apigw.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a WebSocket route's Lambda proxy answer becomes (reference 2.6). */
class ProxyAnswerTest {
    private static RouteAnswer parse(String payload) {
        return ProxyAnswer.parse(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyOrNullAnswerIs200WithoutBody() {
        assertThat(parse("")).isEqualTo(RouteAnswer.OK);
        assertThat(parse("null")).isEqualTo(RouteAnswer.OK);
        assertThat(parse("{}")).isEqualTo(RouteAnswer.OK);
    }

    @Test
    void statusHeadersAndBodyAreRead() {
        RouteAnswer answer =
                parse(
                        "{\"statusCode\":\"401\",\"headers\":{\"A\":\"b\",\"N\":1,\"O\":{}},"
                                + "\"body\":\"no\"}");

        assertThat(answer)
                .isEqualTo(
                        new RouteAnswer(
                                401,
                                Map.of("A", "b", "N", "1"),
                                Optional.of(Frame.text("no")),
                                false));
        assertThat(answer.isSuccess()).isFalse();
        assertThat(parse("{\"statusCode\":204}").isSuccess()).isTrue();
    }

    @Test
    void aBase64BodyIsABinaryFrameAndAJsonBodyItsText() {
        assertThat(parse("{\"body\":\"AQI=\",\"isBase64Encoded\":true}").body())
                .contains(Frame.binary(new byte[] {1, 2}));
        assertThat(parse("{\"body\":{\"a\":[1]}}").body()).contains(Frame.text("{\"a\":[1]}"));
    }

    @Test
    void anythingElseIsAMalformedAnswer502() {
        for (String payload :
                new String[] {
                    "not json",
                    "\"text\"",
                    "[1]",
                    "{\"statusCode\":99}",
                    "{\"statusCode\":600}",
                    "{\"statusCode\":\"abc\"}",
                    "{\"statusCode\":true}",
                    "{\"body\":\"%%%\",\"isBase64Encoded\":true}"
                }) {
            assertThat(parse(payload)).as(payload).isEqualTo(RouteAnswer.failure(502));
        }
    }
}
