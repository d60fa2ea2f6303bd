package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.content.MediaTypes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Whether an HTTP API passes a request body to a Lambda function as text or base64 (reference 2.4
 * {@code isBase64Encoded}: "HTTP APIs decide by content type; exact rule (unconfirmed)"). Our rule
 * (see docs/differences.md): a body is text when it is valid UTF-8 and its Content-Type is a text
 * type ({@code text/*}, JSON and XML types and their {@code +json}/{@code +xml} suffixes, {@code
 * application/javascript}, {@code application/x-www-form-urlencoded}, {@code application/graphql},
 * {@code application/yaml}) or absent; any other body goes base64. HTTP APIs have no {@code
 * binaryMediaTypes}.
 */
final class EventBodies {
    private static final Set<String> TEXT_APPLICATION_TYPES =
            Set.of(
                    "application/javascript",
                    "application/ecmascript",
                    "application/x-www-form-urlencoded",
                    "application/graphql",
                    "application/yaml",
                    "application/x-yaml");

    private EventBodies() {}

    /** Returns whether the request's body goes to the function base64-encoded. */
    static boolean isBinary(Request request) {
        return request.bodyLength() > 0 && decoded(request) == null;
    }

    /**
     * Returns the request's body as the text the function gets, decoded once; null when it goes
     * base64. An empty body is the empty text.
     */
    static String text(Request request) {
        if (request.bodyLength() == 0) {
            return "";
        }
        CharBuffer text = decoded(request);
        return text == null ? null : text.toString();
    }

    /** Returns the non-empty body decoded, or null when it goes base64. */
    private static CharBuffer decoded(Request request) {
        String mime = MediaTypes.mimeType(request.headers().first("Content-Type").orElse(""));
        if (!mime.isEmpty() && !isTextType(mime)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(request.body()));
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isTextType(String mime) {
        return mime.startsWith("text/")
                || mime.endsWith("/json")
                || mime.endsWith("+json")
                || mime.endsWith("/xml")
                || mime.endsWith("+xml")
                || TEXT_APPLICATION_TYPES.contains(mime);
    }
}
