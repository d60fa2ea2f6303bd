package dev.apigw.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters using {@code =~} give Jayway's own results (docs/differences.md row 83): seeded random
 * filters of {@code =~}, comparisons, {@code &&}, {@code ||}, {@code !} and parentheses over random
 * items, each compared with Jayway's evaluation of the same path.
 */
class BoundedJsonPathTest {
    private static final List<String> PATTERNS =
            List.of(
                    "/a.*/",
                    "/A.*/i",
                    "/.*b/",
                    "/[0-9]+/",
                    "/1\\..*/",
                    "/tr.e/",
                    "/.*/",
                    "/x|y/",
                    "/\\w{2}/");
    private static final List<String> FIELDS =
            List.of("@.s", "@.n", "@.b", "@.o", "@.missing", "@['s']", "$[0].s");
    private static final List<String> VALUES =
            List.of(
                    "\"ab\"", "\"Ab\"", "\"xb\"", "\"y\"", "12", "1.5", "0", "true", "false",
                    "null");

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(seed -> (long) seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void read_randomRegexFilter_givesJaywaysResult(long seed) {
        Random random = new Random(seed);
        String filter = filter(random, 3);
        String path = "$[?(" + filter + ")]";
        Object document = JsonDocument.parse(document(random)).orElseThrow().root();

        Object ours =
                BoundedJsonPath.compile(path)
                        .read(
                                document,
                                BudgetedJsonProvider.configuration(
                                        new RenderBudget(
                                                new TemplateLimits(
                                                        System::nanoTime,
                                                        TemplateEngine.DEFAULT_TIME_BUDGET
                                                                .toNanos(),
                                                        TemplateEngine.DEFAULT_WORK_BUDGET))));
        Object jayways = JsonPath.compile(path).read(document, ValueJsonProvider.configuration());

        assertThat(ours).as(path + " over " + document).isEqualTo(jayways);
    }

    private static String filter(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(3) : random.nextInt(7);
        switch (kind) {
            case 0:
            case 1:
                String field = pick(random, FIELDS);
                String pattern = pick(random, PATTERNS);
                return random.nextBoolean() ? field + " =~ " + pattern : pattern + " =~ " + field;
            case 2:
                return pick(
                        random, List.of("@.n < 10", "@.s == 'ab'", "@.b == true", "@.n >= 1.5"));
            case 3:
                return filter(random, depth - 1) + " && " + filter(random, depth - 1);
            case 4:
                return filter(random, depth - 1) + " || " + filter(random, depth - 1);
            case 5:
                return "!(" + filter(random, depth - 1) + ")";
            default:
                return "(" + filter(random, depth - 1) + ")";
        }
    }

    private static String document(Random random) {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"s\":")
                    .append(pick(random, VALUES))
                    .append(",\"n\":")
                    .append(pick(random, VALUES))
                    .append(",\"b\":")
                    .append(pick(random, VALUES))
                    .append(",\"o\":")
                    .append(pick(random, VALUES))
                    .append('}');
        }
        return items.append(']').toString();
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
