package dev.apigw.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/** A user pool's key pair for the tests of this package: its key set and signed tokens. */
final class TestTokens {
    static final UserPoolArn POOL = new UserPoolArn("us-east-1", "us-east-1_AbCdEf123");
    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    final RSAKey key;

    TestTokens(String kid) {
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the public key set document. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** Returns the claims of a valid ID token of {@link #POOL}, changed by {@code changes}. */
    static JWTClaimsSet.Builder idClaims() {
        return new JWTClaimsSet.Builder()
                .subject("user-1")
                .issuer(POOL.issuer())
                .audience("client-1")
                .claim("token_use", "id")
                .expirationTime(Date.from(NOW.plusSeconds(3600)))
                .issueTime(Date.from(NOW.minusSeconds(60)));
    }

    /** Returns an RS256 token of these claims, signed with this key and naming its kid. */
    String sign(Consumer<JWTClaimsSet.Builder> changes) {
        JWTClaimsSet.Builder claims = idClaims();
        changes.accept(claims);
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
