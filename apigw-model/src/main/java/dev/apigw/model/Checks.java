package dev.apigw.model;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The model's fail-fast checks; each message names the field it is about. */
final class Checks {
    static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d\\d");

    private Checks() {}

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String requireStatusCode(String value, String field) {
        requireText(value, field);
        if (!STATUS_CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field
                            + " '"
                            + value
                            + "' must satisfy regular expression pattern: [1-5]\\d\\d");
        }
        return value;
    }

    static void requireRange(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    static Pattern compileRegex(String regex, String field) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    field
                            + " '"
                            + regex
                            + "' is not a valid Java regular expression: "
                            + e.getDescription(),
                    e);
        }
    }

    /** Prefixes a build error with the place it happened, e.g. {@code /pets GET: }. */
    static IllegalArgumentException at(String place, IllegalArgumentException e) {
        return new IllegalArgumentException(place + ": " + e.getMessage(), e);
    }
}
