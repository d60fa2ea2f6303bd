package dev.apigw.runtime.auth.sigv4;

import dev.apigw.runtime.Request;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with the AWS SDK v2's own SigV4 signer ({@code http-auth-aws}), never with our
 * code, and turns the signed request into a {@link Request} as it reaches API Gateway.
 */
final class SdkSigner {
    static final String HOST = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity identity;
    private final Clock clock;
    private final String region;
    private final boolean queryForm;
    private final boolean payloadSigning;

    private SdkSigner(
            AwsCredentialsIdentity identity,
            Clock clock,
            String region,
            boolean queryForm,
            boolean payloadSigning) {
        this.identity = identity;
        this.clock = clock;
        this.region = region;
        this.queryForm = queryForm;
        this.payloadSigning = payloadSigning;
    }

    /** A signer of long-term credentials, header form, for us-east-1. */
    static SdkSigner of(String accessKey, String secret, Clock clock) {
        return new SdkSigner(
                AwsCredentialsIdentity.create(accessKey, secret), clock, "us-east-1", false, true);
    }

    /** A signer of temporary credentials, header form, for us-east-1. */
    static SdkSigner withSession(String accessKey, String secret, String token, Clock clock) {
        return new SdkSigner(
                AwsSessionCredentialsIdentity.create(accessKey, secret, token),
                clock,
                "us-east-1",
                false,
                true);
    }

    /** The same signer, but presigning (query-string form). */
    SdkSigner presigning() {
        return new SdkSigner(identity, clock, region, true, payloadSigning);
    }

    /** The same signer, declaring {@code x-amz-content-sha256: UNSIGNED-PAYLOAD}. */
    SdkSigner unsignedPayload() {
        return new SdkSigner(identity, clock, region, queryForm, false);
    }

    /** The same signer, for another region. */
    SdkSigner inRegion(String otherRegion) {
        return new SdkSigner(identity, clock, otherRegion, queryForm, payloadSigning);
    }

    /**
     * Signs a request.
     *
     * @param method the HTTP method
     * @param encodedPath the path as sent on the wire (already percent-encoded)
     * @param query raw query parameters (not encoded)
     * @param headers extra headers
     * @param body the body, UTF-8
     */
    Request sign(
            String method,
            String encodedPath,
            Map<String, List<String>> query,
            Map<String, String> headers,
            String body) {
        SdkHttpRequest.Builder http =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.fromValue(method))
                        .protocol("https")
                        .host(HOST)
                        .encodedPath(encodedPath)
                        .rawQueryParameters(query)
                        .putHeader("Host", HOST);
        headers.forEach(http::putHeader);
        SdkHttpRequest signed =
                signer.sign(
                                r -> {
                                    r.identity(identity)
                                            .request(http.build())
                                            .payload(ContentStreamProvider.fromUtf8String(body))
                                            .putProperty(
                                                    AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                    "execute-api")
                                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                            .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                                            .putProperty(
                                                    AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED,
                                                    payloadSigning);
                                    if (queryForm) {
                                        r.putProperty(
                                                        AwsV4HttpSigner.AUTH_LOCATION,
                                                        AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                                                .putProperty(
                                                        AwsV4HttpSigner.EXPIRATION_DURATION,
                                                        Duration.ofMinutes(15));
                                    }
                                })
                        .request();
        Request.Builder out =
                Request.builder()
                        .httpMethod(method)
                        .path(signed.encodedPath())
                        .rawQueryString(signed.encodedQueryParameters().orElse(""))
                        .body(body.getBytes(StandardCharsets.UTF_8));
        signed.forEachHeader((name, values) -> values.forEach(v -> out.header(name, v)));
        return out.build();
    }

    /** Signs a request without query, extra headers or body. */
    Request sign(String method, String encodedPath) {
        return sign(method, encodedPath, Map.of(), Map.of(), "");
    }
}
