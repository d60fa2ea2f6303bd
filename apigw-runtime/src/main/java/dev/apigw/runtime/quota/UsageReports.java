package dev.apigw.runtime.quota;

import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Usage;
import dev.apigw.runtime.pipeline.UsagePlans;
import dev.apigw.runtime.spi.UsageStore;
import dev.apigw.runtime.spi.UsageStore.DayUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * AWS's GetUsage and UpdateUsage over a {@link UsageStore} (reference 8.2): the daily {@code [used,
 * remaining]} pairs of a plan's keys, a day without requests carrying the remaining quota of the
 * day before in the same period (or the period's whole limit), and the remaining quota of the
 * current period set by hand. Internal.
 */
public final class UsageReports {
    /** The longest interval a report covers, in days (ten years). */
    static final long MAX_DAYS = 3_660;

    private final UsagePlans plans;
    private final UsageStore store;

    /** Creates the reports of these plans' usage in {@code store}. */
    public UsageReports(UsagePlans plans, UsageStore store) {
        this.plans = Objects.requireNonNull(plans);
        this.store = Objects.requireNonNull(store);
    }

    /**
     * Returns the usage of the plan's key {@code keyId} (or of all its keys when null) on each day
     * from {@code startDate} to {@code endDate}.
     *
     * @throws IllegalArgumentException naming the plan or key when there is no such plan or the
     *     plan has no such key, or when the interval is empty or longer than ten years
     */
    public Usage usage(
            String usagePlanId, String keyId, LocalDate startDate, LocalDate endDate, Instant now) {
        UsagePlan plan = plan(usagePlanId);
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException(
                    "endDate " + endDate + " is before startDate " + startDate);
        }
        if (ChronoUnit.DAYS.between(startDate, endDate) >= MAX_DAYS) {
            throw new IllegalArgumentException(
                    "the interval from " + startDate + " to " + endDate + " is over 3660 days");
        }
        Instant planStart = store.planStarted(plan.id(), now);
        Map<String, List<Usage.Day>> items = new LinkedHashMap<>();
        for (String key : keyId != null ? List.of(key(plan, keyId)) : keys(plan)) {
            items.put(key, days(plan, key, startDate, endDate, planStart));
        }
        return new Usage(plan.id(), startDate, endDate, items);
    }

    /**
     * Sets the remaining quota of the key's current period, as UpdateUsage does, and returns the
     * key's usage of today.
     *
     * @throws IllegalArgumentException naming the plan or key when there is no such plan, the plan
     *     has no such key or no quota, or {@code remaining} is negative
     */
    public Usage updateUsage(String usagePlanId, String keyId, long remaining, Instant now) {
        UsagePlan plan = plan(usagePlanId);
        String key = key(plan, Objects.requireNonNull(keyId, "keyId"));
        QuotaSettings quota =
                plan.quota()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "usage plan " + plan.id() + " has no quota"));
        if (remaining < 0) {
            throw new IllegalArgumentException(
                    "remaining quota must be at least 0, found " + remaining);
        }
        LocalDate today = QuotaPeriods.day(now);
        LocalDate period = QuotaPeriods.periodStart(quota.period(), today);
        long limit = QuotaPeriods.limit(quota, period, store.planStarted(plan.id(), now));
        store.setRemaining(UsagePlans.counter(plan, key), period, today, limit, remaining);
        return usage(plan.id(), key, today, today, now);
    }

    private List<Usage.Day> days(
            UsagePlan plan, String key, LocalDate startDate, LocalDate endDate, Instant start) {
        QuotaSettings quota = plan.quota().orElse(null);
        QuotaPeriodType type = quota != null ? quota.period() : QuotaPeriodType.DAY;
        LocalDate from = QuotaPeriods.periodStart(type, startDate);
        Map<LocalDate, DayUsage> recorded =
                store.usage(UsagePlans.counter(plan, key), from, endDate);
        List<Usage.Day> days = new ArrayList<>();
        LocalDate period = null;
        long remaining = 0;
        for (LocalDate day = from; !day.isAfter(endDate); day = day.plusDays(1)) {
            LocalDate dayPeriod = QuotaPeriods.periodStart(type, day);
            if (!dayPeriod.equals(period)) {
                period = dayPeriod;
                remaining = quota != null ? QuotaPeriods.limit(quota, period, start) : 0;
            }
            DayUsage usage = recorded.get(day);
            long used = 0;
            if (usage != null) {
                used = usage.used();
                remaining = quota != null ? usage.remaining() : 0;
            }
            if (!day.isBefore(startDate)) {
                days.add(new Usage.Day(used, remaining));
            }
        }
        return days;
    }

    private UsagePlan plan(String usagePlanId) {
        Objects.requireNonNull(usagePlanId, "usagePlanId");
        return plans.plan(usagePlanId)
                .orElseThrow(
                        () -> new IllegalArgumentException("no usage plan with id " + usagePlanId));
    }

    private static String key(UsagePlan plan, String keyId) {
        if (!plan.apiKeyIds().contains(keyId)) {
            throw new IllegalArgumentException(
                    "usage plan " + plan.id() + " has no API key with id " + keyId);
        }
        return keyId;
    }

    private static List<String> keys(UsagePlan plan) {
        return new ArrayList<>(new TreeSet<>(plan.apiKeyIds()));
    }
}
