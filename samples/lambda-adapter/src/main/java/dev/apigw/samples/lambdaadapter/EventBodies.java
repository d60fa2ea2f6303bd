package dev.apigw.samples.lambdaadapter;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts bodies between the events' strings and the gateway's bytes. A response body goes back as
 * text only when all three hold: its bytes are valid UTF-8, it has no {@code Content-Encoding}
 * other than {@code identity}, and its {@code Content-Type} is absent or a text type ({@code
 * text/*}, JSON, XML, JavaScript, YAML, GraphQL, form data, or any {@code +json} / {@code +xml}
 * type). Otherwise it goes back base64-encoded with {@code isBase64Encoded: true}, so the front
 * decodes it (an API Gateway front only does so when the client's first {@code Accept} type is
 * among its binary media types, e.g. {@code *}{@code /*}).
 */
final class EventBodies {
    private static final byte[] EMPTY = new byte[0];
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> TEXT_SUBTYPES =
            Set.of(
                    "json",
                    "xml",
                    "javascript",
                    "ecmascript",
                    "x-javascript",
                    "yaml",
                    "x-yaml",
                    "graphql",
                    "x-www-form-urlencoded");

    private EventBodies() {}

    /** Returns the request body bytes of an event body, decoding it when it is base64. */
    static byte[] decode(String body, boolean base64Encoded) {
        if (body == null) {
            return EMPTY;
        }
        if (base64Encoded) {
            try {
                // Whitespace (MIME-style line breaks) is tolerated; anything else must be base64.
                return Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "isBase64Encoded is true but the body is not"
                                + " base64: "
                                + e.getMessage(),
                        e);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the response body as the event carries it. */
    static Encoded encode(Response response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return new Encoded("", false);
        }
        if (isText(response.headers(), body)) {
            return new Encoded(new String(body, StandardCharsets.UTF_8), false);
        }
        return new Encoded(Base64.getEncoder().encodeToString(body), true);
    }

    private static boolean isText(Headers headers, byte[] body) {
        boolean encoded =
                headers.first("Content-Encoding")
                        .map(e -> !e.trim().equalsIgnoreCase("identity"))
                        .orElse(false);
        boolean textType = headers.first("Content-Type").map(EventBodies::isTextType).orElse(true);
        return !encoded && textType && isUtf8(body);
    }

    /** Returns whether a media type (parameters allowed) is one sent as text. */
    static boolean isTextType(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        int slash = mediaType.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String type = mediaType.substring(0, slash);
        String subtype = mediaType.substring(slash + 1);
        return type.equals("text")
                || TEXT_SUBTYPES.contains(subtype)
                || subtype.endsWith("+json")
                || subtype.endsWith("+xml");
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A body as an event carries it.
     *
     * @param body the text, or the base64 of the bytes
     * @param base64Encoded whether {@code body} is base64
     */
    record Encoded(String body, boolean base64Encoded) {}
}
