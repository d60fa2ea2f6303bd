package dev.apigw.runtime.auth.sigv4;

import dev.apigw.runtime.Headers;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs a request API Gateway sends to an AWS service with SigV4 in the {@code Authorization}
 * header form (reference 8.7; the SigV4 rules of the AWS General Reference), as the AWS SDKs sign
 * it: {@code host}, {@code x-amz-date}, {@code x-amz-security-token} with temporary credentials,
 * and every header of the request but those a client or proxy may change on the way ({@code
 * connection}, {@code content-length}, {@code expect}, {@code transfer-encoding}, {@code upgrade},
 * {@code user-agent}, {@code x-amzn-trace-id}) are signed; the body's SHA-256 is the payload hash.
 * For {@code s3} the path is signed as sent (not normalized, not encoded again) and {@code
 * x-amz-content-sha256} is sent, as S3 requires; for every other service the path is normalized and
 * encoded once more. The canonical request and the signature are the ones {@link SigV4Verifier}
 * checks ({@link CanonicalRequest}, {@link SigV4Crypto}). Thread-safe; the secret is never logged
 * nor returned.
 */
public final class SigV4Signer {
    private static final String S3 = "s3";
    private static final String TERMINATOR = "aws4_request";
    private static final Set<String> UNSIGNED =
            Set.of(
                    "authorization",
                    "connection",
                    "content-length",
                    "expect",
                    "transfer-encoding",
                    "upgrade",
                    "user-agent",
                    "x-amzn-trace-id");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private SigV4Signer(String accessKeyId, String secretAccessKey, String sessionToken) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        this.sessionToken = Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /**
     * Returns a signer of these credentials; {@code sessionToken} empty for long-term credentials,
     * else sent as {@code X-Amz-Security-Token}.
     */
    public static SigV4Signer of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new SigV4Signer(accessKeyId, secretAccessKey, sessionToken);
    }

    /**
     * Returns the headers to send with the request: {@code headers} without any {@code Host},
     * {@code Authorization}, {@code X-Amz-Date} or {@code X-Amz-Security-Token} of their own, then
     * {@code Host} (the URI's host, with its port unless it is the scheme's default, as {@code
     * java.net.http} writes it), {@code X-Amz-Date}, {@code X-Amz-Security-Token}, for {@code s3}
     * {@code X-Amz-Content-Sha256}, and {@code Authorization}.
     *
     * @param httpMethod the method
     * @param uri the absolute URI as sent (its raw path and raw query are signed)
     * @param headers the request's headers
     * @param body the body
     * @param region the region signed for, e.g. {@code us-east-1}
     * @param service the service signed for, e.g. {@code sqs}
     * @param at the signing instant
     */
    public Headers sign(
            String httpMethod,
            URI uri,
            Headers headers,
            byte[] body,
            String region,
            String service,
            Instant at) {
        String amzDate = AMZ_DATE.format(at);
        String payloadHash = SigV4Crypto.sha256Hex(body);
        Headers.Builder sent =
                headers.toBuilder()
                        .remove("Host")
                        .remove("Authorization")
                        .remove("X-Amz-Date")
                        .remove("X-Amz-Security-Token")
                        .add("Host", host(uri))
                        .add("X-Amz-Date", amzDate);
        if (!sessionToken.isEmpty()) {
            sent.add("X-Amz-Security-Token", sessionToken);
        }
        if (service.equals(S3) && !sent.contains("X-Amz-Content-Sha256")) {
            sent.add("X-Amz-Content-Sha256", payloadHash);
        }
        Headers unsigned = sent.build();
        List<String> names = signedHeaders(unsigned);
        SignedRequest scope =
                new SignedRequest(
                        accessKeyId,
                        amzDate.substring(0, 8),
                        region,
                        service,
                        TERMINATOR,
                        names,
                        "",
                        amzDate,
                        Optional.empty(),
                        sessionToken.isEmpty() ? Optional.empty() : Optional.of(sessionToken),
                        false);
        String canonical =
                CanonicalRequest.of(
                        httpMethod,
                        canonicalUri(uri.getRawPath() == null ? "" : uri.getRawPath(), service),
                        CanonicalRequest.canonicalQuery(uri.getRawQuery(), false),
                        unsigned,
                        names,
                        payloadHash);
        String signature =
                SigV4Crypto.signature(
                        secretAccessKey, scope, SigV4Crypto.stringToSign(scope, canonical));
        return unsigned.toBuilder()
                .add(
                        "Authorization",
                        SignatureParser.ALGORITHM
                                + " Credential="
                                + accessKeyId
                                + "/"
                                + scope.credentialScope()
                                + ", SignedHeaders="
                                + String.join(";", names)
                                + ", Signature="
                                + signature)
                .build();
    }

    /** Returns the access key id the signatures name (not secret). */
    public String accessKeyId() {
        return accessKeyId;
    }

    @Override
    public String toString() {
        return "SigV4Signer[" + accessKeyId + "]";
    }

    private static List<String> signedHeaders(Headers headers) {
        Set<String> names = new TreeSet<>();
        headers.forEach(
                (name, value) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!UNSIGNED.contains(lower)) {
                        names.add(lower);
                    }
                });
        return List.copyOf(names);
    }

    private static String canonicalUri(String rawPath, String service) {
        if (service.equals(S3)) {
            return rawPath.isEmpty() ? "/" : rawPath;
        }
        return CanonicalRequest.canonicalUri(rawPath);
    }

    /** Returns the {@code Host} {@code java.net.http} sends for the URI. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (https ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
