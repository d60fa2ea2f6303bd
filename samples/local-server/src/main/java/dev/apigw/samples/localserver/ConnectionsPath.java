package dev.apigw.samples.localserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request target as the {@code @connections} management API of one stage (reference 7.4):
 * {@code /STAGE/@connections/ID}, with {@code @} sent as is or as {@code %40} and the id
 * URL-decoded ({@code %3D} is {@code =}). A target under {@code @connections} whose id is missing,
 * holds a {@code /} or does not decode is malformed (answered 400, docs/differences.md); any other
 * target is not the management API at all.
 */
sealed interface ConnectionsPath {
    /** The target names one connection. */
    record Connection(String connectionId) implements ConnectionsPath {}

    /** The target is under {@code @connections} but names no well-formed id. */
    record Malformed(String reason) implements ConnectionsPath {}

    /** The target is not under {@code /STAGE/@connections}. */
    record Elsewhere() implements ConnectionsPath {}

    /** Reads the raw (undecoded) path {@code rawPath} of a request to the stage {@code stage}. */
    static ConnectionsPath parse(String stage, String rawPath) {
        String prefix = "/" + stage + "/";
        if (rawPath == null || !rawPath.startsWith(prefix)) {
            return new Elsewhere();
        }
        String rest = rawPath.substring(prefix.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        String tail;
        if (rest.startsWith("@connections")) {
            tail = rest.substring("@connections".length());
        } else if (lower.startsWith("%40connections")) {
            tail = rest.substring("%40connections".length());
        } else {
            return new Elsewhere();
        }
        if (tail.isEmpty() || tail.equals("/")) {
            return new Malformed("missing connectionId");
        }
        if (!tail.startsWith("/")) {
            return new Elsewhere();
        }
        String encoded = tail.substring(1);
        if (encoded.contains("/")) {
            return new Malformed("connectionId holds a /");
        }
        String id;
        try {
            id = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Malformed("connectionId does not decode");
        }
        return id.isBlank() ? new Malformed("missing connectionId") : new Connection(id);
    }
}
