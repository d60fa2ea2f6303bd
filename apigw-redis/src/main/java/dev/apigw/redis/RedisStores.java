package dev.apigw.redis;

import dev.apigw.runtime.Gateway;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The account's throttling, quota, stage cache and authorizer cache stores on one Redis, for a
 * fleet of JVMs serving the same APIs (reference 8.2, 8.3, 9.3, 9.4): every JVM builds its {@code
 * Gateway} with the stores of a {@code RedisStores} connected to the same Redis, and their buckets,
 * quotas, cached responses and authorizer answers are shared.
 *
 * <pre>{@code
 * RedisStores redis = RedisStores.builder("redis://redis.internal:6379")
 *         .failurePolicy(FailurePolicy.OPEN)
 *         .commandTimeout(Duration.ofMillis(100))
 *         .build();
 * Gateway gateway = redis.applyTo(Gateway.builder()).build();
 * Api api = Api.builder().gateway(gateway)...build();
 * // at shutdown
 * redis.close();
 * }</pre>
 *
 * <p>WebSocket gateways of a fleet take {@link #connectionStore()} and {@link #connectionRelay()}
 * (issue 16): connection records in Redis, {@code @connections} calls relayed by pub/sub.
 *
 * <p>One Lettuce client, three multiplexed connections (the buckets', the counters', which the
 * connection records and the relay's {@code PUBLISH} share, and the caches' (stage cache entries
 * and authorizer answers), so that a large entry never delays a throttled request) and a pub/sub
 * connection, which reconnect by themselves when Redis comes back (every 10 ms to 1 s). While
 * disconnected, commands fail at once; a connected command fails after the command timeout (the
 * relay's {@code SUBSCRIBE} and {@code UNSUBSCRIBE}, run when stores or gateways are built or
 * closed, after the connect timeout: {@link SubscriptionTimeouts}); the throttling, quota and
 * connection stores then answer by their {@link FailurePolicy}, the caches with a miss. Connecting
 * (up to 5 s) fails when Redis is not reachable at all. Thread-safe; close it after the {@code
 * Gateway}'s last request.
 */
public final class RedisStores implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> bucketConnection;
    private final StatefulRedisConnection<String, String> counterConnection;
    private final StatefulRedisConnection<String, byte[]> cacheConnection;
    private final RedisRateLimitStore rateLimitStore;
    private final RedisUsageStore usageStore;
    private final RedisResponseCacheStore responseCacheStore;
    private final RedisAuthorizerResultStore authorizerResultStore;
    private final StatefulRedisPubSubConnection<String, String> relayConnection;
    private final ExecutorService relayDeliveries;
    private final RedisConnectionStore connectionStore;
    private final RedisConnectionRelay connectionRelay;

    private RedisStores(Builder b) {
        Duration timeout = b.commandTimeout;
        resources =
                ClientResources.builder()
                        .ioThreadPoolSize(2)
                        .computationThreadPoolSize(2)
                        .reconnectDelay(
                                Delay.exponential(
                                        Duration.ofMillis(10),
                                        Duration.ofSeconds(1),
                                        2,
                                        TimeUnit.MILLISECONDS))
                        .build();
        RedisURI uri = RedisURI.create(b.uri);
        // the connection handshake (and a reconnection's) may take longer than a command
        uri.setTimeout(max(timeout, CONNECT_TIMEOUT));
        client = RedisClient.create(resources, uri);
        client.setOptions(
                ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .timeoutOptions(
                                TimeoutOptions.builder()
                                        .timeoutSource(
                                                new SubscriptionTimeouts(
                                                        timeout, max(timeout, CONNECT_TIMEOUT)))
                                        .build())
                        .socketOptions(
                                SocketOptions.builder()
                                        .connectTimeout(max(timeout, CONNECT_TIMEOUT))
                                        .build())
                        .build());
        try {
            bucketConnection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            counterConnection = client.connect(StringCodec.UTF8);
            cacheConnection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            relayConnection = client.connectPubSub(StringCodec.UTF8);
            bucketConnection.setTimeout(timeout);
            counterConnection.setTimeout(timeout);
            cacheConnection.setTimeout(timeout);
            // subscribing runs at startup, never on a request thread (SubscriptionTimeouts)
            relayConnection.setTimeout(max(timeout, CONNECT_TIMEOUT));
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw e;
        }
        ProxyManager<String> buckets =
                new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(
                                new BucketStateCommands<>(bucketConnection.async()))
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                        b.idleBucketMargin))
                        .clientClock(new ClockTimeMeter(b.clock))
                        .requestTimeout(timeout)
                        .build();
        rateLimitStore =
                new RedisRateLimitStore(
                        buckets,
                        b.keyPrefix,
                        b.failurePolicy,
                        new StoreFailures(
                                "rate-limit", b.failurePolicy, b.logInterval, b.meterRegistry));
        usageStore =
                new RedisUsageStore(
                        counterConnection.sync(),
                        b.keyPrefix,
                        b.failurePolicy,
                        new StoreFailures(
                                "usage", b.failurePolicy, b.logInterval, b.meterRegistry));
        responseCacheStore =
                new RedisResponseCacheStore(
                        cacheConnection.sync(),
                        b.clock,
                        b.keyPrefix,
                        new StoreFailures(
                                "response-cache",
                                b.failurePolicy,
                                "a miss (the integration serves)",
                                b.logInterval,
                                b.meterRegistry));
        authorizerResultStore =
                new RedisAuthorizerResultStore(
                        cacheConnection.sync(),
                        b.keyPrefix,
                        new StoreFailures(
                                "authorizer-cache",
                                b.failurePolicy,
                                "a miss (the authorizer is called)",
                                b.logInterval,
                                b.meterRegistry));
        connectionStore =
                new RedisConnectionStore(
                        counterConnection.sync(),
                        b.keyPrefix,
                        b.failurePolicy,
                        new StoreFailures(
                                "connection", b.failurePolicy, b.logInterval, b.meterRegistry));
        relayDeliveries =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "apigw-redis-relay");
                            t.setDaemon(true);
                            return t;
                        });
        connectionRelay =
                new RedisConnectionRelay(
                        counterConnection.sync(),
                        relayConnection,
                        relayDeliveries,
                        b.keyPrefix,
                        timeout,
                        new StoreFailures(
                                "connection-relay",
                                b.failurePolicy,
                                b.logInterval,
                                b.meterRegistry));
    }

    /**
     * Connects to the Redis at {@code uri} (e.g. {@code redis://127.0.0.1:6379}, {@code
     * rediss://...} for TLS, {@code redis://:password@host:port/2}) with the defaults: fail-open,
     * 100 ms command timeout, the system clock, keys under {@code apigw:}.
     */
    public static RedisStores connect(String uri) {
        return builder(uri).build();
    }

    /** Returns a builder of stores on the Redis at {@code uri} (Lettuce's Redis URI syntax). */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /** Returns the token buckets of throttling, shared through Redis. */
    public RedisRateLimitStore rateLimitStore() {
        return rateLimitStore;
    }

    /** Returns the quota counters and daily usage of usage plans, shared through Redis. */
    public RedisUsageStore usageStore() {
        return usageStore;
    }

    /** Returns the entries of the stage caches, shared through Redis. */
    public RedisResponseCacheStore responseCacheStore() {
        return responseCacheStore;
    }

    /** Returns the answers of Lambda authorizers, shared through Redis. */
    public RedisAuthorizerResultStore authorizerResultStore() {
        return authorizerResultStore;
    }

    /**
     * Returns the WebSocket connection records, shared through Redis: give it to every node's
     * {@code WebSocketGateway.Builder#connectionStore}, with {@link #connectionRelay()}.
     */
    public RedisConnectionStore connectionStore() {
        return connectionStore;
    }

    /**
     * Returns the relay of {@code @connections} calls between the nodes (Redis pub/sub): give it to
     * every node's {@code WebSocketGateway.Builder#connectionRelay}.
     */
    public RedisConnectionRelay connectionRelay() {
        return connectionRelay;
    }

    /**
     * Gives the account builder this object's rate limit, usage, response cache and authorizer
     * result stores, and returns it (WebSocket gateways take {@link #connectionStore()} and {@link
     * #connectionRelay()} themselves).
     */
    public Gateway.Builder applyTo(Gateway.Builder gateway) {
        return gateway.rateLimitStore(rateLimitStore)
                .usageStore(usageStore)
                .responseCacheStore(responseCacheStore)
                .authorizerResultStore(authorizerResultStore);
    }

    /** Closes the connections and the client's threads. The stores then fail by their policy. */
    @Override
    public void close() {
        relayConnection.close();
        relayDeliveries.shutdownNow();
        bucketConnection.close();
        counterConnection.close();
        cacheConnection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Configures {@link RedisStores}; every setting has a default. */
    public static final class Builder {
        private final String uri;
        private FailurePolicy failurePolicy = FailurePolicy.OPEN;
        private Duration commandTimeout = Duration.ofMillis(100);
        private Clock clock = Clock.systemUTC();
        private String keyPrefix = "apigw:";
        private Duration idleBucketMargin = Duration.ofMinutes(1);
        private Duration logInterval = Duration.ofSeconds(10);
        private MeterRegistry meterRegistry;

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** What the stores answer when Redis fails them (default {@link FailurePolicy#OPEN}). */
        public Builder failurePolicy(FailurePolicy failurePolicy) {
            this.failurePolicy = Objects.requireNonNull(failurePolicy);
            return this;
        }

        /**
         * How long a request thread waits for Redis before the failure policy answers (default 100
         * ms); a loopback round trip takes well under a millisecond.
         */
        public Builder commandTimeout(Duration commandTimeout) {
            if (commandTimeout.isNegative() || commandTimeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive");
            }
            this.commandTimeout = commandTimeout;
            return this;
        }

        /**
         * The clock that refills the buckets and expires cache entries (default the system clock):
         * give the {@code Gateway}'s clock. Bucket4j reads time on the client, so the fleet's
         * clocks must be synchronised.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * The prefix of every key (default {@code apigw:}): accounts sharing one Redis need
         * different prefixes.
         */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = Objects.requireNonNull(keyPrefix);
            return this;
        }

        /**
         * How long an idle bucket's key stays after the bucket is full again (default 1 minute): a
         * bucket of {@code burstLimit} b and {@code rateLimit} r leaves Redis b/r seconds plus this
         * margin after its last request.
         */
        public Builder idleBucketMargin(Duration idleBucketMargin) {
            this.idleBucketMargin = Objects.requireNonNull(idleBucketMargin);
            return this;
        }

        /** The least interval between two failure warnings of one store (default 10 seconds). */
        public Builder logInterval(Duration logInterval) {
            this.logInterval = Objects.requireNonNull(logInterval);
            return this;
        }

        /**
         * The registry of the counter {@code apigw.redis.failures} (tags {@code store}: {@code
         * rate-limit}, {@code usage}, {@code response-cache}, {@code authorizer-cache}, {@code
         * connection} or {@code connection-relay}, {@code policy}); give the {@code Gateway}'s.
         * Default none.
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry);
            return this;
        }

        /** Connects to Redis and returns the stores; fails when Redis cannot be reached. */
        public RedisStores build() {
            return new RedisStores(this);
        }
    }
}
