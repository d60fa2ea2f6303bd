package dev.apigw.runtime.throttle;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;

/**
 * Takes one request's token from a bucket of the account's {@link
 * dev.apigw.runtime.spi.RateLimitStore} (reference 9.4), for the throttling steps of every kind of
 * API: an empty bucket throws 429 THROTTLED, which the API answers {@code {"message":"Too Many
 * Requests"}}, and the execution log says which level throttled.
 */
public final class TokenBuckets {
    /** The key of the account's bucket, shared by every API of the {@code Gateway}. */
    public static final String ACCOUNT_KEY = "account";

    private TokenBuckets() {}

    /**
     * Takes a token from {@code bucket}, sized by {@code limits}; throws THROTTLED when it is
     * empty, naming {@code level} ({@code stage}, {@code usage plan}...) in the execution log.
     */
    public static void take(
            Exchange exchange, String bucket, ThrottleSettings limits, String level) {
        if (!exchange.gateway().rateLimitStore().tryConsume(bucket, limits)) {
            exchange.trace()
                    .error("throttle", "Request throttled by the " + level + " limit: ", limits);
            throw GatewayException.of(GatewayResponseType.THROTTLED);
        }
    }

    /**
     * Takes a token from the account's bucket, which every request of every API of the account
     * shares (reference 9.4: 10,000 requests per second, bursts of 5,000, by default).
     */
    public static void takeAccount(Exchange exchange) {
        take(exchange, ACCOUNT_KEY, exchange.gateway().accountThrottle(), "account");
    }
}
