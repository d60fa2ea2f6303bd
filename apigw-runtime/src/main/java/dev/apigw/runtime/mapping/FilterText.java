package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.InvalidPathException;

/**
 * Reads the text of a JSONPath filter as Jayway's filter compiler does, as far as finding its parts
 * needs: quoted strings ({@code '...'}, {@code "..."}, backslash escapes) and regular expression
 * literals ({@code /.../flags}, up to the next unescaped slash) are skipped whole, and brackets,
 * braces and parentheses nest. Stateless.
 */
final class FilterText {
    /** Jayway's regular expression operator, the only one that runs a pattern. */
    static final String REGEX = "=~";

    private FilterText() {}

    /**
     * Returns the index just after the literal or nested group starting at {@code start} in {@code
     * text}, or {@code start + 1} when none starts there; fails when it is not closed.
     */
    static int skip(String text, int start) {
        char c = text.charAt(start);
        if (c == '\'' || c == '"' || c == '/') {
            return endOfLiteral(text, start, c);
        }
        if (c == '(' || c == '[' || c == '{') {
            return endOfGroup(text, start);
        }
        return start + 1;
    }

    private static int endOfLiteral(String text, int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new InvalidPathException("unclosed " + quote + " in " + text);
    }

    /** Returns the index just after the bracket that closes the one at {@code start}. */
    static int endOfGroup(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == '\'' || c == '"' || c == '/') {
                i = endOfLiteral(text, i, c);
                continue;
            }
            i++;
        }
        throw new InvalidPathException("unbalanced brackets in " + text);
    }

    /** Returns the index of the first non-blank character at or after {@code start}. */
    static int skipBlanks(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
