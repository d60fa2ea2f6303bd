package dev.apigw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A WebSocket selection expression (reference section 7.3), parsed once when the model is built:
 * {@code $} starts a variable ({@code $request.body.action}), {@code ${...}} marks a variable's
 * boundaries ({@code ${request.body.version}-beta}), several variables may appear, {@code \$}
 * writes a literal dollar ({@code \$default}) and any other text is static. The parts are kept so a
 * runtime evaluates the expression without parsing it again; evaluation happens once, a variable's
 * value is never read as an expression itself. Used for an API's {@code routeSelectionExpression},
 * an integration's {@code templateSelectionExpression} and {@code
 * integrationResponseSelectionExpression}, and a route's {@code modelSelectionExpression}.
 *
 * @param text the expression as written
 * @param parts its static text and variables, in order
 */
public record SelectionExpression(String text, List<Part> parts) {
    /**
     * The characters of a variable written without braces: letters, digits, {@code _ . -} and the
     * brackets of a JSONPath index ({@code $request.header.x-api-key}, {@code
     * $request.body.items[0]}).
     */
    private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-\\[\\]]*");

    private static final String BODY = "request.body";

    /** One part of an expression: static text or a variable. */
    public sealed interface Part permits Literal, Variable {}

    /**
     * Static text, {@code \$} already turned into {@code $}.
     *
     * @param text the text
     */
    public record Literal(String text) implements Part {
        /** Requires the text. */
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A variable, named without its {@code $} and braces: {@code request.body.action}, {@code
     * request.header.x-api-key}, {@code context.authorizer.usageIdentifierKey}, {@code
     * integration.response.statuscode}.
     *
     * @param name the variable's name
     */
    public record Variable(String name) implements Part {
        /** Requires the name. */
        public Variable {
            Checks.requireText(name, "selection expression variable");
        }

        /**
         * Returns the JSONPath into the message body when this is a {@code request.body} variable
         * ({@code request.body.action} gives {@code $.action}, {@code request.body} gives {@code
         * $}).
         */
        public Optional<String> bodyJsonPath() {
            if (name.equals(BODY)) {
                return Optional.of("$");
            }
            if (name.startsWith(BODY + ".") || name.startsWith(BODY + "[")) {
                return Optional.of("$" + name.substring(BODY.length()));
            }
            return Optional.empty();
        }
    }

    /** Validates and copies. */
    public SelectionExpression {
        Objects.requireNonNull(text, "text");
        parts = Copies.list(parts);
    }

    /**
     * Parses an expression; fails naming the expression and the position of a {@code $} that starts
     * no variable or a <code>${</code> that is not closed.
     */
    public static SelectionExpression parse(String expression) {
        if (expression == null || expression.isEmpty()) {
            throw new IllegalArgumentException("selection expression is required");
        }
        return new SelectionExpression(expression, new Parser(expression).parts());
    }

    /** Returns the variables, in order of appearance. */
    public List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Variable) {
                variables.add((Variable) part);
            }
        }
        return variables;
    }

    /** Returns whether the expression has no variable (its value is its static text). */
    public boolean isStatic() {
        return parts.stream().noneMatch(p -> p instanceof Variable);
    }

    /**
     * Evaluates the expression: static text as it is, each variable by {@code lookup} (the empty
     * string where it answers null, as a missing JSON path evaluates to {@code ""}, reference 7.3).
     * Pure; values are not evaluated again.
     */
    public String evaluate(Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal) {
                out.append(((Literal) part).text());
            } else {
                String value = lookup.apply(((Variable) part).name());
                out.append(value == null ? "" : value);
            }
        }
        return out.toString();
    }

    /** Returns the expression as written. */
    @Override
    public String toString() {
        return text;
    }

    /** Splits an expression into its parts, left to right. */
    private static final class Parser {
        private final String text;
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        private int i;

        Parser(String text) {
            this.text = text;
        }

        List<Part> parts() {
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\' && text.startsWith("$", i + 1)) {
                    literal.append('$');
                    i += 2;
                } else if (c == '$') {
                    variable();
                } else {
                    literal.append(c);
                    i++;
                }
            }
            flush();
            return parts;
        }

        private void variable() {
            flush();
            if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw fail("the ${ at position " + i + " is not closed by }");
                }
                String name = text.substring(i + 2, close);
                if (name.isBlank() || name.contains("$") || name.contains("{")) {
                    throw fail("${" + name + "} at position " + i + " is not a variable name");
                }
                parts.add(new Variable(name));
                i = close + 1;
                return;
            }
            java.util.regex.Matcher m = BARE_NAME.matcher(text).region(i + 1, text.length());
            if (!m.lookingAt()) {
                throw fail(
                        "the $ at position "
                                + i
                                + " starts no variable (write \\$ for a literal dollar)");
            }
            parts.add(new Variable(m.group()));
            i = m.end();
        }

        private void flush() {
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
        }

        private IllegalArgumentException fail(String reason) {
            return new IllegalArgumentException("selection expression '" + text + "': " + reason);
        }
    }
}
