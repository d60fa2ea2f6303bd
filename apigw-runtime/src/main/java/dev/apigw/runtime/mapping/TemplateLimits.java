package dev.apigw.runtime.mapping;

import java.util.function.LongSupplier;

/**
 * How much one rendering may spend (issue 9 part 3): a time budget read from a ticker (System
 * nanoseconds by default; a test supplies its own) and a budget of work steps (variable reads and
 * writes, method calls, arithmetic, loop iterations). Immutable; one per {@link TemplateEngine},
 * shared with its {@link SandboxUberspector} through Velocity's application attributes.
 */
final class TemplateLimits {
    /** The Velocity application attribute that holds the engine's limits. */
    static final String ATTRIBUTE = TemplateLimits.class.getName();

    private final LongSupplier ticker;
    private final long timeBudgetNanos;
    private final long workBudget;

    TemplateLimits(LongSupplier ticker, long timeBudgetNanos, long workBudget) {
        if (timeBudgetNanos <= 0 || workBudget <= 0) {
            throw new IllegalArgumentException("template budgets must be positive");
        }
        this.ticker = ticker;
        this.timeBudgetNanos = timeBudgetNanos;
        this.workBudget = workBudget;
    }

    /** Returns the ticker's reading now, in nanoseconds. */
    long now() {
        return ticker.getAsLong();
    }

    long timeBudgetNanos() {
        return timeBudgetNanos;
    }

    long workBudget() {
        return workBudget;
    }

    /** Fails when {@code deadline} (a ticker reading) has passed. */
    void checkDeadline(long deadline) {
        if (now() - deadline > 0) {
            throw new RenderLimitException(
                    "template rendering exceeded its time budget of "
                            + timeBudgetNanos / 1_000_000
                            + " ms");
        }
    }
}
