package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference 8.4: a user pool token is verified against the pool's key set (RS256 only), its issuer
 * and its lifetime; hostile tokens are refused, never thrown.
 */
class UserPoolTokenVerifierTest {
    private static final TestTokens POOL_KEYS = new TestTokens("key-1");
    private static final Map<String, UserPoolKeys> KEY_SETS =
            Map.of(
                    TestTokens.POOL.poolId(),
                    UserPoolKeys.of(TestTokens.POOL.poolId(), POOL_KEYS.jwks()));
    private final UserPoolTokenVerifier verifier =
            new UserPoolTokenVerifier(List.of(TestTokens.POOL));

    private UserPoolTokenVerifier.Outcome verify(String token) {
        return verifier.verify(token, KEY_SETS, TestTokens.NOW);
    }

    @Test
    void verify_validToken_givesPoolAndClaims() {
        UserPoolTokenVerifier.Outcome outcome =
                verify(POOL_KEYS.sign(c -> c.claim("custom:role", "admin")));

        assertThat(outcome).isInstanceOf(UserPoolTokenVerifier.Verified.class);
        UserPoolTokenVerifier.Verified valid = (UserPoolTokenVerifier.Verified) outcome;
        assertThat(valid.pool()).isEqualTo(TestTokens.POOL);
        assertThat(valid.claims().getClaim("custom:role")).isEqualTo("admin");
    }

    @Test
    void verify_expiredToken_refused() {
        assertRefused(
                verify(POOL_KEYS.sign(c -> c.expirationTime(Date.from(TestTokens.NOW)))),
                "expired");
    }

    @Test
    void verify_tokenWithoutExp_refused() {
        assertRefused(verify(POOL_KEYS.sign(c -> c.expirationTime(null))), "expired");
    }

    @Test
    void verify_notBeforeInTheFuture_refused() {
        assertRefused(
                verify(
                        POOL_KEYS.sign(
                                c -> c.notBeforeTime(Date.from(TestTokens.NOW.plusSeconds(1))))),
                "not valid yet");
    }

    @Test
    void verify_notBeforeNow_accepted() {
        assertThat(verify(POOL_KEYS.sign(c -> c.notBeforeTime(Date.from(TestTokens.NOW)))))
                .isInstanceOf(UserPoolTokenVerifier.Verified.class);
    }

    @Test
    void verify_otherIssuer_refused() {
        assertRefused(
                verify(
                        POOL_KEYS.sign(
                                c ->
                                        c.issuer(
                                                "https://cognito-idp.us-east-1.amazonaws.com/"
                                                        + "us-east-1_Other"))),
                "issuer");
    }

    @Test
    void verify_signedByAnotherKeyWithTheSameKid_refused() {
        TestTokens forger = new TestTokens("key-1");

        assertRefused(verify(forger.sign(c -> {})), "signature");
    }

    @Test
    void verify_unknownKid_refused() {
        assertRefused(verify(new TestTokens("key-2").sign(c -> {})), "key id");
    }

    @Test
    void verify_tamperedPayload_refused() {
        String[] parts = POOL_KEYS.sign(c -> {}).split("\\.");
        String payload =
                Base64URL.encode(
                                parts[1].isEmpty()
                                        ? ""
                                        : new String(
                                                        Base64URL.from(parts[1]).decode(),
                                                        StandardCharsets.UTF_8)
                                                .replace("user-1", "admin-1"))
                        .toString();

        assertRefused(verify(parts[0] + "." + payload + "." + parts[2]), "signature");
    }

    @Test
    void verify_algNone_refused() {
        String token = new PlainJWT(TestTokens.idClaims().build()).serialize();

        assertRefused(verify(token), "unsigned");
    }

    @Test
    void verify_hmacSignedWithThePublicKey_refused() throws Exception {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                        TestTokens.idClaims().build());
        jwt.sign(new MACSigner(POOL_KEYS.key.toRSAPublicKey().getEncoded()));

        assertRefused(verify(jwt.serialize()), "HS256 is not RS256");
    }

    @Test
    void verify_encryptedTokenWrappingAValidOne_refused() throws Exception {
        JWEObject jwe =
                new JWEObject(
                        new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM)
                                .contentType("JWT")
                                .build(),
                        new Payload(POOL_KEYS.sign(c -> {})));
        jwe.encrypt(new RSAEncrypter(POOL_KEYS.key.toRSAPublicKey()));

        assertRefused(verify(jwe.serialize()), "encrypted");
    }

    static Stream<String> hostileTokens() {
        Random random = new Random(1104);
        String header = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"key-1\"}").toString();
        Stream<String> fixed =
                Stream.of(
                        "",
                        ".",
                        "..",
                        "not a token",
                        "a.b.c",
                        "!!!.###.$$$",
                        header + "." + Base64URL.encode("{not json") + ".sig",
                        header + "." + Base64URL.encode("[1,2]") + ".sig",
                        header + "..",
                        Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode("{}") + ".",
                        "x".repeat(10_240),
                        header + "." + "A".repeat(10_240) + "." + "B".repeat(342));
        Stream<String> random10k =
                IntStream.range(0, 20)
                        .mapToObj(
                                i -> {
                                    byte[] bytes = new byte[random.nextInt(10_240)];
                                    random.nextBytes(bytes);
                                    String noise = Base64URL.encode(bytes).toString();
                                    int cut1 = random.nextInt(noise.length() + 1);
                                    int cut2 = cut1 + random.nextInt(noise.length() - cut1 + 1);
                                    return noise.substring(0, cut1)
                                            + "."
                                            + noise.substring(cut1, cut2)
                                            + "."
                                            + noise.substring(cut2);
                                });
        return Stream.concat(fixed, random10k);
    }

    @ParameterizedTest
    @MethodSource("hostileTokens")
    void verify_hostileToken_refusedWithoutThrowing(String token) {
        assertThat(verify(token)).isInstanceOf(UserPoolTokenVerifier.Rejected.class);
    }

    @Test
    void verify_refusalReason_neverQuotesTheToken() {
        String token = new TestTokens("key-9").sign(c -> {});

        UserPoolTokenVerifier.Outcome outcome = verify(token);

        assertThat(((UserPoolTokenVerifier.Rejected) outcome).reason())
                .doesNotContain(token.split("\\.")[1].substring(0, 20));
    }

    private static void assertRefused(UserPoolTokenVerifier.Outcome outcome, String reason) {
        assertThat(outcome).isInstanceOf(UserPoolTokenVerifier.Rejected.class);
        assertThat(((UserPoolTokenVerifier.Rejected) outcome).reason()).contains(reason);
    }
}
