/**
 * The account's stores on Redis, for a fleet of JVMs that must share the limits AWS keeps per API
 * (reference 8.2, 9.4): {@link dev.apigw.redis.RedisStores} connects and gives a {@link
 * dev.apigw.redis.RedisRateLimitStore} (token buckets on Bucket4j's Lettuce proxy manager), a
 * {@link dev.apigw.redis.RedisUsageStore} (quota counters and daily usage, one Lua script per
 * call), a {@link dev.apigw.redis.RedisResponseCacheStore} (the stage caches' entries, each cluster
 * within its byte budget by least-recent-use accounting, reference 9.3) and a {@link
 * dev.apigw.redis.RedisAuthorizerResultStore} (Lambda authorizer answers, reference 8.3), plugged
 * into {@code Gateway.builder()} as the in-memory ones are.
 *
 * <h2>Scaling out on one Redis</h2>
 *
 * <p>Every JVM builds its {@code Gateway} with {@code RedisStores.builder("redis://HOST:PORT")
 * .build().applyTo(Gateway.builder())}, so that a quota of 1,000 a day admits 1,000 across the
 * fleet, not 1,000 per JVM, and a stage's {@code rateLimit} is the fleet's. Throttles stay best
 * effort, as on AWS (reference 9.4): the buckets refill by each JVM's clock, so clocks must be
 * synchronised.
 *
 * <h2>When Redis fails</h2>
 *
 * <p>A command that fails (Redis down: at once; Redis slow: after the command timeout, 100 ms by
 * default) is answered by the {@link dev.apigw.redis.FailurePolicy}: {@code OPEN} admits the
 * request, {@code CLOSED} refuses it with the step's own 429 (THROTTLED or QUOTA_EXCEEDED). Each
 * failure is counted ({@code failureCount()}), metered ({@code apigw.redis.failures}) and logged at
 * most once per interval; a request thread never waits past the timeout; the client reconnects by
 * itself when Redis returns. The response cache and the authorizer cache answer a failure with a
 * miss whatever the policy (the integration serves the request, the authorizer is called).
 *
 * <h2>WebSocket connections</h2>
 *
 * <p>The {@code WebSocketGateway}s of one API and stage on several nodes take {@link
 * dev.apigw.redis.RedisStores#connectionStore()} (the connections' records, {@link
 * dev.apigw.redis.RedisConnectionStore}) and {@link dev.apigw.redis.RedisStores#connectionRelay()}
 * (the {@code @connections} calls for another node's connection, relayed by pub/sub, {@link
 * dev.apigw.redis.RedisConnectionRelay}; 410 when no node holds the connection within the command
 * timeout) (reference 7.4).
 */
package dev.apigw.redis;
