package dev.apigw.runtime.auth;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One condition of a statement: an operator, a key and its values (reference 8.8, condition keys).
 * It holds when the request's value of the key matches one of the values; a negated operator
 * ({@code StringNotEquals}, {@code NotIpAddress}...) inverts that and, as in IAM, holds when the
 * request lacks the key; a positive one then fails unless it ends in {@code IfExists}.
 *
 * @param operator the operator as written (for messages)
 * @param key the condition key as written
 * @param values the values as written
 * @param matcher whether the request's value matches one of the values (before negation)
 * @param negated whether the operator is a negated one
 * @param ifExists whether the operator ends in {@code IfExists}
 */
record Condition(
        String operator,
        String key,
        List<String> values,
        Predicate<String> matcher,
        boolean negated,
        boolean ifExists) {

    /** Tells whether this condition holds for the request. */
    boolean holds(EvaluationContext context) {
        Optional<String> value = context.key(key);
        if (value.isEmpty()) {
            return negated || ifExists;
        }
        boolean matched = matcher.test(value.get());
        return negated != matched;
    }
}
