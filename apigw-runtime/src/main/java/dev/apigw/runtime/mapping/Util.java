package dev.apigw.runtime.mapping;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.commons.lang3.StringEscapeUtils;

/**
 * {@code $util} of a mapping template (reference 1.4). Public for Velocity's introspection;
 * stateless.
 */
public final class Util {
    static final Util INSTANCE = new Util();

    private Util() {}

    /** Escapes with JavaScript string rules ({@code '} becomes {@code \'}). */
    @SuppressWarnings("deprecation")
    public String escapeJavaScript(String s) {
        return s == null ? "" : StringEscapeUtils.escapeEcmaScript(s);
    }

    /** Encodes as {@code application/x-www-form-urlencoded}; null gives empty text. */
    public String urlEncode(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Decodes {@code application/x-www-form-urlencoded} text. */
    public String urlDecode(String s) {
        return s == null ? "" : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Base64-encodes the UTF-8 bytes of {@code s}. */
    public String base64Encode(String s) {
        return s == null ? "" : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64-decodes to UTF-8 text. */
    public String base64Decode(String s) {
        return s == null ? "" : new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
