package dev.apigw.runtime;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.integration.LambdaExecutor;
import dev.apigw.runtime.spi.AccessLogSink;
import dev.apigw.runtime.spi.AuthorizerResultStore;
import dev.apigw.runtime.spi.RateLimitStore;
import dev.apigw.runtime.spi.ResponseCacheStore;
import dev.apigw.runtime.spi.UsageStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKey;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS account and region the APIs live in, with what they share: the clock, the random source,
 * the threads Lambda functions run on, the metrics registry, the access-log sink and the loggers of
 * execution logs. A host builds one and hands it to every {@link Api} it serves; {@link
 * Api#toBuilder()}, deploy and rollback keep the same instance, so what the account holds survives
 * a redeploy, as on AWS (reference 9.4: the account's throttling spans every API). It holds the
 * token buckets of throttling (a {@link RateLimitStore}) and the account's throttle, the quota
 * counters and daily usage of usage plans (a {@link UsageStore}, reference 8.2), and the entries of
 * the stage caches (a {@link ResponseCacheStore}) with the keys that encrypt them, and, when set,
 * the store of Lambda authorizer answers shared by a fleet ({@link AuthorizerResultStore}); the
 * stores of the other features that need shared state (connections) join here as those features
 * land. Thread-safe.
 *
 * <pre>{@code
 * Gateway account = Gateway.builder().clock(clock).region("eu-west-1").build();
 * Api orders = Api.builder().gateway(account).restApi(ordersApi).deploy("prod").build();
 * Api users = Api.builder().gateway(account).restApi(usersApi).deploy("prod").build();
 * }</pre>
 */
public final class Gateway {
    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("dev.apigw.access");

    private final Clock clock;
    private final RandomGenerator random;
    private final String region;
    private final String accountId;
    private final MeterRegistry meterRegistry;
    private final AccessLogSink accessLog;
    private final ILoggerFactory executionLogs;
    private final Executor eventInvocations;
    private final Executor requestResponse;
    private final RateLimitStore rateLimitStore;
    private final ThrottleSettings accountThrottle;
    private final ThrottleSettings newConnectionThrottle;
    private final UsageStore usageStore;
    private final ResponseCacheStore responseCacheStore;
    private final CacheDataKeys cacheDataKeys;
    private final AuthorizerResultStore authorizerResultStore;

    private Gateway(Builder b) {
        this.clock = b.clock;
        this.random = b.random;
        this.region = b.region;
        this.accountId = b.accountId;
        this.meterRegistry = b.meterRegistry;
        this.accessLog = b.accessLog != null ? b.accessLog : Gateway::logAccess;
        this.executionLogs =
                b.executionLogs != null ? b.executionLogs : LoggerFactory.getILoggerFactory();
        this.eventInvocations =
                b.eventInvocations != null ? b.eventInvocations : defaultEventInvocations();
        this.requestResponse =
                b.requestResponse != null
                        ? b.requestResponse
                        : LambdaExecutor.create(
                                1_000, Duration.ofNanos(50_000), Duration.ofSeconds(60));
        this.rateLimitStore =
                b.rateLimitStore != null ? b.rateLimitStore : RateLimitStore.inMemory(clock);
        this.accountThrottle = b.accountThrottle;
        this.newConnectionThrottle = b.newConnectionThrottle;
        this.usageStore = b.usageStore != null ? b.usageStore : UsageStore.inMemory();
        this.responseCacheStore =
                b.responseCacheStore != null
                        ? b.responseCacheStore
                        : ResponseCacheStore.inMemory(clock);
        this.cacheDataKeys = b.cacheDataKeys != null ? b.cacheDataKeys : CacheDataKeys.random();
        this.authorizerResultStore = b.authorizerResultStore;
    }

    /** Returns an account with every default: see the setters of {@link Builder}. */
    public static Gateway create() {
        return builder().build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this account's parts: the account it builds shares this one's
     * threads, registry and sink, and has whatever the builder changes.
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clock = clock;
        b.random = random;
        b.region = region;
        b.accountId = accountId;
        b.meterRegistry = meterRegistry;
        b.accessLog = accessLog;
        b.executionLogs = executionLogs;
        b.eventInvocations = eventInvocations;
        b.requestResponse = requestResponse;
        b.rateLimitStore = rateLimitStore;
        b.accountThrottle = accountThrottle;
        b.newConnectionThrottle = newConnectionThrottle;
        b.usageStore = usageStore;
        b.responseCacheStore = responseCacheStore;
        b.cacheDataKeys = cacheDataKeys;
        b.authorizerResultStore = authorizerResultStore;
        return b;
    }

    /** Returns the clock of request times, latencies and deployments. */
    public Clock clock() {
        return clock;
    }

    /** Returns the thread-safe random source of ids. */
    public RandomGenerator random() {
        return random;
    }

    /** Returns the region, e.g. {@code us-east-1}. */
    public String region() {
        return region;
    }

    /** Returns the account id of the APIs' owner. */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the registry the account's CloudWatch-like metrics go to (reference 10.1), if the
     * host passed one; without one no API of the account records metrics, and no step of theirs
     * spends anything on them.
     */
    public Optional<MeterRegistry> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** Returns where access-log lines go (reference 10.3). */
    public AccessLogSink accessLog() {
        return accessLog;
    }

    /**
     * Returns the SLF4J logger factory execution logs go through (reference 10.2): one logger per
     * API and stage, named after the stage's CloudWatch log group, {@code
     * API-Gateway-Execution-Logs_{restApiId}/{stageName}} ({@code .../Canary} for the canary's
     * requests, reference 9.2).
     */
    public ILoggerFactory executionLogs() {
        return executionLogs;
    }

    /** Returns the executor of Lambda functions invoked asynchronously. */
    public Executor eventInvocations() {
        return eventInvocations;
    }

    /** Returns the executor of synchronous Lambda calls. */
    public Executor requestResponse() {
        return requestResponse;
    }

    /**
     * Returns the store of the token buckets of throttling (reference 9.4), shared by every API of
     * the account and kept by a redeploy.
     */
    public RateLimitStore rateLimitStore() {
        return rateLimitStore;
    }

    /**
     * Returns the account's throttle, which every request of every API of the account shares
     * (reference 9.4; default: 10,000 requests per second, burst 5,000).
     */
    public ThrottleSettings accountThrottle() {
        return accountThrottle;
    }

    /**
     * Returns the account's limit of new WebSocket connections, which every upgrade to every
     * WebSocket API of the account shares (reference 7.3, 9.5; default: 500 a second, bursts of
     * 500).
     */
    public ThrottleSettings newConnectionThrottle() {
        return newConnectionThrottle;
    }

    /**
     * Returns the store of the quota counters and daily usage of usage plans (reference 8.2),
     * shared by every API of the account and kept by a redeploy.
     */
    public UsageStore usageStore() {
        return usageStore;
    }

    /**
     * Returns the store of the stage caches' entries (reference 9.3), shared by every API of the
     * account and kept by a redeploy.
     */
    public ResponseCacheStore responseCacheStore() {
        return responseCacheStore;
    }

    /**
     * Returns where the Lambda authorizers' answers live when not in each API's memory (reference
     * 8.3, 9.3): empty by default, so each API keeps its own.
     */
    public Optional<AuthorizerResultStore> authorizerResultStore() {
        return Optional.ofNullable(authorizerResultStore);
    }

    /**
     * Returns the AES-256 key that encrypts the entries of a stage cache with {@code
     * cacheDataEncrypted} (reference 9.3) for the cluster {@code clusterId} ({@code
     * {apiId}/{stageName}}), made the first time the cluster asks for it and kept by {@link
     * #toBuilder()}, so that a redeployed API reads the entries it wrote. With {@link
     * Builder#cacheDataKey(byte[])} it is derived from the fleet's secret (HKDF-SHA256, the cluster
     * id as info), the same in every JVM holding that secret; without it, it is random and stays in
     * this JVM, so a store shared by several JVMs holds entries each of them encrypts with its own
     * key.
     */
    public SecretKey cacheDataKey(String clusterId) {
        return cacheDataKeys.of(clusterId);
    }

    private static void logAccess(String destinationArn, String line) {
        ACCESS_LOG.info("{} {}", destinationArn, line);
    }

    private static Executor defaultEventInvocations() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        4,
                        4,
                        60,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        task -> {
                            Thread t =
                                    new Thread(
                                            task, "apigw-lambda-event-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Builds a {@link Gateway}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private MeterRegistry meterRegistry;
        private AccessLogSink accessLog;
        private ILoggerFactory executionLogs;
        private Executor eventInvocations;
        private Executor requestResponse;
        private RateLimitStore rateLimitStore;
        private ThrottleSettings accountThrottle = new ThrottleSettings(5_000, 10_000.0);
        private ThrottleSettings newConnectionThrottle = new ThrottleSettings(500, 500.0);
        private UsageStore usageStore;
        private ResponseCacheStore responseCacheStore;
        private CacheDataKeys cacheDataKeys;
        private AuthorizerResultStore authorizerResultStore;

        private Builder() {}

        /** Sets the clock (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Sets a thread-safe random source for ids (default: thread-local random). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** Sets the region (default {@code us-east-1}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Sets the owner's account id (default {@code 123456789012}). */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /**
         * Sets the registry the metrics of every API of the account go to: {@code Count}, {@code
         * Latency}, {@code IntegrationLatency}, {@code 4XXError}, {@code 5XXError}, {@code
         * CacheHitCount} and {@code CacheMissCount}, tagged {@code ApiName}, {@code Stage}, {@code
         * Method} and {@code Resource} (reference 10.1; {@link ApiGatewayMetrics}; the README's
         * "Metrics" section). Any registry works: a {@code SimpleMeterRegistry} in tests, a
         * composite, a {@code PrometheusMeterRegistry} configured with {@link
         * ApiGatewayMetrics#namespace()} (Prometheus names cannot start with a digit). The host
         * owns it. Default: none, and then no metrics are recorded and requests pay nothing for
         * them.
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry);
            return this;
        }

        /**
         * Sets where access-log lines go (default: the SLF4J logger {@code dev.apigw.access} at
         * INFO, the destination ARN first).
         */
        public Builder accessLog(AccessLogSink accessLog) {
            this.accessLog = Objects.requireNonNull(accessLog);
            return this;
        }

        /**
         * Sets the SLF4J logger factory execution logs go through (default: SLF4J's, {@link
         * LoggerFactory#getILoggerFactory()}). Each API and stage logs to the logger named after
         * its CloudWatch log group, {@code API-Gateway-Execution-Logs_{restApiId}/{stageName}}, the
         * canary's requests to {@code .../Canary} (reference 10.2, 9.2): error lines at ERROR, the
         * others at INFO.
         */
        public Builder executionLogs(ILoggerFactory loggerFactory) {
            this.executionLogs = Objects.requireNonNull(loggerFactory);
            return this;
        }

        /**
         * Sets the executor that runs Lambda functions invoked asynchronously: an AWS (non-proxy)
         * Lambda integration that maps {@code X-Amz-Invocation-Type} to {@code 'Event'} answers at
         * once and leaves the call to this executor (reference 2, intro; "Set up asynchronous
         * invocation of the backend Lambda function"). The host owns it and shuts it down when it
         * wants; a {@code Gateway} never does, since it has no life cycle. Tasks the executor
         * rejects make the request fail as a failed Invoke call.
         *
         * <p>Default: a pool of at most four daemon threads named {@code apigw-lambda-event-N},
         * created with the {@code Gateway}, whose idle threads end after 60 seconds, so an unused
         * or forgotten {@code Gateway} holds no thread and never keeps the JVM alive. Its queue is
         * unbounded.
         */
        public Builder eventInvocationExecutor(Executor executor) {
            this.eventInvocations = Objects.requireNonNull(executor);
            return this;
        }

        /**
         * Sets the executor that runs synchronous Lambda calls (invocation type {@code
         * RequestResponse}, AWS_PROXY and AWS integrations), so that the gateway can stop waiting
         * at the integration timeout (reference 4.2, 9.5) while the function's thread is
         * interrupted and left to end. It must run each task on a thread of its own at once: a task
         * that waits in a queue spends the integration's time there. A task it rejects fails the
         * request as a failed Invoke call (502). An executor that runs tasks in the calling thread
         * ({@code Runnable::run}) gives up the timeout.
         *
         * <p>Default: a {@link LambdaExecutor} created with the {@code Gateway}, of at most 1,000
         * daemon threads (the default concurrency of a Lambda account) named {@code
         * apigw-lambda-N}, started on demand, one of them spinning 50 microseconds for the next
         * call after one, and ended after 60 idle seconds, so an unused {@code Gateway} holds no
         * thread.
         */
        public Builder requestResponseExecutor(Executor executor) {
            this.requestResponse = Objects.requireNonNull(executor);
            return this;
        }

        /**
         * Sets where the token buckets of throttling live (default: {@link
         * RateLimitStore#inMemory(java.time.Clock)} over this builder's clock, created with the
         * {@code Gateway}). {@link Gateway#toBuilder()} keeps the store, and with it the buckets.
         */
        public Builder rateLimitStore(RateLimitStore rateLimitStore) {
            this.rateLimitStore = Objects.requireNonNull(rateLimitStore);
            return this;
        }

        /**
         * Sets the account's throttle, the limit every request of every API of the account shares
         * (reference 9.4; default: rate 10,000 requests per second, burst 5,000, AWS's default in
         * most regions).
         */
        public Builder accountThrottle(ThrottleSettings accountThrottle) {
            this.accountThrottle = Objects.requireNonNull(accountThrottle);
            return this;
        }

        /**
         * Sets the account's limit of new WebSocket connections, a token bucket every upgrade to
         * every WebSocket API of the account shares (reference 7.3, 9.5; default: rate 500 a
         * second, burst 500; AWS raises the rate on request and documents no burst).
         */
        public Builder newConnectionThrottle(ThrottleSettings newConnectionThrottle) {
            this.newConnectionThrottle = Objects.requireNonNull(newConnectionThrottle);
            return this;
        }

        /**
         * Sets where the quota counters and daily usage of usage plans live (default: {@link
         * UsageStore#inMemory()}, created with the {@code Gateway}). {@link Gateway#toBuilder()}
         * keeps the store, and with it the counters.
         */
        public Builder usageStore(UsageStore usageStore) {
            this.usageStore = Objects.requireNonNull(usageStore);
            return this;
        }

        /**
         * Sets where the entries of the stage caches live (default: {@link
         * ResponseCacheStore#inMemory(java.time.Clock)} over this builder's clock, created with the
         * {@code Gateway}). {@link Gateway#toBuilder()} keeps the store, and with it the entries.
         */
        public Builder responseCacheStore(ResponseCacheStore responseCacheStore) {
            this.responseCacheStore = Objects.requireNonNull(responseCacheStore);
            return this;
        }

        /**
         * Sets where the Lambda authorizers' answers live (default: none, each API keeps them in
         * its own memory as parsed objects): a store shared by a fleet lets an answer one JVM got
         * serve the callers of every JVM until its TTL. APIs built after this see it.
         */
        public Builder authorizerResultStore(AuthorizerResultStore authorizerResultStore) {
            this.authorizerResultStore = Objects.requireNonNull(authorizerResultStore);
            return this;
        }

        /**
         * Sets the secret a fleet shares for the stage caches with {@code cacheDataEncrypted}
         * (reference 9.3): 32 bytes, from which each cache cluster's AES-256 key is derived with
         * HKDF-SHA256 (RFC 5869: the secret as input keying material, no salt, the cluster id
         * {@code {apiId}/{stageName}} in UTF-8 as info), so that an entry one JVM encrypts into a
         * shared {@link ResponseCacheStore} (on Redis) is read by every JVM given the same secret,
         * and two clusters never share a key. The bytes are copied and never logged. Default: none,
         * and then each cluster's key is random and stays in this JVM. Fails with an {@link
         * IllegalArgumentException} unless the secret is 32 bytes long.
         */
        public Builder cacheDataKey(byte[] secret) {
            this.cacheDataKeys = CacheDataKeys.derivedFrom(Objects.requireNonNull(secret));
            return this;
        }

        /**
         * As {@link #cacheDataKey(byte[])}, with the secret's bytes from {@link
         * SecretKey#getEncoded()}: fails with an {@link IllegalArgumentException} when the key
         * cannot be exported (a key that stays in a hardware module) or is not 32 bytes long.
         */
        public Builder cacheDataKey(SecretKey secret) {
            byte[] encoded = Objects.requireNonNull(secret).getEncoded();
            if (encoded == null) {
                throw new IllegalArgumentException(
                        "cacheDataKey: the key's bytes cannot be read (getEncoded() is null);"
                                + " give a 32-byte key that can be exported");
            }
            try {
                return cacheDataKey(encoded);
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        }

        /** Builds the account. */
        public Gateway build() {
            return new Gateway(this);
        }
    }
}
