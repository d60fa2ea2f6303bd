package dev.apigw.runtime.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ContentHandlingStrategy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The conversion rules of reference 6.3 on their own, over random bytes. */
class ContentHandlingTest {
    private static final ContentHandling UNSET = ContentHandling.unset();
    private static final ContentHandling TO_BINARY =
            ContentHandling.of(ContentHandlingStrategy.CONVERT_TO_BINARY);
    private static final ContentHandling TO_TEXT =
            ContentHandling.of(ContentHandlingStrategy.CONVERT_TO_TEXT);

    static Stream<Arguments> seeds() {
        return IntStream.of(7, 42, 1009, 65_537, 31_337).mapToObj(seed -> Arguments.of(seed));
    }

    /** Random bytes that are not valid UTF-8 (a lone continuation byte first). */
    static byte[] binary(int seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0x80;
        return bytes;
    }

    static byte[] base64Text(byte[] bytes) {
        return Base64.getEncoder().encode(bytes);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void request_textUnset_keepsText(int seed) {
        byte[] text = ("{\"n\": " + seed + ", \"s\": \"é\"}").getBytes(StandardCharsets.UTF_8);

        ContentHandling.Content content = UNSET.request(text, false).orElseThrow();

        assertThat(content.bytes()).isEqualTo(text);
        assertThat(content.binary()).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void request_textToBinary_decodesBase64(int seed) {
        byte[] bytes = binary(seed);

        ContentHandling.Content content = TO_BINARY.request(base64Text(bytes), false).orElseThrow();

        assertThat(content.bytes()).isEqualTo(bytes);
        assertThat(content.binary()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void request_textToText_keepsText(int seed) {
        byte[] text = ("plain " + seed).getBytes(StandardCharsets.UTF_8);

        ContentHandling.Content content = TO_TEXT.request(text, false).orElseThrow();

        assertThat(content.bytes()).isEqualTo(text);
        assertThat(content.binary()).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void request_binaryUnsetOrToBinary_keepsBytes(int seed) {
        byte[] bytes = binary(seed);

        assertThat(UNSET.request(bytes, true).orElseThrow())
                .satisfies(
                        c -> {
                            assertThat(c.bytes()).isEqualTo(bytes);
                            assertThat(c.binary()).isTrue();
                        });
        assertThat(TO_BINARY.request(bytes, true).orElseThrow())
                .satisfies(
                        c -> {
                            assertThat(c.bytes()).isEqualTo(bytes);
                            assertThat(c.binary()).isTrue();
                        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void request_binaryToText_encodesBase64(int seed) {
        byte[] bytes = binary(seed);

        ContentHandling.Content content = TO_TEXT.request(bytes, true).orElseThrow();

        assertThat(new String(content.bytes(), StandardCharsets.US_ASCII))
                .isEqualTo(Base64.getEncoder().encodeToString(bytes));
        assertThat(content.binary()).isFalse();
    }

    @Test
    void request_textToBinaryNotBase64_isEmpty() {
        assertThat(TO_BINARY.request("èé+à)(".getBytes(StandardCharsets.UTF_8), false)).isEmpty();
        assertThat(TO_BINARY.request("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), false))
                .isEmpty();
    }

    @Test
    void request_emptyBodyToBinary_staysEmptyText() {
        ContentHandling.Content content = TO_BINARY.request(new byte[0], false).orElseThrow();

        assertThat(content.bytes()).isEmpty();
        assertThat(content.binary()).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void response_unset_convertsToTheAcceptKind(int seed) {
        byte[] bytes = binary(seed);
        byte[] text = base64Text(bytes);

        assertThat(UNSET.response(text, false, false).orElseThrow().bytes()).isEqualTo(text);
        assertThat(UNSET.response(text, false, true).orElseThrow().bytes()).isEqualTo(bytes);
        assertThat(UNSET.response(bytes, true, false).orElseThrow().bytes()).isEqualTo(text);
        assertThat(UNSET.response(bytes, true, true).orElseThrow().bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void response_strategy_winsOverTheAcceptKind(int seed) {
        byte[] bytes = binary(seed);
        byte[] text = base64Text(bytes);

        for (boolean binaryAccepted : new boolean[] {false, true}) {
            assertThat(TO_BINARY.response(text, false, binaryAccepted).orElseThrow().bytes())
                    .isEqualTo(bytes);
            assertThat(TO_BINARY.response(bytes, true, binaryAccepted).orElseThrow().bytes())
                    .isEqualTo(bytes);
            assertThat(TO_TEXT.response(text, false, binaryAccepted).orElseThrow().bytes())
                    .isEqualTo(text);
            assertThat(TO_TEXT.response(bytes, true, binaryAccepted).orElseThrow().bytes())
                    .isEqualTo(text);
        }
    }

    @Test
    void response_binaryAcceptedForTextNotBase64_isEmpty() {
        byte[] json = "{\"id\": 3}".getBytes(StandardCharsets.UTF_8);

        assertThat(UNSET.response(json, false, true)).isEmpty();
        assertThat(TO_BINARY.response(json, false, false)).isEmpty();
        assertThat(TO_TEXT.response(json, false, true).orElseThrow().bytes()).isEqualTo(json);
    }

    @Test
    void toString_namesTheStrategy() {
        assertThat(UNSET).hasToString("unset");
        assertThat(TO_TEXT).hasToString("CONVERT_TO_TEXT");
    }
}
