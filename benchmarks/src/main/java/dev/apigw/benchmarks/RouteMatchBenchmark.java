package dev.apigw.benchmarks;

import dev.apigw.runtime.routing.RouteMatch;
import dev.apigw.runtime.routing.RouteMatcher;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures REST route matching over 10, 300 and 3,000 resources: a literal path, a path with a
 * variable, and a path that falls back to the greedy resource. The cost must not grow with the
 * resource count (reference section 7.1).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RouteMatchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteMatchBenchmark {
    @Param({"10", "300", "3000"})
    int resources;

    private RouteMatcher<String> matcher;
    private String literalPath;
    private String variablePath;
    private String greedyPath;

    /** Builds {@code resources} resources in groups of three: literal, variable, nested. */
    @Setup
    public void setUp() {
        RouteMatcher.Builder<String> b = RouteMatcher.builder();
        int groups = resources / 3;
        for (int i = 0; i < groups; i++) {
            b.add("/service" + i + "/items", "GET", "list" + i);
            b.add("/service" + i + "/items/{id}", "GET", "get" + i);
            b.add("/service" + i + "/items/{id}/details", "ANY", "details" + i);
        }
        b.add("/{proxy+}", "ANY", "fallback");
        matcher = b.build();
        int middle = groups / 2;
        literalPath = "/service" + middle + "/items";
        variablePath = "/service" + middle + "/items/42/details";
        greedyPath = "/service" + middle + "/unknown/path";
    }

    /** A literal resource. */
    @Benchmark
    public Optional<RouteMatch<String>> literal() {
        return matcher.match("GET", literalPath);
    }

    /** A variable segment and an ANY method. */
    @Benchmark
    public Optional<RouteMatch<String>> variable() {
        return matcher.match("POST", variablePath);
    }

    /** A literal branch that fails and backtracks to the root greedy resource. */
    @Benchmark
    public Optional<RouteMatch<String>> greedyFallback() {
        return matcher.match("GET", greedyPath);
    }
}
