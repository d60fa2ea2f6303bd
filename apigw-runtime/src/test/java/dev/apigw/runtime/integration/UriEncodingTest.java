package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Percent-encoding of mapped values (reference 7.1). */
class UriEncodingTest {
    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(
                    random.nextBoolean()
                            ? 0x20 + random.nextInt(0x5f)
                            : 0xa0 + random.nextInt(0x2000));
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 77, 2024, 31337})
    void queryComponent_anyText_decodesBackToItself(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String text = randomText(random);

            String encoded = UriEncoding.queryComponent(text);

            assertThat(encoded).matches("[A-Za-z0-9._~%-]*");
            assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 808, 4096})
    void pathValue_anyText_makesAValidPath(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String text = randomText(random);

            String encoded = UriEncoding.pathValue(text);

            assertThat(URI.create("http://h/" + encoded).getRawPath()).isEqualTo("/" + encoded);
        }
    }
}
