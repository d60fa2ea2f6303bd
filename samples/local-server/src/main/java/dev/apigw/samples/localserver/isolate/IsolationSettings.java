package dev.apigw.samples.localserver.isolate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How isolated functions run: the region their environment names, how many processes (concurrent
 * invocations) one function may have, how long a process may take to start, the clock of deadlines
 * and log stream names, and the {@code java} executable of the child JVMs.
 *
 * @param region the {@code AWS_REGION} of the functions
 * @param concurrencyLimit the most processes, hence concurrent invocations, of one function
 * @param initTimeout how long a new process may take to ask for its first invocation
 * @param clock the clock of {@code Lambda-Runtime-Deadline-Ms} and log stream names
 * @param javaExecutable the {@code java} command the child JVMs run
 */
public record IsolationSettings(
        String region,
        int concurrencyLimit,
        Duration initTimeout,
        Clock clock,
        Path javaExecutable) {
    /** The default concurrency limit of one function. */
    public static final int DEFAULT_CONCURRENCY_LIMIT = 4;

    /** Lambda's limit on a function's init phase: 10 seconds. */
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks the settings. */
    public IsolationSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException(
                    "concurrencyLimit must be at least 1, was " + concurrencyLimit);
        }
        if (initTimeout.isNegative() || initTimeout.isZero()) {
            throw new IllegalArgumentException("initTimeout must be positive: " + initTimeout);
        }
    }

    /**
     * Returns the defaults: {@code us-east-1}, 4 processes per function, a 10 s init, the system
     * clock and the {@code java} of the running JVM.
     */
    public static IsolationSettings defaults() {
        return new IsolationSettings(
                "us-east-1",
                DEFAULT_CONCURRENCY_LIMIT,
                DEFAULT_INIT_TIMEOUT,
                Clock.systemUTC(),
                currentJava());
    }

    /** Returns these settings in another region. */
    public IsolationSettings withRegion(String region) {
        return new IsolationSettings(region, concurrencyLimit, initTimeout, clock, javaExecutable);
    }

    /** Returns these settings with another concurrency limit per function. */
    public IsolationSettings withConcurrencyLimit(int concurrencyLimit) {
        return new IsolationSettings(region, concurrencyLimit, initTimeout, clock, javaExecutable);
    }

    /** Returns these settings with another init timeout. */
    public IsolationSettings withInitTimeout(Duration initTimeout) {
        return new IsolationSettings(region, concurrencyLimit, initTimeout, clock, javaExecutable);
    }

    /** Returns these settings with another clock. */
    public IsolationSettings withClock(Clock clock) {
        return new IsolationSettings(region, concurrencyLimit, initTimeout, clock, javaExecutable);
    }

    private static Path currentJava() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java : bin.resolve("java.exe");
    }
}
