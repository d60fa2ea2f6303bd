package dev.apigw.runtime.quota;

import dev.apigw.runtime.spi.UsageStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link UsageStore}: one counter object per counter name in a concurrent map, each
 * changed under its own lock, so that a period of limit {@code N} admits exactly {@code N} requests
 * under any concurrency (reference 8.2). A counter keeps only its current period's count and the
 * usage of its last {@code retainedDays} days: older days are dropped as new ones arrive, and a new
 * period replaces the old count. Counters are created only for the names callers count, which are
 * those of real keys in real plans. Thread-safe.
 */
public final class InMemoryUsageStore implements UsageStore {
    private final int retainedDays;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> planStarts = new ConcurrentHashMap<>();

    /** Creates a store that keeps the usage of each counter's last {@code retainedDays} days. */
    public InMemoryUsageStore(int retainedDays) {
        if (retainedDays < 1) {
            throw new IllegalArgumentException("retainedDays must be at least 1");
        }
        this.retainedDays = retainedDays;
    }

    @Override
    public boolean tryConsume(String counter, LocalDate periodStart, LocalDate day, long limit) {
        return counters.computeIfAbsent(counter, c -> new Counter())
                .tryConsume(periodStart, day, limit, retainedDays);
    }

    @Override
    public void setRemaining(
            String counter, LocalDate periodStart, LocalDate day, long limit, long remaining) {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must be at least 0, found " + remaining);
        }
        counters.computeIfAbsent(counter, c -> new Counter())
                .setRemaining(periodStart, day, limit, remaining, retainedDays);
    }

    @Override
    public Map<LocalDate, DayUsage> usage(String counter, LocalDate startDate, LocalDate endDate) {
        Counter c = counters.get(counter);
        return c == null ? Map.of() : c.usage(startDate, endDate);
    }

    @Override
    public Instant planStarted(String usagePlanId, Instant now) {
        Instant first = planStarts.putIfAbsent(usagePlanId, Objects.requireNonNull(now));
        return first != null ? first : now;
    }

    /** One counter: its period's count and its recent days, guarded by its own lock. */
    private static final class Counter {
        private LocalDate periodStart;
        private long counted;
        private final TreeMap<LocalDate, long[]> days = new TreeMap<>();

        synchronized boolean tryConsume(
                LocalDate period, LocalDate day, long limit, int retainedDays) {
            enter(period);
            if (counted >= limit) {
                return false;
            }
            counted++;
            long[] usage = day(day, retainedDays);
            usage[0]++;
            usage[1] = limit - counted;
            return true;
        }

        synchronized void setRemaining(
                LocalDate period, LocalDate day, long limit, long remaining, int retainedDays) {
            enter(period);
            counted = limit - remaining;
            day(day, retainedDays)[1] = remaining;
        }

        synchronized Map<LocalDate, DayUsage> usage(LocalDate startDate, LocalDate endDate) {
            Map<LocalDate, DayUsage> usage = new LinkedHashMap<>();
            if (startDate.isAfter(endDate)) {
                return usage;
            }
            days.subMap(startDate, true, endDate, true)
                    .forEach((d, u) -> usage.put(d, new DayUsage(u[0], u[1])));
            return Collections.unmodifiableMap(usage);
        }

        private void enter(LocalDate period) {
            if (!period.equals(periodStart)) {
                periodStart = period;
                counted = 0;
            }
        }

        private long[] day(LocalDate day, int retainedDays) {
            long[] usage = days.computeIfAbsent(day, d -> new long[2]);
            LocalDate oldest = days.lastKey().minusDays(retainedDays - 1L);
            if (days.firstKey().isBefore(oldest)) {
                days.headMap(oldest, false).clear();
            }
            return usage;
        }
    }
}
