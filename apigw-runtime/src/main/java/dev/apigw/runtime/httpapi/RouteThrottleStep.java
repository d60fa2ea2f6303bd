package dev.apigw.runtime.httpapi;

import dev.apigw.model.RouteSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.throttle.MethodThrottle;
import dev.apigw.runtime.throttle.TokenBuckets;
import java.util.Optional;

/**
 * Throttles HTTP API requests (reference 9.4, 9.1 HTTP API stages), after the route's authorizer:
 * the stage's limit of the route, its {@code routeSettings} entry over the stage's {@code
 * defaultRouteSettings} ({@code HttpStage.settingsOf}), a bucket per route and stage; then the
 * account's limit, which every request of every API of the account shares. An empty bucket answers
 * 429 {@code {"message":"Too Many Requests"}} (reference 3.3). HTTP APIs have no usage plans
 * (reference 11.1). A token taken from the route's bucket is not given back when the account's is
 * empty, as REST's throttling does (AWS calls throttling best effort).
 */
public final class RouteThrottleStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledRoute route = exchange.target(CompiledRoute.class);
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        RouteSettings settings = resolution.stage().settingsOf(route.routeKey());
        Optional<ThrottleSettings> limits = settings.throttle();
        if (limits.isPresent()) {
            MethodThrottle names = route.feature(MethodThrottle.KEY);
            TokenBuckets.take(
                    exchange, names.stageBucket(resolution.stageName()), limits.get(), "stage");
        }
        TokenBuckets.takeAccount(exchange);
        return next.proceed(exchange);
    }
}
