package dev.apigw.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.IamCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * {@link SigV4Signer} (reference 8.7) against the AWS SDK v2's own SigV4 signer ({@code
 * http-auth-aws}): the same request signed at the same instant with the same credentials carries
 * the same {@code Authorization}, for a JSON-protocol POST, a query-protocol GET with encoded query
 * values and dot segments in the path, temporary credentials, and S3 (path signed as sent, {@code
 * x-amz-content-sha256}); and {@link SigV4Verifier} accepts what it signs for {@code execute-api}.
 */
class SigV4SignerTest {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token=";
    private static final Instant NOW = Instant.parse("2026-12-04T08:30:00Z");

    private static String sdkAuthorization(
            AwsCredentialsIdentity identity,
            String method,
            URI uri,
            Headers headers,
            String body,
            String region,
            String service,
            boolean s3) {
        SdkHttpRequest.Builder http =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(http::appendHeader);
        SdkHttpRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(identity)
                                                .request(http.build())
                                                .payload(ContentStreamProvider.fromUtf8String(body))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        service)
                                                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                                .putProperty(
                                                        HttpSigner.SIGNING_CLOCK,
                                                        Clock.fixed(NOW, ZoneOffset.UTC))
                                                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                                                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3))
                        .request();
        return signed.firstMatchingHeader("Authorization").orElseThrow();
    }

    /**
     * Returns {@code headers} with the {@code X-Amz-Content-Sha256} the SDK's signer adds to every
     * request (SigV4 requires it of S3 only, so {@link SigV4Signer} sends it for S3 only): given to
     * both signers, it makes them sign the same header set.
     */
    private static Headers withContentSha(Headers headers, String body) {
        return headers.with(
                "X-Amz-Content-Sha256",
                SigV4Crypto.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Headers ours(
            SigV4Signer signer,
            String method,
            URI uri,
            Headers headers,
            String body,
            String region,
            String service) {
        return signer.sign(
                method, uri, headers, body.getBytes(StandardCharsets.UTF_8), region, service, NOW);
    }

    @Test
    void sign_jsonProtocolPost_hasTheSdksAuthorization() {
        URI uri = URI.create("http://127.0.0.1:4566/");
        Headers headers =
                Headers.of(
                        "Content-Type", "application/x-amz-json-1.0",
                        "X-Amz-Target", "AmazonSQS.SendMessage");
        String body = "{\"QueueUrl\":\"http://q/1/queue\",\"MessageBody\":\"hi  there\"}";

        Headers signed =
                ours(
                        SigV4Signer.of(KEY, SECRET, ""),
                        "POST",
                        uri,
                        headers,
                        body,
                        "us-east-1",
                        "sqs");
        Headers signedWithSha =
                ours(
                        SigV4Signer.of(KEY, SECRET, ""),
                        "POST",
                        uri,
                        withContentSha(headers, body),
                        body,
                        "us-east-1",
                        "sqs");

        assertThat(signedWithSha.first("Authorization"))
                .contains(
                        sdkAuthorization(
                                AwsCredentialsIdentity.create(KEY, SECRET),
                                "POST",
                                uri,
                                headers.with(
                                        "Host", "127.0.0.1:4566", "X-Amz-Date", "20261204T083000Z"),
                                body,
                                "us-east-1",
                                "sqs",
                                false));
        assertThat(signed.first("Authorization").orElseThrow())
                .startsWith(
                        "AWS4-HMAC-SHA256 Credential="
                                + KEY
                                + "/20261204/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=");
        assertThat(signed.first("Host")).contains("127.0.0.1:4566");
        assertThat(signed.first("X-Amz-Date")).contains("20261204T083000Z");
        assertThat(signed.contains("X-Amz-Content-Sha256")).isFalse();
    }

    @Test
    void sign_queryProtocolGetWithEncodedValuesAndDotSegments_hasTheSdksAuthorization() {
        URI uri =
                URI.create(
                        "https://sqs.eu-west-1.amazonaws.com/123456789012/a%20b/./c/../queue?Action=SendMessage&MessageBody=caf%C3%A9%20%26%20tea&B=2&A=1");

        Headers signed =
                ours(
                        SigV4Signer.of(KEY, SECRET, ""),
                        "GET",
                        uri,
                        withContentSha(Headers.empty(), ""),
                        "",
                        "eu-west-1",
                        "sqs");

        assertThat(signed.first("Host")).contains("sqs.eu-west-1.amazonaws.com");
        assertThat(signed.first("Authorization"))
                .contains(
                        sdkAuthorization(
                                AwsCredentialsIdentity.create(KEY, SECRET),
                                "GET",
                                uri,
                                Headers.of(
                                        "Host",
                                        "sqs.eu-west-1.amazonaws.com",
                                        "X-Amz-Date",
                                        "20261204T083000Z"),
                                "",
                                "eu-west-1",
                                "sqs",
                                false));
    }

    @Test
    void sign_temporaryCredentials_sendsAndSignsTheSessionToken() {
        URI uri = URI.create("http://localhost:4566/");
        Headers headers = Headers.of("X-Amz-Target", "AWSEvents.PutEvents");

        Headers signed =
                ours(
                        SigV4Signer.of(KEY, SECRET, TOKEN),
                        "POST",
                        uri,
                        withContentSha(headers, "{}"),
                        "{}",
                        "us-east-1",
                        "events");

        assertThat(signed.first("X-Amz-Security-Token")).contains(TOKEN);
        assertThat(signed.first("Authorization"))
                .contains(
                        sdkAuthorization(
                                AwsSessionCredentialsIdentity.create(KEY, SECRET, TOKEN),
                                "POST",
                                uri,
                                headers.with(
                                        "Host", "localhost:4566",
                                        "X-Amz-Date", "20261204T083000Z",
                                        "X-Amz-Security-Token", TOKEN),
                                "{}",
                                "us-east-1",
                                "events",
                                false));
    }

    @Test
    void sign_s3_signsThePathAsSentAndSendsTheContentSha256() {
        URI uri = URI.create("http://127.0.0.1:4566/bucket/a%20b/../key.txt");

        Headers signed =
                ours(
                        SigV4Signer.of(KEY, SECRET, ""),
                        "PUT",
                        uri,
                        Headers.of("Content-Type", "text/plain"),
                        "hello",
                        "us-east-1",
                        "s3");

        String sha = signed.first("X-Amz-Content-Sha256").orElseThrow();
        assertThat(sha).isEqualTo(SigV4Crypto.sha256Hex("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.first("Authorization"))
                .contains(
                        sdkAuthorization(
                                AwsCredentialsIdentity.create(KEY, SECRET),
                                "PUT",
                                uri,
                                Headers.of(
                                        "Content-Type", "text/plain",
                                        "Host", "127.0.0.1:4566",
                                        "X-Amz-Date", "20261204T083000Z",
                                        "X-Amz-Content-Sha256", sha),
                                "hello",
                                "us-east-1",
                                "s3",
                                true));
    }

    @Test
    void sign_headersAClientMayChange_areSentButNotSigned() {
        Headers signed =
                ours(
                        SigV4Signer.of(KEY, SECRET, ""),
                        "POST",
                        URI.create("http://localhost:80/"),
                        Headers.of("User-Agent", "x", "Authorization", "old", "Host", "elsewhere"),
                        "",
                        "us-east-1",
                        "sqs");

        assertThat(signed.first("Host")).contains("localhost");
        assertThat(signed.values("Authorization")).hasSize(1);
        assertThat(signed.first("Authorization").orElseThrow())
                .contains("SignedHeaders=host;x-amz-date,");
        assertThat(signed.first("User-Agent")).contains("x");
    }

    @Test
    void sign_forExecuteApi_isAcceptedBySigV4Verifier() {
        URI uri =
                URI.create(
                        "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/dev/pets?limit=2");
        Headers signed =
                ours(
                        SigV4Signer.of(KEY, SECRET, ""),
                        "POST",
                        uri,
                        Headers.of("Content-Type", "application/json"),
                        "{\"a\":1}",
                        "us-east-1",
                        SigV4Verifier.SERVICE);
        Request.Builder request =
                Request.builder()
                        .httpMethod("POST")
                        .path(uri.getRawPath())
                        .rawQueryString(uri.getRawQuery())
                        .body("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        signed.forEach(request::header);
        SigV4Verifier verifier =
                new SigV4Verifier(
                        key ->
                                key.equals(KEY)
                                        ? Optional.of(
                                                IamCredentials.of(
                                                        SECRET,
                                                        "123456789012",
                                                        "arn:aws:iam::123456789012:user/a"))
                                        : Optional.empty(),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        "us-east-1",
                        false);

        assertThat(verifier.verify(request.build())).isInstanceOf(SigV4Outcome.Verified.class);
    }
}
