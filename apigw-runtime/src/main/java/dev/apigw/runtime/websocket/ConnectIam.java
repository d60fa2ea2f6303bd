package dev.apigw.runtime.websocket;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.auth.sigv4.SigV4Outcome;
import dev.apigw.runtime.auth.sigv4.SigV4Verifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Verifies the SigV4 signature of an upgrade request to a {@code $connect} route with {@code
 * authorizationType AWS_IAM} (reference 7.3, 8.7) with the runtime's {@link SigV4Verifier}, as HTTP
 * API IAM routes do: the request is {@code GET /{stage}} with its query string (signed in the
 * headers or presigned in the query) and headers. A verified caller gives the identity fields
 * {@code accessKey}, {@code accountId}, {@code caller}, {@code user} and {@code userArn}; any
 * failure gives null, which refuses with 403. Immutable and thread-safe.
 */
final class ConnectIam {
    private final SigV4Verifier verifier;

    ConnectIam(SigV4Verifier verifier) {
        this.verifier = verifier;
    }

    /** Returns the caller's identity fields, or null when the signature does not verify. */
    Map<String, String> verify(ConnectRequest request, String stageName) {
        SigV4Outcome outcome = verifier.verify(asRequest(request, stageName));
        if (!(outcome instanceof SigV4Outcome.Verified caller)) {
            return null;
        }
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("accessKey", caller.accessKey());
        identity.put("accountId", caller.accountId());
        identity.put("caller", caller.accessKey());
        identity.put("user", caller.accessKey());
        identity.put("userArn", caller.userArn());
        return identity;
    }

    private static Request asRequest(ConnectRequest request, String stageName) {
        StringJoiner query = new StringJoiner("&");
        request.queryParameters()
                .forEach(
                        (name, values) -> {
                            for (String value : values) {
                                query.add(encode(name) + "=" + encode(value));
                            }
                        });
        String target = "/" + stageName + (query.length() == 0 ? "" : "?" + query);
        Request.Builder builder = Request.builder().httpMethod("GET").target(target);
        request.headers()
                .forEach(
                        (name, values) -> {
                            for (String value : values) {
                                builder.header(name, value);
                            }
                        });
        return builder.build();
    }

    /** Percent-encodes as SigV4's canonical query does (RFC 3986 unreserved kept). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
