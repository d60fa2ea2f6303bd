package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test of {@link WildcardPattern} (reference 8.3: {@code *} and {@code ?} in the stage,
 * method and path of a policy's resource): over seeded random method ARNs and patterns made from
 * them, the matcher agrees with a regular-expression oracle ({@code *} as {@code .*}, {@code ?} as
 * {@code .}, everything else quoted, runs of stars as one {@code .*} so the oracle does not
 * backtrack without end; case-sensitive for resources, case-insensitive for actions).
 */
class WildcardPatternProperties {
    private static final String[] STAGES = {"prod", "test", "v1", "Prod"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "get", "PATCH"};
    private static final String[] SEGMENTS = {"pets", "a1b2", "Pets", "x.y", "[a]", "$", "", "*"};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matches_randomArnsAndPatterns_agreesWithRegexOracle(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            String arn = arn(random);
            String pattern = mutate(random.nextBoolean() ? arn : arn(random), random);
            boolean expected = oracle(pattern, Pattern.DOTALL).matcher(arn).matches();
            assertThat(WildcardPattern.caseSensitive(pattern).matches(arn))
                    .as("seed %d: %s against %s", seed, pattern, arn)
                    .isEqualTo(expected);
            boolean expectedIgnoringCase =
                    oracle(pattern.toLowerCase(Locale.ROOT), Pattern.DOTALL)
                            .matcher(arn.toLowerCase(Locale.ROOT))
                            .matches();
            assertThat(WildcardPattern.ignoringCase(pattern).matches(arn))
                    .as("seed %d (ignoring case): %s against %s", seed, pattern, arn)
                    .isEqualTo(expectedIgnoringCase);
        }
    }

    private static String arn(Random random) {
        StringBuilder arn =
                new StringBuilder("arn:aws:execute-api:us-east-1:123456789012:abc123/")
                        .append(pick(STAGES, random))
                        .append('/')
                        .append(pick(METHODS, random))
                        .append('/');
        int depth = random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            arn.append(i == 0 ? "" : "/").append(pick(SEGMENTS, random));
        }
        return arn.toString();
    }

    /** Replaces random runs by {@code *}, characters by {@code ?} or others, or leaves it. */
    private static String mutate(String text, Random random) {
        StringBuilder pattern = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int roll = random.nextInt(40);
            if (roll == 0) {
                pattern.append('*');
                i += random.nextInt(Math.min(12, text.length() - i) + 1);
            } else if (roll == 1) {
                pattern.append('?');
                i++;
            } else if (roll == 2) {
                pattern.append(Character.toUpperCase(text.charAt(i)));
                i++;
            } else if (roll == 3 && i > 0) {
                pattern.append("**");
                i++;
            } else {
                pattern.append(text.charAt(i));
                i++;
            }
        }
        return pattern.toString();
    }

    private static Pattern oracle(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                if (!regex.toString().endsWith(".*")) {
                    regex.append(".*");
                }
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), flags);
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
