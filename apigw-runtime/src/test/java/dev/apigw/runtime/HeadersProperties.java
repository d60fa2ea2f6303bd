package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link Headers} against a plain list of name/value pairs, over random names in random
 * casings, random values and random set/remove edits (reference 2.1: casing kept as sent).
 */
class HeadersProperties {
    private static final String[] NAMES = {"accept", "x-api-key", "content-type", "via", "x-a"};

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0xBEEF_0000L + i * 104_729);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lookups_randomFields_agreeWithPairList(long seed) {
        Random random = new Random(seed);
        List<String[]> pairs = randomPairs(random);
        Headers headers = build(pairs);

        assertThat(headers.size()).isEqualTo(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(headers.name(i)).isEqualTo(pairs.get(i)[0]);
            assertThat(headers.value(i)).isEqualTo(pairs.get(i)[1]);
        }
        for (String name : NAMES) {
            String lookup = randomCasing(random, name);
            List<String> expected = new ArrayList<>();
            for (String[] p : pairs) {
                if (p[0].equalsIgnoreCase(name)) {
                    expected.add(p[1]);
                }
            }
            assertThat(headers.values(lookup)).as("seed %d %s", seed, lookup).isEqualTo(expected);
            assertThat(headers.contains(lookup)).isEqualTo(!expected.isEmpty());
            assertThat(headers.first(lookup).orElse(null))
                    .isEqualTo(expected.isEmpty() ? null : expected.get(0));
            assertThat(headers.last(lookup).orElse(null))
                    .isEqualTo(expected.isEmpty() ? null : expected.get(expected.size() - 1));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void toMultimap_randomFields_groupsUnderFirstCasing(long seed) {
        Random random = new Random(seed);
        List<String[]> pairs = randomPairs(random);

        Map<String, List<String>> expected = new LinkedHashMap<>();
        Map<String, String> firstCasing = new LinkedHashMap<>();
        for (String[] p : pairs) {
            String key = firstCasing.computeIfAbsent(p[0].toLowerCase(Locale.ROOT), k -> p[0]);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(p[1]);
        }

        assertThat(build(pairs).toMultimap())
                .as("seed %d", seed)
                .containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void setAndRemove_randomEdits_agreeWithPairList(long seed) {
        Random random = new Random(seed);
        List<String[]> pairs = randomPairs(random);
        Headers.Builder builder = build(pairs).toBuilder();

        for (int edit = 0; edit < 6; edit++) {
            String name = randomCasing(random, NAMES[random.nextInt(NAMES.length)]);
            pairs.removeIf(p -> p[0].equalsIgnoreCase(name));
            if (random.nextBoolean()) {
                String value = "v" + random.nextInt(100);
                builder.set(name, value);
                pairs.add(new String[] {name, value});
            } else {
                builder.remove(name);
            }
        }

        assertThat(builder.build()).as("seed %d", seed).isEqualTo(build(pairs));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equals_sameFieldsBuiltTwice_equalAndSameHash(long seed) {
        Random random = new Random(seed);
        List<String[]> pairs = randomPairs(random);
        Headers first = build(pairs);
        Headers second = Headers.builder().addAll(first).build();

        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        if (!pairs.isEmpty()) {
            List<String[]> changed = new ArrayList<>(pairs);
            int i = random.nextInt(changed.size());
            changed.set(i, new String[] {changed.get(i)[0], changed.get(i)[1] + "!"});
            assertThat(build(changed)).isNotEqualTo(first);
        }
    }

    private static List<String[]> randomPairs(Random random) {
        List<String[]> pairs = new ArrayList<>();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            String name = randomCasing(random, NAMES[random.nextInt(NAMES.length)]);
            pairs.add(new String[] {name, random.nextInt(4) == 0 ? "" : "v" + random.nextInt(50)});
        }
        return pairs;
    }

    private static String randomCasing(Random random, String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            s.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return s.toString();
    }

    private static Headers build(List<String[]> pairs) {
        Headers.Builder b = Headers.builder();
        pairs.forEach(p -> b.add(p[0], p[1]));
        return b.build();
    }
}
