package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.Filter;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.Predicate;

/**
 * A JSONPath filter that uses {@code =~}, evaluated as Jayway evaluates it: {@code ||} over {@code
 * &&} over operands, an operand being {@code !} and an operand, a parenthesized filter or a
 * relation. A relation {@code x =~ /re/flags} is a {@link RegexRelation}; any other relation is
 * Jayway's own ({@link Filter#parse}), which must then hold no {@code =~}. A parser of one filter;
 * the predicates it returns are immutable and thread-safe.
 */
final class FilterPredicate {
    private final String text;
    private int position;

    private FilterPredicate(String text) {
        this.text = text;
    }

    /** Returns the predicate of the filter text between {@code [?(} and {@code )]}. */
    static Predicate compile(String filter) {
        Filter.parse("[?(" + filter + ")]"); // Jayway's syntax and its error messages
        FilterPredicate parser = new FilterPredicate(filter);
        Predicate predicate = parser.or();
        if (FilterText.skipBlanks(filter, parser.position) != filter.length()) {
            throw new InvalidPathException("unexpected text in filter " + filter);
        }
        return predicate;
    }

    private Predicate or() {
        Predicate left = and();
        while (next("||")) {
            Predicate first = left;
            Predicate second = and();
            left = context -> first.apply(context) || second.apply(context);
        }
        return left;
    }

    private Predicate and() {
        Predicate left = operand();
        while (next("&&")) {
            Predicate first = left;
            Predicate second = operand();
            left = context -> first.apply(context) && second.apply(context);
        }
        return left;
    }

    private Predicate operand() {
        position = FilterText.skipBlanks(text, position);
        if (text.startsWith("!", position)) {
            int after = FilterText.skipBlanks(text, position + 1);
            if (after < text.length() && text.charAt(after) != '@' && text.charAt(after) != '$') {
                position = after;
                Predicate negated = operand();
                return context -> !negated.apply(context);
            }
        } else if (text.startsWith("(", position)) {
            position++;
            Predicate inner = or();
            if (!next(")")) {
                throw new InvalidPathException("unclosed ( in filter " + text);
            }
            return inner;
        }
        return relation();
    }

    private Predicate relation() {
        int start = position;
        int regex = -1;
        int i = start;
        while (i < text.length()
                && !text.startsWith("&&", i)
                && !text.startsWith("||", i)
                && text.charAt(i) != ')') {
            if (regex < 0 && text.startsWith(FilterText.REGEX, i)) {
                regex = i;
                i += FilterText.REGEX.length();
            } else {
                i = FilterText.skip(text, i);
            }
        }
        position = i;
        String relation = text.substring(start, i).trim();
        if (regex >= 0) {
            return RegexRelation.compile(
                    text.substring(start, regex).trim(),
                    text.substring(regex + FilterText.REGEX.length(), i).trim());
        }
        if (relation.contains(FilterText.REGEX)) {
            throw new InvalidPathException(
                    "=~ is supported only as a relation of a filter: " + relation);
        }
        return Filter.parse("[?(" + relation + ")]");
    }

    private boolean next(String token) {
        position = FilterText.skipBlanks(text, position);
        if (text.startsWith(token, position)) {
            position += token.length();
            return true;
        }
        return false;
    }
}
