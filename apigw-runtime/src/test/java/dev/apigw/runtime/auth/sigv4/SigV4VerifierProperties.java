package dev.apigw.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.IamCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random inputs for {@link SigV4Verifier} (reference 8.7): any path and query the AWS SDK v2
 * signer signs verifies, and any hostile {@code Authorization} header or query is refused with an
 * outcome, never an exception. The seed is the test's parameter.
 */
class SigV4VerifierProperties {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T08:30:00Z"), ZoneOffset.UTC);
    private static final String ALPHABET =
            "abcXYZ019-_.~ " + "!\"#$&'()*+,/:;<=>?@[\\]^`{|}" + "é€\u00a0%";

    private final SigV4Verifier verifier =
            new SigV4Verifier(
                    key ->
                            key.equals(KEY)
                                    ? Optional.of(IamCredentials.of(SECRET, "1", "arn"))
                                    : Optional.empty(),
                    CLOCK,
                    "us-east-1",
                    false);
    private final SdkSigner signer = SdkSigner.of(KEY, SECRET, CLOCK);

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void verify_randomPathAndQuerySignedBySdk_verified(long seed) {
        Random random = new Random(seed);
        String path =
                "/dev/" + encodePathSegment(text(random)) + "/" + encodePathSegment(text(random));
        Map<String, List<String>> query = Map.of(text(random) + "k", List.of(text(random)));

        for (SdkSigner by : List.of(signer, signer.presigning())) {
            Request request =
                    by.sign("PUT", path, query, Map.of("X-Custom", text(random)), text(random));

            assertThat(verifier.verify(request))
                    .as("seed %d, path %s, query %s", seed, path, request.rawQueryString())
                    .isInstanceOf(SigV4Outcome.Verified.class);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void verify_hostileSignatureElements_refusedWithoutThrowing(long seed) {
        Random random = new Random(seed);
        String noise = text(random) + "=" + text(random) + "/" + text(random);
        Request header =
                Request.builder()
                        .httpMethod("GET")
                        .path("/dev/x")
                        .header("X-Amz-Date", random.nextBoolean() ? "20261204T083000Z" : noise)
                        .header("Authorization", "AWS4-HMAC-SHA256 " + noise + ", " + noise)
                        .build();
        Request query =
                Request.builder()
                        .httpMethod("GET")
                        .path("/dev/x")
                        .rawQueryString(
                                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                                        + noise
                                        + "&X-Amz-Expires="
                                        + text(random)
                                        + "&%"
                                        + noise)
                        .build();

        assertThat(verifier.verify(header)).isInstanceOf(SigV4Outcome.Failure.class);
        assertThat(verifier.verify(query)).isInstanceOf(SigV4Outcome.Failure.class);
    }

    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Percent-encodes a segment the way a client puts it on the wire. */
    private static String encodePathSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 128 || "-_.~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }
}
