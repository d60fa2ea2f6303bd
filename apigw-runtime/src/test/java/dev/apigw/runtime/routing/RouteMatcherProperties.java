package dev.apigw.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link RouteMatcher} against a slow reference matcher that enumerates every resource,
 * keeps those that can serve the path and method, and picks by AWS's priority (reference 7.1): at
 * the first segment where candidates differ, literal before variable before greedy; then the exact
 * method before {@code ANY} on the chosen resource.
 */
class RouteMatcherProperties {
    private static final String[] LITERALS = {"a", "b", "c", "A", "a%20b", "+"};
    private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "OPTIONS"};
    private static final String[] DEFINED_METHODS = {"GET", "POST", "HEAD", "ANY"};
    private static final Pattern SEGMENT = Pattern.compile("[^/]+");

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0x5EED_0000L + i * 7919);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void match_randomTreeAndPaths_agreesWithReferenceMatcher(long seed) {
        Random random = new Random(seed);
        List<Route> routes = randomRoutes(random);
        RouteMatcher<Route> matcher = build(routes);

        for (String path : randomPaths(random, routes)) {
            for (String method : METHODS) {
                Optional<RouteMatch<Route>> expected = referenceMatch(routes, method, path);
                Optional<RouteMatch<Route>> actual = matcher.match(method, path);
                assertThat(actual)
                        .as("seed %d: %s %s in %s", seed, method, path, routes)
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void match_routesAddedInAnotherOrder_sameResult(long seed) {
        Random random = new Random(seed);
        List<Route> routes = randomRoutes(random);
        List<Route> shuffled = new ArrayList<>(routes);
        Collections.shuffle(shuffled, random);
        RouteMatcher<Route> inOrder = build(routes);
        RouteMatcher<Route> reordered = build(shuffled);

        for (String path : randomPaths(random, routes)) {
            for (String method : METHODS) {
                assertThat(reordered.match(method, path))
                        .as("seed %d: %s %s", seed, method, path)
                        .isEqualTo(inOrder.match(method, path));
            }
        }
    }

    /** A resource method; the record is its own target so a mismatch names both sides. */
    record Route(String resourcePath, String httpMethod) {
        List<String> parts() {
            List<String> parts = new ArrayList<>();
            for (String p : resourcePath.split("/")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            return parts;
        }

        @Override
        public String toString() {
            return resourcePath + " " + httpMethod;
        }
    }

    private static RouteMatcher<Route> build(List<Route> routes) {
        RouteMatcher.Builder<Route> b = RouteMatcher.builder();
        routes.forEach(r -> b.add(r.resourcePath(), r.httpMethod(), r));
        return b.build();
    }

    /**
     * Returns random resource methods; one variable name and one greedy name per parent, no
     * children below a greedy part, as the model guarantees.
     */
    private static List<Route> randomRoutes(Random random) {
        Map<String, String> variableName = new HashMap<>();
        Map<String, String> greedyName = new HashMap<>();
        Set<Route> routes = new LinkedHashSet<>();
        int count = 1 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            StringBuilder path = new StringBuilder();
            int depth = random.nextInt(5);
            for (int d = 0; d < depth; d++) {
                String parent = path.length() == 0 ? "/" : path.toString();
                int kind = random.nextInt(10);
                String part;
                if (kind < 6) {
                    part = LITERALS[random.nextInt(LITERALS.length)];
                } else if (kind < 9 || d < depth - 1) {
                    part =
                            "{"
                                    + variableName.computeIfAbsent(
                                            parent, p -> "v" + random.nextInt(1000))
                                    + "}";
                } else {
                    part =
                            "{"
                                    + greedyName.computeIfAbsent(
                                            parent, p -> "g" + random.nextInt(1000))
                                    + "+}";
                }
                path.append('/').append(part);
            }
            String resourcePath = path.length() == 0 ? "/" : path.toString();
            int methods = 1 + random.nextInt(2);
            for (int m = 0; m < methods; m++) {
                routes.add(
                        new Route(
                                resourcePath,
                                DEFINED_METHODS[random.nextInt(DEFINED_METHODS.length)]));
            }
        }
        // Last definition of a resource and method wins in the builder: keep one per pair.
        return new ArrayList<>(routes);
    }

    /** Returns paths built from the resources (variables filled in) and random ones. */
    private static List<String> randomPaths(Random random, List<Route> routes) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            List<String> segments = new ArrayList<>();
            if (i % 3 != 0 && !routes.isEmpty()) {
                for (String part : routes.get(random.nextInt(routes.size())).parts()) {
                    if (part.endsWith("+}")) {
                        int n = 1 + random.nextInt(3);
                        for (int k = 0; k < n; k++) {
                            segments.add(randomSegment(random));
                        }
                    } else if (part.startsWith("{")) {
                        segments.add(randomSegment(random));
                    } else {
                        segments.add(part);
                    }
                }
                if (random.nextInt(4) == 0) {
                    segments.add(randomSegment(random));
                }
            } else {
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    segments.add(randomSegment(random));
                }
            }
            paths.add(join(random, segments));
        }
        return paths;
    }

    private static String randomSegment(Random random) {
        return random.nextInt(3) == 0
                ? "x" + random.nextInt(3)
                : LITERALS[random.nextInt(LITERALS.length)];
    }

    /** Joins segments with one slash, sometimes two, sometimes adding a trailing one. */
    private static String join(Random random, List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String s : segments) {
            path.append(random.nextInt(6) == 0 ? "//" : "/").append(s);
        }
        if (path.length() == 0 || random.nextInt(5) == 0) {
            path.append('/');
        }
        return path.toString();
    }

    private static Optional<RouteMatch<Route>> referenceMatch(
            List<Route> routes, String method, String path) {
        List<int[]> bounds = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            bounds.add(new int[] {m.start(), m.end()});
        }
        Map<String, List<Route>> servingResources = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.httpMethod().equals(method) || route.httpMethod().equals("ANY")) {
                if (bind(route.parts(), path, bounds) != null) {
                    servingResources
                            .computeIfAbsent(route.resourcePath(), p -> new ArrayList<>())
                            .add(route);
                }
            }
        }
        String best = null;
        for (String resourcePath : servingResources.keySet()) {
            if (best == null || compare(resourcePath, best) < 0) {
                best = resourcePath;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Route> candidates = servingResources.get(best);
        Route chosen =
                candidates.stream()
                        .filter(r -> r.httpMethod().equals(method))
                        .findFirst()
                        .orElse(candidates.get(0));
        return Optional.of(new RouteMatch<>(chosen, bind(chosen.parts(), path, bounds)));
    }

    /** Returns the parameters if the parts match the segments, else null. */
    private static Map<String, String> bind(List<String> parts, String path, List<int[]> bounds) {
        boolean greedy = !parts.isEmpty() && parts.get(parts.size() - 1).endsWith("+}");
        if (greedy ? bounds.size() < parts.size() : bounds.size() != parts.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            String segment = path.substring(bounds.get(i)[0], bounds.get(i)[1]);
            if (part.endsWith("+}")) {
                String rest = path.substring(bounds.get(i)[0], bounds.get(bounds.size() - 1)[1]);
                parameters.put(part.substring(1, part.length() - 2), rest);
            } else if (part.startsWith("{")) {
                parameters.put(part.substring(1, part.length() - 1), segment);
            } else if (!part.equals(segment)) {
                return null;
            }
        }
        return parameters;
    }

    /** Orders two resources matching the same path by the first part whose kind differs. */
    private static int compare(String left, String right) {
        List<String> l = new Route(left, "").parts();
        List<String> r = new Route(right, "").parts();
        for (int i = 0; i < Math.min(l.size(), r.size()); i++) {
            int byKind = Integer.compare(kind(l.get(i)), kind(r.get(i)));
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(l.size(), r.size());
    }

    private static int kind(String part) {
        return part.endsWith("+}") ? 2 : part.startsWith("{") ? 1 : 0;
    }
}
