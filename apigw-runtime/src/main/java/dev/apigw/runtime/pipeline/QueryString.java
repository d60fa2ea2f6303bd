package dev.apigw.runtime.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw query string as API Gateway does for REST APIs (reference 2.1 and 7.1): pairs split
 * at {@code &}, name and value at the first {@code =}, both form-decoded ({@code +} is a space,
 * {@code %XX} UTF-8 bytes), repeated names kept in order. A name without {@code =} has an empty
 * value; a malformed escape is kept as it is.
 */
public final class QueryString {
    private QueryString() {}

    /** Returns every value by name, in order of first appearance; empty for an empty query. */
    public static Map<String, List<String>> parse(String raw) {
        if (raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                int eq = raw.indexOf('=', start);
                String name =
                        eq < 0 || eq > end ? raw.substring(start, end) : raw.substring(start, eq);
                String value = eq < 0 || eq > end ? "" : raw.substring(eq + 1, end);
                values.computeIfAbsent(formDecode(name), n -> new ArrayList<>(1))
                        .add(formDecode(value));
            }
            start = end + 1;
        }
        values.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(values);
    }

    /** Decodes {@code application/x-www-form-urlencoded} text, leniently. */
    public static String formDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%'
                    && i + 2 < s.length()
                    && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    raw = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
