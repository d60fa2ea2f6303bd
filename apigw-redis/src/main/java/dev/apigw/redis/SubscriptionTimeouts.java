package dev.apigw.redis;

import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The command timeouts of {@link RedisStores}' client (reference 9.4): the stores' commands, which
 * a request waits on, fail after the command timeout; {@code SUBSCRIBE} and {@code UNSUBSCRIBE} of
 * the connection relay, which run when a {@link RedisStores} or a WebSocket gateway is built or
 * closed and never on a request thread, get the longer connect timeout, so that a JVM starting
 * under load (a cold pub/sub connection) does not fail to start.
 */
final class SubscriptionTimeouts extends TimeoutOptions.TimeoutSource {
    private final long commandNanos;
    private final long subscriptionNanos;

    SubscriptionTimeouts(Duration command, Duration subscription) {
        this.commandNanos = command.toNanos();
        this.subscriptionNanos = subscription.toNanos();
    }

    @Override
    public long getTimeout(RedisCommand<?, ?, ?> command) {
        return isSubscription(command.getType()) ? subscriptionNanos : commandNanos;
    }

    @Override
    public TimeUnit getTimeUnit() {
        return TimeUnit.NANOSECONDS;
    }

    private static boolean isSubscription(ProtocolKeyword type) {
        return type == CommandType.SUBSCRIBE || type == CommandType.UNSUBSCRIBE;
    }
}
