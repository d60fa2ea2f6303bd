package dev.apigw.runtime.pipeline;

import java.util.Base64;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Makes the ids AWS gives each request, from the account's random source: a random (version 4) UUID
 * for {@code x-amzn-RequestId} and a Lambda invocation, and 11 random bytes in base64 for {@code
 * x-amz-apigw-id} (reference 10.6). Internal.
 */
public final class RequestIds {
    private RequestIds() {}

    /** Returns a version 4 UUID drawn from {@code random}. */
    public static String requestId(RandomGenerator random) {
        return new UUID(
                        random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
                .toString();
    }

    /** Returns an id shaped like AWS's {@code x-amz-apigw-id}: 11 random bytes in base64. */
    public static String extendedRequestId(RandomGenerator random) {
        long a = random.nextLong();
        long b = random.nextLong();
        byte[] bytes = new byte[11];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a >>> (8 * i));
        }
        for (int i = 8; i < 11; i++) {
            bytes[i] = (byte) (b >>> (8 * i));
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
