package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.model.JwtConfiguration;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of an HTTP API JWT authorizer (reference 8.5), token by token. */
class HttpJwtVerifierTest {
    private static final String ISSUER = "https://issuer.example.com";
    private static final TestTokens KEYS = new TestTokens("k1");
    private static final UserPoolKeys KEY_SET = UserPoolKeys.of(ISSUER, KEYS.jwks());
    private static final HttpJwtVerifier VERIFIER =
            new HttpJwtVerifier(new JwtConfiguration(ISSUER, List.of("api", "web")));

    private static String token(JWSAlgorithm alg, Consumer<JWTClaimsSet.Builder> changes)
            throws JOSEException {
        JWTClaimsSet.Builder claims =
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience("api")
                        .expirationTime(Date.from(TestTokens.NOW.plusSeconds(60)));
        changes.accept(claims);
        SignedJWT jwt =
                new SignedJWT(new JWSHeader.Builder(alg).keyID("k1").build(), claims.build());
        jwt.sign(new RSASSASigner(KEYS.key));
        return jwt.serialize();
    }

    private static HttpJwtVerifier.Outcome verify(String token, String... routeScopes) {
        return VERIFIER.verify(token, KEY_SET, TestTokens.NOW, List.of(routeScopes));
    }

    private static String rejection(String token, String... routeScopes) {
        return ((HttpJwtVerifier.Rejected) verify(token, routeScopes)).description();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
    void verify_everyRsaAlgorithm_accepts(String alg) throws Exception {
        assertThat(verify(token(JWSAlgorithm.parse(alg), c -> {})))
                .isInstanceOf(HttpJwtVerifier.Verified.class);
    }

    @Test
    void verify_ecToken_refusesItsAlgorithm() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                        new JWTClaimsSet.Builder().issuer(ISSUER).audience("api").build());
        jwt.sign(new ECDSASigner(ec));

        assertThat(rejection(jwt.serialize())).isEqualTo(HttpJwtVerifier.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verify_oneOfSeveralAudiences_accepts() throws Exception {
        assertThat(verify(token(JWSAlgorithm.RS256, c -> c.audience(List.of("x", "web")))))
                .isInstanceOf(HttpJwtVerifier.Verified.class);
    }

    @Test
    void verify_noAudienceAndNoClientId_refuses() throws Exception {
        assertThat(rejection(token(JWSAlgorithm.RS256, c -> c.audience((String) null))))
                .isEqualTo(HttpJwtVerifier.BAD_AUDIENCE);
    }

    @Test
    void verify_noExpiry_refusesAsExpired() throws Exception {
        assertThat(rejection(token(JWSAlgorithm.RS256, c -> c.expirationTime(null))))
                .isEqualTo(HttpJwtVerifier.EXPIRED);
    }

    @Test
    void verify_expiryExactlyNow_refuses() throws Exception {
        String token = token(JWSAlgorithm.RS256, c -> c.expirationTime(Date.from(TestTokens.NOW)));

        assertThat(rejection(token)).isEqualTo(HttpJwtVerifier.EXPIRED);
    }

    @Test
    void verify_issuedAndValidFromExactlyNow_accepts() throws Exception {
        String token =
                token(
                        JWSAlgorithm.RS256,
                        c ->
                                c.issueTime(Date.from(TestTokens.NOW))
                                        .notBeforeTime(Date.from(TestTokens.NOW)));

        assertThat(verify(token)).isInstanceOf(HttpJwtVerifier.Verified.class);
    }

    @Test
    void verify_audienceOfWrongType_refusesTheAudience() throws Exception {
        assertThat(rejection(token(JWSAlgorithm.RS256, c -> c.claim("aud", 7))))
                .isEqualTo(HttpJwtVerifier.BAD_AUDIENCE);
    }

    @Test
    void verify_expiryOfWrongType_refusesAsNotAJwt() throws Exception {
        assertThat(rejection(token(JWSAlgorithm.RS256, c -> c.claim("exp", "soon"))))
                .isEqualTo(HttpJwtVerifier.NOT_A_JWT);
    }

    @Test
    void verify_scopesFromScopeAndScp_areReturnedForAScopedRoute() throws Exception {
        String token =
                token(
                        JWSAlgorithm.RS256,
                        c -> c.claim("scope", "a  b").claim("scp", List.of("c", 7)));

        HttpJwtVerifier.Verified verified = (HttpJwtVerifier.Verified) verify(token, "c");

        assertThat(verified.scopes()).containsExactly("a", "b", "c");
    }

    @Test
    void verify_noKeySet_refusesTheKeyId() throws Exception {
        HttpJwtVerifier.Outcome outcome =
                VERIFIER.verify(
                        token(JWSAlgorithm.RS256, c -> {}), null, TestTokens.NOW, List.of());

        assertThat(((HttpJwtVerifier.Rejected) outcome).description())
                .isEqualTo("the token's key id is not in the issuer's key set");
    }
}
