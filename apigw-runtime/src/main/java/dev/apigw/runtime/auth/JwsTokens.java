package dev.apigw.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Optional;

/**
 * The checks every JSON Web Token authorizer makes before reading claims, shared by the Cognito
 * authorizer of REST APIs (reference 8.4) and the JWT authorizer of HTTP APIs (reference 8.5):
 * parsing the token as a signed JWT (JWS), telling why one is not, and verifying its signature by
 * the key of its {@code kid} in a key set. Hostile input is refused, never thrown.
 */
final class JwsTokens {
    /** What the key set says of a token's signature. */
    enum Signature {
        /** The key of the token's {@code kid} verifies the signature. */
        VALID,
        /** The token has no {@code kid}, or the set has no RSA key of that id. */
        UNKNOWN_KEY,
        /** The key of the token's {@code kid} does not verify the signature. */
        INVALID
    }

    private JwsTokens() {}

    /** Returns the token parsed as a signed JWT; empty when it is none. */
    static Optional<SignedJWT> parse(String token) {
        try {
            return Optional.of(SignedJWT.parse(token));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Says why a token that does not parse as a signed JWT is refused (the slow path). */
    static String whyNotSigned(String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            return jwt instanceof EncryptedJWT
                    ? "the token is encrypted (JWE)"
                    : "the token is unsigned (alg none)";
        } catch (ParseException | RuntimeException e) {
            return "the token is not a well-formed JWT";
        }
    }

    /** Verifies a token's signature with the key of its {@code kid} in {@code keys}. */
    static Signature verify(SignedJWT signed, UserPoolKeys keys) {
        String kid = signed.getHeader().getKeyID();
        Optional<JWSVerifier> verifier =
                keys == null || kid == null ? Optional.empty() : keys.verifier(kid);
        if (verifier.isEmpty()) {
            return Signature.UNKNOWN_KEY;
        }
        try {
            return signed.verify(verifier.get()) ? Signature.VALID : Signature.INVALID;
        } catch (JOSEException | RuntimeException e) {
            return Signature.INVALID;
        }
    }
}
