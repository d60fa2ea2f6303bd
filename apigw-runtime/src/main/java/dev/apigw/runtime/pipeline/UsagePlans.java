package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiStage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.spi.UsageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's usage plans as one API serves them (reference 8.2): for an API key and a stage of
 * the API, the plan that covers both (a key is in at most one plan per API stage), found by two
 * hash lookups, with the names of its throttle buckets and quota counter made once, when the API is
 * built, not per request. Immutable and thread-safe. Internal.
 */
public final class UsagePlans {
    private final List<UsagePlan> all;
    private final Map<String, Map<String, KeyPlan>> byStageThenKey;

    private UsagePlans(List<UsagePlan> all, Map<String, Map<String, KeyPlan>> byStageThenKey) {
        this.all = all;
        this.byStageThenKey = byStageThenKey;
    }

    /**
     * Returns the index of {@code plans} for the API {@code apiId}; the start of each plan with a
     * quota is read from (or recorded in) {@code store} at the time of {@code clock}, which is read
     * only then.
     */
    public static UsagePlans of(
            String apiId, Collection<UsagePlan> plans, UsageStore store, Clock clock) {
        Map<String, Map<String, KeyPlan>> index = new HashMap<>();
        for (UsagePlan plan : plans) {
            Instant start =
                    plan.quota().isPresent()
                            ? store.planStarted(plan.id(), clock.instant())
                            : Instant.EPOCH;
            for (ApiStage apiStage : plan.apiStages()) {
                if (!apiStage.apiId().equals(apiId)) {
                    continue;
                }
                Map<String, KeyPlan> byKey =
                        index.computeIfAbsent(apiStage.stage(), s -> new HashMap<>());
                for (String keyId : plan.apiKeyIds()) {
                    byKey.putIfAbsent(keyId, KeyPlan.of(plan, apiStage, keyId, start));
                }
            }
        }
        Map<String, Map<String, KeyPlan>> frozen = new HashMap<>();
        index.forEach((stage, byKey) -> frozen.put(stage, Map.copyOf(byKey)));
        return new UsagePlans(List.copyOf(plans), Map.copyOf(frozen));
    }

    /**
     * Returns the name of the quota and usage counter of a key in a plan, {@code planId:keyId}, in
     * the account's {@code UsageStore}.
     */
    public static String counter(UsagePlan plan, String keyId) {
        return plan.id() + ":" + keyId;
    }

    /** Returns every plan, in the order added. */
    public List<UsagePlan> all() {
        return all;
    }

    /** Returns the plan of this id, if any. */
    public Optional<UsagePlan> plan(String usagePlanId) {
        for (UsagePlan plan : all) {
            if (plan.id().equals(usagePlanId)) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the plan that holds the key {@code keyId} and covers the stage {@code stageName} of
     * this API, or null when none does.
     */
    public KeyPlan find(String keyId, String stageName) {
        Map<String, KeyPlan> byKey = byStageThenKey.get(stageName);
        return byKey == null ? null : byKey.get(keyId);
    }

    /**
     * An API key in the usage plan that covers one stage of the API, with the names its throttle
     * buckets and quota counter have in the account's stores.
     *
     * @param plan the usage plan
     * @param apiStage the plan's entry for the stage (its per-method throttles)
     * @param keyId the API key's id
     * @param planStart when the account first served the plan (the quota's initial period); the
     *     epoch for a plan without a quota
     * @param counter the quota and usage counter, {@code planId:keyId}: one per key and plan,
     *     aggregated across the plan's stages
     * @param throttleBucket the bucket of the plan's {@code throttle}, shared by its stages
     * @param methodThrottleBuckets the buckets of the stage's per-method throttles, by {@code
     *     /path/METHOD}
     */
    public record KeyPlan(
            UsagePlan plan,
            ApiStage apiStage,
            String keyId,
            Instant planStart,
            String counter,
            String throttleBucket,
            Map<String, String> methodThrottleBuckets) {

        static KeyPlan of(UsagePlan plan, ApiStage apiStage, String keyId, Instant planStart) {
            String counter = UsagePlans.counter(plan, keyId);
            String bucket = "plan:" + counter;
            Map<String, String> methods = new LinkedHashMap<>();
            for (String method : apiStage.throttle().keySet()) {
                methods.put(
                        method,
                        bucket + ":" + apiStage.apiId() + ":" + apiStage.stage() + ":" + method);
            }
            return new KeyPlan(
                    plan, apiStage, keyId, planStart, counter, bucket, Map.copyOf(methods));
        }

        /** Returns the plan's throttle of a method ({@code /path/METHOD}), if it sets one. */
        public ThrottleSettings methodThrottle(String planMethod) {
            return apiStage.throttle().get(planMethod);
        }
    }
}
