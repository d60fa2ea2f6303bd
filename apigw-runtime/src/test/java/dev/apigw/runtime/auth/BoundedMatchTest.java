package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A validation expression matched within a read budget (reference 8.3, 8.4; issue 11 bad input).
 */
class BoundedMatchTest {
    @Test
    void matches_ordinaryExpression_answersAsTheMatcher() {
        Pattern bearer = Pattern.compile("^Bearer [-0-9a-zA-Z._]*$");

        assertThat(BoundedMatch.matches(bearer, "Bearer abc.def-1")).isTrue();
        assertThat(BoundedMatch.matches(bearer, "Basic abc")).isFalse();
    }

    @Test
    @Timeout(10)
    void matches_catastrophicBacktrackingOverAHostileToken_isNoMatch() {
        Pattern owners = Pattern.compile("(a+)+b");
        String hostile = "a".repeat(5_000) + "c";

        assertThat(BoundedMatch.matches(owners, hostile)).isFalse();
    }

    @Test
    void matches_longTokenWithinTheBudget_matches() {
        assertThat(BoundedMatch.matches(Pattern.compile("[a-z]+"), "x".repeat(10_000))).isTrue();
    }
}
