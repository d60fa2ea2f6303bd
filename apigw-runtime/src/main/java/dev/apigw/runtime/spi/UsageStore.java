package dev.apigw.runtime.spi;

import dev.apigw.runtime.quota.InMemoryUsageStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Holds the request counters of usage-plan quotas and the daily usage GetUsage reads (reference
 * 8.2): one counter per API key in a usage plan, named by the caller (e.g. {@code planId:keyId}),
 * counting the requests of the current quota period against the period's limit, and one {@code
 * [used, remaining]} pair per UTC day. The account object {@code Gateway} holds one store, so
 * counters survive a redeploy. The default keeps them in memory ({@link #inMemory()}); a store
 * shared by several JVMs (Redis: one script per call) can replace it.
 *
 * <p>Every operation names the period by the date of its first day (UTC), so an implementation
 * needs no calendar: a counter whose stored period differs from the one given starts again from
 * zero. Callers only count requests of real keys of real plans, so the number of counters is
 * bounded by the account's keys and plans; an implementation must still bound what it keeps per
 * counter (old periods and days).
 *
 * <p>Thread-safety: called concurrently from every thread handling requests, for the same counter
 * too; an implementation must be thread-safe and exact: a period with a limit of {@code N} admits
 * at most {@code N} requests however many threads ask at once.
 */
public interface UsageStore {
    /**
     * Counts one request against the counter if its period's count is below {@code limit}: in one
     * atomic step, starts the counter afresh when {@code periodStart} is not its stored period,
     * compares, increments, and adds the request to the usage of {@code day}.
     *
     * @param counter the counter's name
     * @param periodStart the first day of the quota period the request falls in
     * @param day the UTC day of the request
     * @param limit the number of requests the period admits (for a plan without a quota, {@link
     *     Long#MAX_VALUE})
     * @return whether the request was counted: {@code false} means the quota is used up
     */
    boolean tryConsume(String counter, LocalDate periodStart, LocalDate day, long limit);

    /**
     * Sets the remaining quota of the counter's period (AWS's UpdateUsage): the period then admits
     * {@code remaining} more requests, and {@code day}'s usage records that remaining quota. The
     * day's used count does not change.
     *
     * @param counter the counter's name
     * @param periodStart the first day of the current quota period
     * @param day the current UTC day
     * @param limit the number of requests the period admits
     * @param remaining the requests the period admits from now on, at least 0 (it may exceed {@code
     *     limit}: a temporary extension)
     */
    void setRemaining(
            String counter, LocalDate periodStart, LocalDate day, long limit, long remaining);

    /**
     * Returns the usage of the counter on each day from {@code startDate} to {@code endDate}
     * (inclusive) that has any: the requests counted that day and the period's remaining quota
     * after the day's last count or update. Days without usage are left out.
     */
    Map<LocalDate, DayUsage> usage(String counter, LocalDate startDate, LocalDate endDate);

    /**
     * Returns when the usage plan {@code usagePlanId} was first served by this store's account,
     * recording {@code now} if it never was (reference 8.2: a quota's {@code offset} reduces the
     * limit of the plan's initial period).
     */
    Instant planStarted(String usagePlanId, Instant now);

    /**
     * Returns a store keeping its counters in this JVM's memory, with the usage of the last 366
     * days of each counter.
     */
    static UsageStore inMemory() {
        return new InMemoryUsageStore(366);
    }

    /**
     * The usage of one counter on one day.
     *
     * @param used the requests counted that day
     * @param remaining the period's remaining quota at the end of the day (so far, for today)
     */
    record DayUsage(long used, long remaining) {}
}
