package dev.apigw.runtime.auth.sigv4;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Builds the SigV4 canonical request of a request as AWS does for {@code execute-api} (reference
 * 8.7; the SigV4 rules of the AWS General Reference): the method; the raw path normalized (empty
 * and dot segments removed) and URI-encoded once more (so {@code %20} becomes {@code %2520}, as for
 * every service but S3); the query pairs decoded, re-encoded and sorted, without {@code
 * X-Amz-Signature} in the query form; each signed header lower-cased with its values trimmed, inner
 * runs of spaces collapsed and repeated values joined by commas; the signed header names; the
 * payload hash. Shared by {@link SigV4Verifier}, which rebuilds it from a request that arrived, and
 * {@link SigV4Signer}, which builds it for a request about to be sent.
 */
final class CanonicalRequest {
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private CanonicalRequest() {}

    /** Returns the canonical request text of a request that arrived signed. */
    static String of(Request request, SignedRequest signed, String payloadHash) {
        return of(
                request.httpMethod(),
                canonicalUri(request.path()),
                canonicalQuery(request.rawQueryString(), signed.queryForm()),
                request.headers(),
                signed.signedHeaders(),
                payloadHash);
    }

    /**
     * Returns the canonical request text from its parts: the canonical URI and query already built,
     * the signed header names lower case, in their order.
     */
    static String of(
            String httpMethod,
            String canonicalUri,
            String canonicalQuery,
            Headers headers,
            List<String> signedHeaders,
            String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(httpMethod).append('\n');
        out.append(canonicalUri).append('\n');
        out.append(canonicalQuery).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':').append(canonicalValue(headers, name)).append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n');
        return out.append(payloadHash).toString();
    }

    /** Returns the canonical URI of a raw (still encoded) path. */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return SigV4Encoding.encode(normalize(rawPath), true);
    }

    /**
     * Normalizes the path as {@code java.net.URI.normalize()} does and the AWS SDKs sign it: empty
     * and {@code .} segments dropped, {@code ..} removing the segment before it (kept when there is
     * none), a trailing slash only if the raw path ends with one.
     */
    private static String normalize(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !kept.isEmpty() && !kept.peekLast().equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        boolean trailingSlash = path.endsWith("/") && !kept.isEmpty();
        return "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
    }

    /**
     * Returns the canonical query of a raw query string: pairs decoded, re-encoded and sorted by
     * name then value; {@code X-Amz-Signature} left out when {@code queryForm}.
     */
    static String canonicalQuery(String rawQuery, boolean queryForm) {
        List<String[]> pairs = new ArrayList<>();
        for (QueryParameter p : QueryParameter.parseAll(rawQuery)) {
            if (queryForm && p.name().equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(
                    new String[] {
                        SigV4Encoding.encode(p.name(), false),
                        SigV4Encoding.encode(p.value(), false)
                    });
        }
        pairs.sort(BY_NAME_THEN_VALUE);
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    private static String canonicalValue(Headers headers, String name) {
        List<String> values = new ArrayList<>();
        headers.forEach(
                (n, v) -> {
                    if (n.toLowerCase(Locale.ROOT).equals(name)) {
                        values.add(v.strip().replaceAll(" +", " "));
                    }
                });
        return String.join(",", values);
    }
}
