package dev.apigw.runtime.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4's hashing (reference 8.7): SHA-256 hex digests, the string to sign and the signature with
 * the key derived from {@code "AWS4" + secret} through date, region, service and {@code
 * aws4_request} by HMAC-SHA256. JDK crypto only.
 */
final class SigV4Crypto {
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Crypto() {}

    /** Returns the lower-case hex SHA-256 of the bytes. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Returns the string to sign of a canonical request. */
    static String stringToSign(SignedRequest signed, String canonicalRequest) {
        return SignatureParser.ALGORITHM
                + "\n"
                + signed.amzDate()
                + "\n"
                + signed.credentialScope()
                + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the lower-case hex signature of the string to sign with the secret. */
    static String signature(String secret, SignedRequest signed, String stringToSign) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), signed.scopeDate());
        key = hmac(key, signed.region());
        key = hmac(key, signed.service());
        key = hmac(key, signed.terminator());
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /** Compares two texts in time that does not depend on where they differ. */
    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
