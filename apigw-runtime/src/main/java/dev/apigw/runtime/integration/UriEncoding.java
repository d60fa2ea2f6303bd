package dev.apigw.runtime.integration;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes mapped values placed into an integration URI (reference 7.1: values are decoded
 * for mapping and re-encoded for the backend).
 */
public final class UriEncoding {
    private static final String HEX = "0123456789ABCDEF";
    private static final String PATH_ALLOWED = "-._~!$&'()*+,;=:@/";

    private UriEncoding() {}

    /**
     * Encodes a path value: characters a path may hold and valid {@code %XX} escapes (a raw path
     * parameter is still encoded) are kept, everything else is encoded as UTF-8.
     */
    public static String pathValue(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keep =
                    unreserved(c)
                            || PATH_ALLOWED.indexOf(c) >= 0
                            || (c == '%'
                                    && i + 2 < value.length()
                                    && isHex(value.charAt(i + 1))
                                    && isHex(value.charAt(i + 2)));
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            i = append(value, i, keep, out);
        }
        return out == null ? value : out.toString();
    }

    /** Encodes a query name or value: everything but unreserved characters is encoded. */
    public static String queryComponent(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            i = append(value, i, unreserved(value.charAt(i)), out);
        }
        return out.toString();
    }

    /** Appends the character at {@code i}, encoded unless kept; returns the last index used. */
    private static int append(String value, int i, boolean keep, StringBuilder out) {
        char c = value.charAt(i);
        if (keep) {
            out.append(c);
            return i;
        }
        int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
        }
        return end - 1;
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
