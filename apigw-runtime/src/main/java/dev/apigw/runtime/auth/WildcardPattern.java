package dev.apigw.runtime.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * An IAM wildcard pattern: {@code *} matches any run of characters (also none, also across {@code
 * /} and {@code :}), {@code ?} exactly one character, anything else itself (reference 8.3, 8.7:
 * wildcards in the stage, method and path of an {@code execute-api} ARN). The match is linear in
 * practice (greedy star with one backtrack point), so a hostile pattern cannot make it run away.
 */
public final class WildcardPattern {
    private final String pattern;
    private final boolean ignoreCase;

    private WildcardPattern(String pattern, boolean ignoreCase) {
        this.pattern = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        this.ignoreCase = ignoreCase;
    }

    /** Returns a pattern that compares characters exactly (resource ARNs, condition values). */
    public static WildcardPattern caseSensitive(String pattern) {
        return new WildcardPattern(Objects.requireNonNull(pattern, "pattern"), false);
    }

    /**
     * Returns a pattern that ignores case (IAM action names such as {@code execute-api:Invoke}).
     */
    public static WildcardPattern ignoringCase(String pattern) {
        return new WildcardPattern(Objects.requireNonNull(pattern, "pattern"), true);
    }

    /** Tells whether the whole of {@code text} matches the pattern. */
    public boolean matches(String text) {
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = 0;
        while (i < t.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starI = i;
            } else if (p < pattern.length()
                    && (pattern.charAt(p) == '?' || pattern.charAt(p) == t.charAt(i))) {
                p++;
                i++;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
