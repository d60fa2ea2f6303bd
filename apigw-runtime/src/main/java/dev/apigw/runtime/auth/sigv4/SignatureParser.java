package dev.apigw.runtime.auth.sigv4;

import dev.apigw.runtime.Request;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the SigV4 elements of a request (reference 8.7): the {@code Authorization: AWS4-HMAC-SHA256
 * Credential=..., SignedHeaders=..., Signature=...} header with {@code X-Amz-Date} and {@code
 * X-Amz-Security-Token} headers, or else the query-string form ({@code X-Amz-Algorithm}, {@code
 * X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature},
 * {@code X-Amz-Expires}, {@code X-Amz-Security-Token}).
 */
final class SignatureParser {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** AWS's upper bound of {@code X-Amz-Expires}: seven days. */
    private static final long MAX_EXPIRES_SECONDS = 604_800;

    private SignatureParser() {}

    /** Returns what the request carries. */
    static ParsedSignature parse(Request request) {
        Optional<String> authorization = request.headers().first("Authorization");
        if (authorization.isPresent()) {
            return parseHeader(authorization.get().trim(), request);
        }
        List<QueryParameter> query = QueryParameter.parseAll(request.rawQueryString());
        if (QueryParameter.first(query, "X-Amz-Algorithm").isPresent()) {
            return parseQuery(query);
        }
        return new ParsedSignature.Unsigned();
    }

    private static ParsedSignature parseHeader(String authorization, Request request) {
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return new ParsedSignature.Malformed("Authorization is not " + ALGORITHM);
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        Optional<String> date = request.headers().first("X-Amz-Date");
        if (date.isEmpty()) {
            return new ParsedSignature.Malformed("no X-Amz-Date header");
        }
        return build(
                fields.get("Credential"),
                fields.get("SignedHeaders"),
                fields.get("Signature"),
                date.get().trim(),
                null,
                request.headers().first("X-Amz-Security-Token").map(String::trim),
                false);
    }

    private static ParsedSignature parseQuery(List<QueryParameter> query) {
        if (!QueryParameter.first(query, "X-Amz-Algorithm").orElse("").equals(ALGORITHM)) {
            return new ParsedSignature.Malformed("X-Amz-Algorithm is not " + ALGORITHM);
        }
        return build(
                QueryParameter.first(query, "X-Amz-Credential").orElse(null),
                QueryParameter.first(query, "X-Amz-SignedHeaders").orElse(null),
                QueryParameter.first(query, "X-Amz-Signature").orElse(null),
                QueryParameter.first(query, "X-Amz-Date").orElse(null),
                QueryParameter.first(query, "X-Amz-Expires").orElse(null),
                QueryParameter.first(query, "X-Amz-Security-Token"),
                true);
    }

    private static ParsedSignature build(
            String credential,
            String signedHeaders,
            String signature,
            String amzDate,
            String expires,
            Optional<String> securityToken,
            boolean queryForm) {
        if (credential == null || signedHeaders == null || signature == null || amzDate == null) {
            return new ParsedSignature.Malformed("a SigV4 element is missing");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || Arrays.stream(scope).anyMatch(String::isEmpty)) {
            return new ParsedSignature.Malformed("the credential is not key/date/region/service");
        }
        Optional<Long> expiresSeconds = Optional.empty();
        if (expires != null) {
            if (!expires.matches("[0-9]{1,7}") || Long.parseLong(expires) > MAX_EXPIRES_SECONDS) {
                return new ParsedSignature.Malformed("X-Amz-Expires out of range");
            }
            expiresSeconds = Optional.of(Long.parseLong(expires));
        }
        List<String> headers = Arrays.asList(signedHeaders.split(";", -1));
        return new SignedRequest(
                scope[0],
                scope[1],
                scope[2],
                scope[3],
                scope[4],
                List.copyOf(headers),
                signature,
                amzDate,
                expiresSeconds,
                securityToken,
                queryForm);
    }
}
