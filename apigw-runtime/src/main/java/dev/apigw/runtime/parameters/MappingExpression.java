package dev.apigw.runtime.parameters;

import java.util.regex.Pattern;

/**
 * The shared syntax of parameter mapping expressions (reference 5.2 and 5.3): static values in
 * single quotes, parameter names, and the error AWS's PutIntegration and PutIntegrationResponse
 * answer for an expression they cannot parse (reference Appendix B, "Bad mapping expression").
 * Internal.
 */
public final class MappingExpression {
    /** The names a mapping may use for a parameter (reference 5.1). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._$-]+");

    private MappingExpression() {}

    /** Returns whether an expression is a static value: {@code 'literal'}. */
    public static boolean isStatic(String expression) {
        return expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'");
    }

    /** Returns the literal of a static value, without its quotes. */
    public static String staticValue(String expression) {
        return expression.substring(1, expression.length() - 1);
    }

    /** Returns whether a parameter name is one a mapping may use (reference 5.1). */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Returns the exception for an expression AWS rejects, with AWS's text: {@code Invalid mapping
     * expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression
     * specified: <expression>]}.
     */
    public static IllegalArgumentException invalid(String expression) {
        return new IllegalArgumentException(
                "Invalid mapping expression specified: Validation"
                        + " Result: warnings : [], errors : [Invalid mapping expression specified: "
                        + expression
                        + "]");
    }
}
