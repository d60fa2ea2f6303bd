package dev.apigw.runtime.auth;

import java.util.regex.Pattern;

/**
 * Matches an API's {@code identityValidationExpression} against a caller's token (reference 8.3,
 * 8.4) within a budget of characters read: the expression is the API owner's, but the token is the
 * caller's, and a pattern that backtracks catastrophically ({@code (a+)+b}) over a long hostile
 * token would otherwise hold the request thread for ever. Past the budget the token does not match,
 * so the caller gets 401 as for any token the expression refuses.
 */
final class BoundedMatch {
    /** The characters a match may read, about tens of milliseconds of backtracking. */
    static final int MAX_READS = 5_000_000;

    private BoundedMatch() {}

    /** Returns whether the whole {@code text} matches, false when the budget runs out. */
    static boolean matches(Pattern pattern, String text) {
        try {
            return pattern.matcher(new Budgeted(text)).matches();
        } catch (BudgetExhausted e) {
            return false;
        }
    }

    /** The text, counting the characters the matcher reads. Belongs to one match. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private int reads;

        Budgeted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (++reads > MAX_READS) {
                throw new BudgetExhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Thrown out of the matcher when the budget runs out; cheap: no stack trace. */
    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super("identityValidationExpression budget exhausted", null, false, false);
        }
    }
}
