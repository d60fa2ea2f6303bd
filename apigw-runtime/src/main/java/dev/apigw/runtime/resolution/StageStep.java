package dev.apigw.runtime.resolution;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.CanaryRelease;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the stage with the API's {@link StageResolver} (reference 7.1). A request that addresses
 * no stage gets 403 {@code {"message":"Forbidden"}}, which no API can customise. On a stage with a
 * canary release (reference 9.2), each request goes to the canary with probability {@code
 * percentTraffic}%, drawn from the account's random source ({@link CanaryRelease#routes}); a canary
 * request is served by the canary's deployment with the canary's stage variables, and {@link
 * Exchange#isCanaryRequest()} is true for it.
 */
public final class StageStep implements Step {
    private final StageResolver resolver;

    public StageStep(StageResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver);
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Optional<StageResolver.ResolvedStage> resolved =
                resolver.resolve(exchange.request(), exchange.state().stages());
        if (resolved.isEmpty()) {
            exchange.trace().add("stage", resolver.describeMiss(exchange.request()));
            return Response.builder()
                    .statusCode(403)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("x-amzn-ErrorType", "ForbiddenException")
                    .body("{\"message\":\"Forbidden\"}")
                    .build();
        }
        DeployedStage stage = resolved.get().stage();
        Optional<CanaryRelease> canary = exchange.state().canary(stage.stage().stageName());
        if (canary.isPresent() && canary.get().routes(exchange.gateway().random())) {
            stage = canary.get().stage();
        }
        return next.proceed(exchange.withStage(stage, resolved.get().resourcePath()));
    }
}
