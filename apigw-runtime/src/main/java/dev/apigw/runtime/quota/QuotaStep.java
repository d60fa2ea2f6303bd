package dev.apigw.runtime.quota;

import dev.apigw.model.ApiKey;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.pipeline.UsagePlans.KeyPlan;
import dev.apigw.runtime.spi.UsageStore;
import java.time.LocalDate;

/**
 * Counts each request of a method with {@code apiKeyRequired} against the quota of the usage plan
 * of its API key (reference 8.2), in the account's {@link UsageStore}: one counter per key and
 * plan, aggregated across the plan's stages, over periods of the plan's DAY, WEEK or MONTH in UTC
 * ({@link QuotaPeriods}). A request past the period's limit answers 429 QUOTA_EXCEEDED {@code
 * {"message":"Limit Exceeded"}} with {@code x-amzn-ErrorType: LimitExceededException} (reference
 * 3.1, 9.4). Every request the plan admits is also added to the key's usage of the day, which
 * {@code Api.usage} reads as GetUsage does; a plan without a quota counts usage and limits nothing.
 *
 * <p>It runs after the API key step (a missing, unknown or disabled key, or one in no plan of the
 * stage, keeps its 403 and counts nothing; reference 8.1 step 4) and after throttling, so a
 * throttled request uses no quota. A request the plan admits counts even when a later step fails it
 * (request validation, the integration): the quota counts requests, not successes.
 */
public final class QuotaStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        if (!exchange.method().apiKeyRequired() || exchange.apiKey().isEmpty()) {
            return next.proceed(exchange);
        }
        ApiKey key = exchange.apiKey().get();
        KeyPlan plan =
                exchange.state().usagePlans().find(key.id(), exchange.stageSettings().stageName());
        if (plan == null) {
            return next.proceed(exchange);
        }
        LocalDate day = QuotaPeriods.day(exchange.requestTime());
        LocalDate periodStart;
        long limit;
        if (plan.plan().quota().isPresent()) {
            QuotaSettings quota = plan.plan().quota().get();
            periodStart = QuotaPeriods.periodStart(quota.period(), day);
            limit = QuotaPeriods.limit(quota, periodStart, plan.planStart());
        } else {
            periodStart = day;
            limit = Long.MAX_VALUE;
        }
        UsageStore store = exchange.gateway().usageStore();
        if (!store.tryConsume(plan.counter(), periodStart, day, limit)) {
            exchange.trace().add("quota", "Usage plan quota exceeded: ", plan.counter());
            throw GatewayException.of(GatewayResponseType.QUOTA_EXCEEDED);
        }
        return next.proceed(exchange);
    }
}
