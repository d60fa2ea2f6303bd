package dev.apigw.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.IamCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link SigV4Verifier} decides (reference 8.7; messages reference 3.1) for requests signed by
 * the AWS SDK v2's own SigV4 signer, in the header and the query-string forms.
 */
class SigV4VerifierTest {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TEMP_KEY = "ASIAIOSFODNN7EXAMPLE";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token=";
    private static final String ACCOUNT = "123456789012";
    private static final String ARN = "arn:aws:iam::123456789012:user/alice";
    private static final String ROLE_ARN = "arn:aws:sts::123456789012:assumed-role/reader/session1";
    private static final Instant NOW = Instant.parse("2026-12-04T08:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final CredentialsResolver RESOLVER =
            key ->
                    switch (key) {
                        case KEY -> Optional.of(IamCredentials.of(SECRET, ACCOUNT, ARN));
                        case TEMP_KEY ->
                                Optional.of(
                                        IamCredentials.of(SECRET, ACCOUNT, ROLE_ARN)
                                                .withSessionToken(TOKEN));
                        default -> Optional.empty();
                    };

    private final SigV4Verifier verifier = new SigV4Verifier(RESOLVER, CLOCK, "us-east-1", false);
    private final SdkSigner signer = SdkSigner.of(KEY, SECRET, CLOCK);

    private static Clock at(Duration offset) {
        return Clock.fixed(NOW.plus(offset), ZoneOffset.UTC);
    }

    private Request signedPost(SdkSigner by) {
        return by.sign(
                "POST",
                "/dev/pets/42",
                Map.of("limit", List.of("2"), "type", List.of("dog", "cat")),
                Map.of("Content-Type", "application/json", "X-Custom", "one"),
                "{\"name\":\"rex\"}");
    }

    @Test
    void verify_headerFormSignedBySdk_verifiedCaller() {
        Request request = signedPost(signer);

        assertThat(request.headers().first("Authorization"))
                .hasValueSatisfying(
                        v -> assertThat(v).startsWith("AWS4-HMAC-SHA256 Credential=" + KEY));
        assertThat(verifier.verify(request))
                .isEqualTo(new SigV4Outcome.Verified(KEY, ACCOUNT, ARN));
    }

    @Test
    void verify_queryFormSignedBySdk_verifiedCaller() {
        Request request = signedPost(signer.presigning());

        assertThat(request.headers().contains("Authorization")).isFalse();
        assertThat(request.rawQueryString()).contains("X-Amz-Signature=");
        assertThat(verifier.verify(request))
                .isEqualTo(new SigV4Outcome.Verified(KEY, ACCOUNT, ARN));
    }

    @Test
    void verify_unsignedRequest_missingAuthenticationToken() {
        SigV4Outcome outcome = verifier.verify(Request.get("/dev/pets"));

        assertThat(outcome).isEqualTo(new SigV4Outcome.MissingAuthentication());
        assertFailure(
                outcome,
                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                "Missing Authentication Token");
    }

    @Test
    void verify_tamperedSignedHeader_invalidSignature() {
        Request signed = signedPost(signer);
        Request tampered =
                signed.toBuilder()
                        .headers(signed.headers().toBuilder().set("X-Custom", "two").build())
                        .build();

        assertInvalidSignature(verifier.verify(tampered));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void verify_tamperedBody_invalidSignature(boolean queryForm) {
        Request signed = signedPost(queryForm ? signer.presigning() : signer);

        assertInvalidSignature(
                verifier.verify(signed.toBuilder().body("{\"name\":\"max\"}").build()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void verify_tamperedPath_invalidSignature(boolean queryForm) {
        Request signed = signedPost(queryForm ? signer.presigning() : signer);

        assertInvalidSignature(verifier.verify(signed.toBuilder().path("/dev/pets/43").build()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void verify_tamperedQuery_invalidSignature(boolean queryForm) {
        Request signed = signedPost(queryForm ? signer.presigning() : signer);
        String query = signed.rawQueryString().replace("limit=2", "limit=200");

        assertThat(query).isNotEqualTo(signed.rawQueryString());
        assertInvalidSignature(verifier.verify(signed.toBuilder().rawQueryString(query).build()));
    }

    @Test
    void verify_queryPairsReordered_verified() {
        Request signed = signedPost(signer);
        List<String> pairs = new ArrayList<>(List.of(signed.rawQueryString().split("&")));
        Collections.reverse(pairs);

        Request reordered = signed.toBuilder().rawQueryString(String.join("&", pairs)).build();

        assertThat(verifier.verify(reordered)).isInstanceOf(SigV4Outcome.Verified.class);
    }

    @Test
    void verify_wrongSecret_invalidSignature() {
        Request request = signedPost(SdkSigner.of(KEY, "not-the-secret", CLOCK));

        assertInvalidSignature(verifier.verify(request));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void verify_unknownAccessKey_unknownKey(boolean queryForm) {
        SdkSigner stranger = SdkSigner.of("AKIAUNKNOWNKEY000000", SECRET, CLOCK);

        SigV4Outcome outcome =
                verifier.verify(signedPost(queryForm ? stranger.presigning() : stranger));

        assertThat(outcome).isInstanceOf(SigV4Outcome.UnknownKey.class);
        assertFailure(
                outcome,
                GatewayResponseType.INVALID_SIGNATURE,
                "The security token included in the request is invalid.");
    }

    @Test
    void verify_signedForAnotherRegion_invalidSignature() {
        assertInvalidSignature(verifier.verify(signedPost(signer.inRegion("eu-west-1"))));
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -3600, 3600})
    void verify_dateMoreThanFiveMinutesAway_expired(long skewSeconds) {
        Request request =
                signedPost(SdkSigner.of(KEY, SECRET, at(Duration.ofSeconds(skewSeconds))));

        SigV4Outcome outcome = verifier.verify(request);

        assertThat(outcome).isInstanceOf(SigV4Outcome.Expired.class);
        assertFailure(
                outcome,
                GatewayResponseType.EXPIRED_TOKEN,
                "The security token included in the request is expired");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, -299, 0, 299, 300})
    void verify_dateWithinFiveMinutes_verified(long skewSeconds) {
        Request request =
                signedPost(SdkSigner.of(KEY, SECRET, at(Duration.ofSeconds(skewSeconds))));

        assertThat(verifier.verify(request)).isInstanceOf(SigV4Outcome.Verified.class);
    }

    @Test
    void verify_presignedUrlWithinItsExpiry_verified() {
        Request request =
                signedPost(SdkSigner.of(KEY, SECRET, at(Duration.ofMinutes(-14))).presigning());

        assertThat(verifier.verify(request)).isInstanceOf(SigV4Outcome.Verified.class);
    }

    @Test
    void verify_presignedUrlPastItsExpiry_expired() {
        Request request =
                signedPost(SdkSigner.of(KEY, SECRET, at(Duration.ofMinutes(-16))).presigning());

        assertThat(verifier.verify(request)).isInstanceOf(SigV4Outcome.Expired.class);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void verify_sessionTokenOfTheCredentials_verifiedRole(boolean queryForm) {
        SdkSigner temp = SdkSigner.withSession(TEMP_KEY, SECRET, TOKEN, CLOCK);

        SigV4Outcome outcome = verifier.verify(signedPost(queryForm ? temp.presigning() : temp));

        assertThat(outcome).isEqualTo(new SigV4Outcome.Verified(TEMP_KEY, ACCOUNT, ROLE_ARN));
    }

    @Test
    void verify_otherSessionToken_unknownKey() {
        SdkSigner temp = SdkSigner.withSession(TEMP_KEY, SECRET, "another-token", CLOCK);

        assertThat(verifier.verify(signedPost(temp))).isInstanceOf(SigV4Outcome.UnknownKey.class);
    }

    @Test
    void verify_temporaryKeyWithoutSessionToken_unknownKey() {
        SdkSigner noToken = SdkSigner.of(TEMP_KEY, SECRET, CLOCK);

        assertThat(verifier.verify(signedPost(noToken)))
                .isInstanceOf(SigV4Outcome.UnknownKey.class);
    }

    @Test
    void verify_sessionTokenForLongTermKey_unknownKey() {
        SdkSigner withToken = SdkSigner.withSession(KEY, SECRET, TOKEN, CLOCK);

        assertThat(verifier.verify(signedPost(withToken)))
                .isInstanceOf(SigV4Outcome.UnknownKey.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/dev/pets/a%20b",
                "/dev/pets/%C3%A9t%C3%A9/caf%C3%A9",
                "/dev/files/a%2Fb%3Fc%23d",
                "/dev/pets/x~y_z-1.2/%21%24%26%27%28%29%2A%2B%2C%3B%3D%3A%40",
                "/dev/pets/",
                "/dev"
            })
    void verify_pathWithCharactersNeedingEncoding_verified(String encodedPath) {
        for (SdkSigner by : List.of(signer, signer.presigning())) {
            Request request = by.sign("GET", encodedPath);

            assertThat(verifier.verify(request))
                    .as(encodedPath)
                    .isInstanceOf(SigV4Outcome.Verified.class);
        }
    }

    @Test
    void verify_queryValuesNeedingEncoding_verified() {
        Request request =
                signer.sign(
                        "GET",
                        "/dev/search",
                        Map.of(
                                "q",
                                List.of("a b/c+d=é"),
                                "empty",
                                List.of(""),
                                "a~b",
                                List.of("*")),
                        Map.of(),
                        "");

        assertThat(verifier.verify(request)).isInstanceOf(SigV4Outcome.Verified.class);
    }

    @Test
    void verify_unsignedPayloadWhenAllowed_verified() {
        Request request = signedPost(signer.unsignedPayload());
        SigV4Verifier lenient = new SigV4Verifier(RESOLVER, CLOCK, "us-east-1", true);

        assertThat(request.headers().first("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
        assertThat(lenient.verify(request)).isInstanceOf(SigV4Outcome.Verified.class);
    }

    @Test
    void verify_unsignedPayloadWhenNotAllowed_invalidSignature() {
        assertInvalidSignature(verifier.verify(signedPost(signer.unsignedPayload())));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc",
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261204/us-east-1",
                "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261204/us-east-1/execute-api/"
                        + "aws4_request, SignedHeaders=x-amz-date, Signature=00"
            })
    void verify_malformedAuthorization_invalidSignature(String authorization) {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .path("/dev/pets")
                        .header("Host", SdkSigner.HOST)
                        .header("X-Amz-Date", "20261204T083000Z")
                        .header("Authorization", authorization)
                        .build();

        assertInvalidSignature(verifier.verify(request));
    }

    @Test
    void verify_headerValuesWithInnerSpacesAndRepeats_verified() {
        Request request =
                signer.sign(
                        "GET",
                        "/dev/pets",
                        Map.of(),
                        Map.of("X-Custom", "  a   b  c ", "X-Other", "1"),
                        "");
        Request repeated = request.toBuilder().header("X-Unsigned", "ignored").build();

        assertThat(verifier.verify(repeated)).isInstanceOf(SigV4Outcome.Verified.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/dev/a/../pets",
                "/dev/./pets",
                "/dev/pets/./x/..",
                "/dev/pets/x/../",
                "/..",
                "/a/../..",
                "//dev//pets//"
            })
    void verify_pathWithDotOrEmptySegments_verified(String encodedPath) {
        assertThat(verifier.verify(signer.sign("GET", encodedPath)))
                .isInstanceOf(SigV4Outcome.Verified.class);
    }

    @Test
    void toString_credentials_neverShowsSecretOrToken() {
        IamCredentials credentials =
                IamCredentials.of(SECRET, ACCOUNT, ARN).withSessionToken(TOKEN);

        assertThat(credentials.toString()).contains(ACCOUNT, ARN).doesNotContain(SECRET, TOKEN);
    }

    private static void assertInvalidSignature(SigV4Outcome outcome) {
        assertThat(outcome).isInstanceOf(SigV4Outcome.InvalidSignature.class);
        assertFailure(
                outcome,
                GatewayResponseType.INVALID_SIGNATURE,
                "The request signature we calculated does not match the signature you provided.");
    }

    private static void assertFailure(
            SigV4Outcome outcome, GatewayResponseType type, String message) {
        assertThat(outcome).isInstanceOf(SigV4Outcome.Failure.class);
        SigV4Outcome.Failure failure = (SigV4Outcome.Failure) outcome;
        assertThat(failure.type()).isEqualTo(type);
        assertThat(failure.message()).isEqualTo(message);
    }
}
