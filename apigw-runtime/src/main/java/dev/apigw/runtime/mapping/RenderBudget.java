package dev.apigw.runtime.mapping;

import org.apache.velocity.context.Context;
import org.apache.velocity.context.InternalContextAdapter;

/**
 * What one rendering has left of its {@link TemplateLimits}: a step counter that every variable
 * read and write, method call, arithmetic operation and loop iteration decrements, and a deadline
 * checked every {@value #CHECK_EVERY} steps. Belongs to one rendering: not thread-safe.
 */
final class RenderBudget {
    /** The Velocity context key: not a VTL identifier, so {@code $...} cannot reach it. */
    static final String KEY = "apigw:budget";

    static final int CHECK_EVERY = 256;

    private final TemplateLimits limits;
    private final long deadline;
    private long steps;

    RenderBudget(TemplateLimits limits) {
        this.limits = limits;
        this.deadline = limits.now() + limits.timeBudgetNanos();
        this.steps = limits.workBudget();
    }

    /** Counts one step; fails once the work budget is spent or the deadline has passed. */
    void tick() {
        if (--steps < 0) {
            throw new RenderLimitException(
                    "template rendering exceeded its budget of " + limits.workBudget() + " steps");
        }
        if ((steps & (CHECK_EVERY - 1)) == 0) {
            limits.checkDeadline(deadline);
        }
    }

    /**
     * Returns {@code text} for a regular expression to run over within this rendering's deadline
     * ({@link DeadlineCharSequence}).
     */
    CharSequence bounded(String text) {
        return new DeadlineCharSequence(text, limits, deadline);
    }

    /** Returns the budget of the rendering {@code context} belongs to; null if none. */
    static RenderBudget of(InternalContextAdapter context) {
        Context user = context.getInternalUserContext();
        if (user instanceof RenderContext) {
            return ((RenderContext) user).budget();
        }
        Object budget = context.get(KEY);
        return budget instanceof RenderBudget ? (RenderBudget) budget : null;
    }

    /** Counts one step of the rendering {@code context} belongs to. */
    static void tick(InternalContextAdapter context) {
        RenderBudget budget = of(context);
        if (budget != null) {
            budget.tick();
        }
    }

    /**
     * Fails when the deadline of the rendering {@code context} belongs to has passed: checked after
     * every method call, since one call (a regular expression, bounded on its own by a full time
     * budget) may take long, and many such calls between two step checks must not add up past the
     * rendering's budget.
     */
    static void checkDeadline(InternalContextAdapter context) {
        RenderBudget budget = of(context);
        if (budget != null) {
            budget.limits.checkDeadline(budget.deadline);
        }
    }
}
