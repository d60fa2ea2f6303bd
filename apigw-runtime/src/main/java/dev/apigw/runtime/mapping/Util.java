package dev.apigw.runtime.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code $util} of a mapping template (reference 1.4). A null argument gives empty text. Text a
 * function would build over {@link TemplateEngine#MAX_OUTPUT_CHARS} characters fails the template
 * before it is built (issue 9 part 3). Public for Velocity's introspection; stateless.
 */
public final class Util {
    static final Util INSTANCE = new Util();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Util() {}

    /**
     * Escapes with JavaScript string rules, as reference 1.4 describes Commons Lang's {@code
     * escapeJavaScript}: {@code '} {@code "} {@code \} {@code /} get a backslash, {@code \b \t \n
     * \f \r} their short forms, other control characters and every character above {@code 0x7E} a
     * {@code \}{@code uXXXX} escape (upper-case hex; a character outside the BMP gives its two
     * surrogates).
     *
     * <p>Differs from Commons Lang (both 2.x and 3.x), which leaves {@code 0x7F} as it is: the
     * reference says above {@code 0x7E} (unconfirmed).
     */
    public String escapeJavaScript(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() > TemplateEngine.MAX_OUTPUT_CHARS - 6) {
                Sizes.checkText((long) out.length() + 6 + s.length() - i, "escapeJavaScript");
            }
            char c = s.charAt(i);
            switch (c) {
                case '\'':
                    out.append("\\'");
                    break;
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '/':
                    out.append("\\/");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    if (c < 0x20 || c > 0x7E) {
                        out.append("\\u")
                                .append(HEX[c >> 12 & 0xF])
                                .append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    /**
     * Parses JSON text into the values {@code $input.path} gives (see {@link JsonValues}); text
     * that is not JSON fails the template.
     */
    public Object parseJson(String s) {
        if (s == null) {
            return null;
        }
        try {
            return JsonDocument.parseOrThrow(s).root();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Unable to parse JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes as {@code application/x-www-form-urlencoded} (space is {@code +}). */
    public String urlEncode(String s) {
        if (s == null) {
            return "";
        }
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length +=
                    c < 0x80 && (Character.isLetterOrDigit(c) || ".-*_ ".indexOf(c) >= 0)
                            ? 1
                            : 3L * utf8Length(c);
        }
        Sizes.checkText(length, "urlEncode");
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Decodes {@code application/x-www-form-urlencoded} text ({@code +} is a space). */
    public String urlDecode(String s) {
        return s == null ? "" : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Base64-encodes the UTF-8 bytes of {@code s} (standard alphabet, padded). */
    public String base64Encode(String s) {
        if (s == null) {
            return "";
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            bytes += utf8Length(s.charAt(i));
        }
        Sizes.checkText((bytes + 2) / 3 * 4, "base64Encode");
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64-decodes to UTF-8 text; text that is not Base64 fails the template. */
    public String base64Decode(String s) {
        return s == null ? "" : new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    /** Returns the UTF-8 bytes of one UTF-16 unit: a surrogate counts half of its four. */
    private static int utf8Length(char c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }

    /** Returns empty text: a template printing {@code $util} sees no implementation detail. */
    @Override
    public String toString() {
        return "";
    }
}
