package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.Predicate;
import com.jayway.jsonpath.internal.Utils;
import com.jayway.jsonpath.internal.filter.PatternFlag;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A filter relation {@code x =~ /re/flags} (either way round) with Jayway's result: true when the
 * whole text of {@code x} matches; a number is matched as its decimal text, a boolean as {@code
 * true} or {@code false}, anything else (an object, null, a missing value) as empty text, and a
 * list when any of its elements matches. Unlike Jayway, the match runs over a {@link
 * DeadlineCharSequence} of the rendering's deadline and counts a step of its {@link RenderBudget},
 * so that a pattern that backtracks catastrophically fails the template. Immutable and thread-safe.
 */
final class RegexRelation implements Predicate {
    private final Pattern pattern;
    private final JsonPath path;
    private final boolean fromRoot;
    private final String literal;

    private RegexRelation(Pattern pattern, JsonPath path, boolean fromRoot, String literal) {
        this.pattern = pattern;
        this.path = path;
        this.fromRoot = fromRoot;
        this.literal = literal;
    }

    /** Returns the relation {@code left =~ right}, one side a pattern literal. */
    static Predicate compile(String left, String right) {
        boolean leftPattern = left.startsWith("/");
        if (leftPattern == right.startsWith("/")) {
            return context -> false; // Jayway: a regular expression needs exactly one pattern
        }
        Pattern pattern = pattern(leftPattern ? left : right);
        String value = leftPattern ? right : left;
        if (value.startsWith("@") || value.startsWith("$")) {
            return new RegexRelation(
                    pattern,
                    BoundedJsonPath.compile("$" + value.substring(1)),
                    value.startsWith("$"),
                    null);
        }
        return new RegexRelation(pattern, null, false, literal(value));
    }

    /** Compiles {@code /re/flags} as Jayway's pattern node does. */
    private static Pattern pattern(String literal) {
        int end = literal.lastIndexOf('/');
        return Pattern.compile(
                literal.substring(1, end),
                PatternFlag.parseFlags(literal.substring(end + 1).toCharArray()));
    }

    private static String literal(String value) {
        if (value.length() >= 2 && (value.startsWith("'") || value.startsWith("\""))) {
            return Utils.unescape(value.substring(1, value.length() - 1));
        }
        if (value.equals("true") || value.equals("false")) {
            return value;
        }
        if (value.equals("null")) {
            return "";
        }
        try {
            return new BigDecimal(value).toString();
        } catch (NumberFormatException e) {
            throw new InvalidPathException(
                    "=~ applies to a path, a string, a number or a " + "boolean: " + value);
        }
    }

    @Override
    public boolean apply(PredicateContext context) {
        RenderBudget budget =
                ((BudgetedJsonProvider) context.configuration().jsonProvider()).budget();
        if (path == null) {
            return matches(literal, budget);
        }
        Object value;
        try {
            value = path.read(fromRoot ? context.root() : context.item(), context.configuration());
        } catch (PathNotFoundException e) {
            return matches("", budget);
        }
        if (value instanceof List) {
            for (Object element : (List<?>) value) {
                if (matches(text(element), budget)) {
                    return true;
                }
            }
            return false;
        }
        return matches(text(value), budget);
    }

    private boolean matches(String text, RenderBudget budget) {
        budget.tick();
        return pattern.matcher(budget.bounded(text)).matches();
    }

    private static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString()).toString();
        }
        return value instanceof Boolean ? value.toString() : "";
    }
}
