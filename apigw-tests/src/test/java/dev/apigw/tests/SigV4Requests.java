package dev.apigw.tests;

import dev.apigw.runtime.Request;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs scenario requests with the AWS SDK v2's SigV4 signer ({@code http-auth-aws}), never with
 * our code, for service {@code execute-api}, and turns the signed request into a {@link Request} as
 * it reaches API Gateway.
 */
final class SigV4Requests {
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity identity;
    private final Clock clock;
    private final String host;
    private final boolean presign;

    private SigV4Requests(
            AwsCredentialsIdentity identity, Clock clock, String host, boolean presign) {
        this.identity = identity;
        this.clock = clock;
        this.host = host;
        this.presign = presign;
    }

    /** Returns a signer of these credentials for the API's host, header form. */
    static SigV4Requests of(AwsCredentialsIdentity identity, Clock clock, String host) {
        return new SigV4Requests(identity, clock, host, false);
    }

    /** Returns the same signer, presigning (the query-string form). */
    SigV4Requests presigning() {
        return new SigV4Requests(identity, clock, host, true);
    }

    /** Signs a request without body. */
    Request sign(String method, String encodedPath) {
        return sign(method, encodedPath, Map.of(), "");
    }

    /** Signs a request with extra headers and a UTF-8 body. */
    Request sign(String method, String encodedPath, Map<String, String> headers, String body) {
        SdkHttpRequest.Builder http =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.fromValue(method))
                        .protocol("https")
                        .host(host)
                        .encodedPath(encodedPath)
                        .putHeader("Host", host);
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
                                            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                                            .putProperty(HttpSigner.SIGNING_CLOCK, clock);
                                    if (presign) {
                                        r.putProperty(
                                                        AwsV4HttpSigner.AUTH_LOCATION,
                                                        AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                                                .putProperty(
                                                        AwsV4HttpSigner.EXPIRATION_DURATION,
                                                        Duration.ofMinutes(5));
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
}
