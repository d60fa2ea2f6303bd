package dev.apigw.runtime.websocket;

import dev.apigw.runtime.Gateway;

/**
 * The account's limit of new WebSocket connections (reference 7.3, 9.5: 500 new connections a
 * second per account and region, across all its WebSocket APIs): a token bucket of the account's
 * {@link dev.apigw.runtime.spi.RateLimitStore}, sized by {@link Gateway#newConnectionThrottle()},
 * which every {@link WebSocketGateway} of the same {@link Gateway} shares. Each upgrade takes a
 * token before anything else runs (throttling, authorizer, {@code $connect}); an empty bucket
 * refuses it. Thread-safe.
 */
final class ConnectionRate {
    /** The name of the account's bucket of new connections in the rate-limit store. */
    static final String BUCKET = "websocket:new-connections";

    private final Gateway gateway;

    ConnectionRate(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Takes a token for one new connection; {@code false} means the upgrade is refused. */
    boolean tryConnect() {
        return gateway.rateLimitStore().tryConsume(BUCKET, gateway.newConnectionThrottle());
    }
}
