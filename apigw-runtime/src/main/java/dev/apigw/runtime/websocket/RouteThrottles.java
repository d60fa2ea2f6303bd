package dev.apigw.runtime.websocket;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.RateLimitStore;
import dev.apigw.runtime.throttle.MethodThrottle;
import dev.apigw.runtime.throttle.TokenBuckets;
import java.util.HashMap;
import java.util.Map;

/**
 * Throttles the requests of one WebSocket stage (reference 9.4, 9.1 WebSocket stages): an upgrade
 * ({@code $connect}), a message on the route it selected, an {@code @connections} call. A route's
 * limit is its {@code routeSettings} entry over the stage's {@code defaultRouteSettings} ({@link
 * WebSocketStage#settingsOf}), one bucket per route and stage, named as HTTP API routes name theirs
 * ({@link MethodThrottle#route}) and shared by every connection of the stage, as AWS's route
 * throttling is; then the account's limit, which every request of every API of the {@link Gateway}
 * shares ({@link TokenBuckets#ACCOUNT_KEY}, {@link Gateway#accountThrottle()}). The buckets are the
 * account's {@link RateLimitStore}'s. A token taken from a route's bucket is not given back when
 * the account's is empty (best effort, as REST and HTTP APIs throttle). Thread-safe.
 */
final class RouteThrottles {
    private final Gateway gateway;
    private final Map<String, RouteLimit> byRoute;

    RouteThrottles(Gateway gateway, WebSocketApi api, WebSocketStage stage) {
        this.gateway = gateway;
        Map<String, RouteLimit> limits = new HashMap<>();
        for (String routeKey : api.routes().keySet()) {
            stage.settingsOf(routeKey)
                    .throttle()
                    .ifPresent(
                            limit ->
                                    limits.put(
                                            routeKey,
                                            new RouteLimit(
                                                    MethodThrottle.route(api.id(), routeKey)
                                                            .stageBucket(stage.stageName()),
                                                    limit)));
        }
        this.byRoute = Map.copyOf(limits);
    }

    /**
     * Takes a token for one request of the route {@code routeKey} from its stage bucket, when the
     * stage limits it, then from the account's; {@code false} means the request is throttled.
     */
    boolean tryTake(String routeKey) {
        RateLimitStore store = gateway.rateLimitStore();
        RouteLimit limit = byRoute.get(routeKey);
        if (limit != null && !store.tryConsume(limit.bucket(), limit.limits())) {
            return false;
        }
        return tryTakeAccount();
    }

    /** Takes a token from the account's bucket only; {@code false} means throttled. */
    boolean tryTakeAccount() {
        return gateway.rateLimitStore()
                .tryConsume(TokenBuckets.ACCOUNT_KEY, gateway.accountThrottle());
    }

    private record RouteLimit(String bucket, ThrottleSettings limits) {}
}
