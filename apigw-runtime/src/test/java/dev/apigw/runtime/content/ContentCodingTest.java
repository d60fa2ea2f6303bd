package dev.apigw.runtime.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Content codings of reference 6.4 on their own. */
class ContentCodingTest {
    static Stream<Arguments> seeds() {
        return IntStream.of(3, 97, 2024, 777_777).mapToObj(seed -> Arguments.of(seed));
    }

    static byte[] bytes(int seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decode_eachCoding_givesTheBytes(int seed) throws IOException {
        byte[] bytes = bytes(seed);

        assertThat(ContentCoding.decode(gzip(bytes), "gzip"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes));
        assertThat(ContentCoding.decode(deflate(bytes), "Deflate"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes));
        assertThat(ContentCoding.decode(bytes, "identity"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decode_twoCodings_undoesTheLastFirst(int seed) throws IOException {
        byte[] bytes = bytes(seed);

        assertThat(ContentCoding.decode(gzip(deflate(bytes)), "deflate, gzip"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes));
    }

    @Test
    void decode_notCompressedOrUnknownCoding_isEmpty() throws IOException {
        byte[] plain = "{\"a\": 1}".getBytes();

        assertThat(ContentCoding.decode(plain, "gzip")).isEmpty();
        assertThat(ContentCoding.decode(plain, "deflate")).isEmpty();
        assertThat(ContentCoding.decode(gzip(plain), "br")).isEmpty();
        byte[] truncated = gzip(bytes(5));
        assertThat(
                        ContentCoding.decode(
                                java.util.Arrays.copyOf(truncated, truncated.length - 9), "gzip"))
                .isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void encode_gzip_roundTrips(int seed) throws IOException {
        byte[] bytes = bytes(seed);

        byte[] encoded = ContentCoding.encode(bytes, "gzip");

        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(encoded))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(ContentCoding.decode(ContentCoding.encode(bytes, "deflate"), "deflate"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes));
    }
}
