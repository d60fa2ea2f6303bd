package dev.apigw.runtime.throttle;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.pipeline.UsagePlans.KeyPlan;
import dev.apigw.runtime.spi.RateLimitStore;
import java.util.Optional;

/**
 * Throttles requests with token buckets in the account's {@link RateLimitStore}, in AWS's order
 * (reference 9.4): first the usage plan of the caller's API key, only for methods with {@code
 * apiKeyRequired} once the key was accepted (reference 8.2: the plan's per-method {@code
 * apiStages[].throttle["/path/METHOD"]} entry, else the plan's {@code throttle}; per key,
 * aggregated across the plan's stages); then the stage's method settings (the method's own entry,
 * else {@code *}{@code /*}; reference 9.1), a bucket per method; then the account's limit, which
 * every request of every API in the account shares. The most specific limit of each level applies
 * and a request must pass every level; an empty bucket answers 429 THROTTLED {@code {"message":"Too
 * Many Requests"}} (reference 3.1). A token taken at an earlier level is not given back when a
 * later level throttles (AWS calls its throttling best effort, reference 9.4). The buckets' names
 * are made when the API is built ({@link MethodThrottle}, {@link KeyPlan}), not per request; the
 * buckets are taken through {@link TokenBuckets}, as HTTP APIs take theirs.
 */
public final class ThrottleStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledMethod method = exchange.method();
        MethodThrottle names = method.feature(MethodThrottle.KEY);
        Stage stage = exchange.stageSettings();
        if (method.apiKeyRequired() && exchange.apiKey().isPresent()) {
            KeyPlan plan =
                    exchange.state()
                            .usagePlans()
                            .find(exchange.apiKey().get().id(), stage.stageName());
            if (plan != null) {
                throttlePlan(exchange, names, plan);
            }
        }
        Optional<MethodSetting> setting = method.methodSetting(stage);
        if (setting.isPresent()) {
            TokenBuckets.take(
                    exchange,
                    names.stageBucket(stage.stageName()),
                    setting.get().throttle(),
                    "stage");
        }
        TokenBuckets.takeAccount(exchange);
        return next.proceed(exchange);
    }

    private static void throttlePlan(Exchange exchange, MethodThrottle names, KeyPlan plan) {
        ThrottleSettings own = plan.methodThrottle(names.planMethod());
        if (own != null) {
            String bucket = plan.methodThrottleBuckets().get(names.planMethod());
            TokenBuckets.take(exchange, bucket, own, "usage plan method");
        } else if (plan.plan().throttle().isPresent()) {
            TokenBuckets.take(
                    exchange, plan.throttleBucket(), plan.plan().throttle().get(), "usage plan");
        }
    }
}
