package dev.apigw.redis;

import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import dev.apigw.runtime.websocket.WebSocketGateway;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ConnectionStore} whose records live in Redis, so that every node of a fleet serving one
 * WebSocket API sees every connection (reference 7.4, issue 16). One hash per connection, {@code
 * ws-connection:ID} under the stores' prefix: field {@code record} holds the record as JSON, field
 * {@code lastActiveAt} the time {@code touch} last set. The key expires {@link #EXPIRY} after the
 * connection was put, a bit past the 2-hour maximum duration (reference 9.5), so that the record of
 * a node that died leaves Redis. Put, touch and remove are each one Lua script; remove returns the
 * record to one caller only.
 *
 * <p>When Redis fails: with {@link FailurePolicy#OPEN} the store answers from the records this JVM
 * put, so its own connections stay served (upgrades, messages, {@code $disconnect}, calls of the
 * {@code @connections} API on them), and throws Lettuce's exception for any other id (a call on
 * another node's connection fails with 500, not 410: that connection may well be open); with {@link
 * FailurePolicy#CLOSED} {@code put}, {@code get} and {@code remove} throw (the upgrade or the call
 * fails with 500). A connection of this JVM whose record Redis lacks (accepted while Redis failed,
 * or Redis restarted empty) is written again by the next {@code get} of it (its next message or
 * call), so other nodes see it again once it is active. {@code touch} never throws. Every failure
 * is counted ({@link #failureCount()}). Thread-safe.
 */
public final class RedisConnectionStore implements ConnectionStore {
    /** How long a record stays in Redis after its connection was put. */
    static final Duration EXPIRY =
            WebSocketGateway.MAX_CONNECTION_DURATION.plus(Duration.ofMinutes(10));

    /** KEYS: the record's key. ARGV: JSON, lastActiveAt, expiry in ms. */
    private static final RedisScript PUT =
            new RedisScript(
                    """
                    redis.call('DEL', KEYS[1])
                    redis.call('HSET', KEYS[1], 'record', ARGV[1], 'lastActiveAt', ARGV[2])
                    redis.call('PEXPIRE', KEYS[1], ARGV[3])
                    return 1
                    """,
                    ScriptOutputType.INTEGER);

    /** KEYS: the record's key. ARGV: lastActiveAt. Keeps the key's expiry. */
    private static final RedisScript TOUCH =
            new RedisScript(
                    """
                    if redis.call('EXISTS', KEYS[1]) == 1 then
                      redis.call('HSET', KEYS[1], 'lastActiveAt', ARGV[1])
                      return 1
                    end
                    return 0
                    """,
                    ScriptOutputType.INTEGER);

    /** KEYS: the record's key. Returns record and lastActiveAt, and deletes them. */
    private static final RedisScript REMOVE =
            new RedisScript(
                    """
                    local v = redis.call('HMGET', KEYS[1], 'record', 'lastActiveAt')
                    if v[1] then
                      redis.call('DEL', KEYS[1])
                    end
                    return v
                    """,
                    ScriptOutputType.MULTI);

    private final RedisCommands<String, String> redis;
    private final String keyPrefix;
    private final FailurePolicy policy;
    private final StoreFailures failures;
    private final ConnectionRecordJson json = new ConnectionRecordJson();
    private final ConcurrentMap<String, ConnectionRecord> own = new ConcurrentHashMap<>();

    RedisConnectionStore(
            RedisCommands<String, String> redis,
            String keyPrefix,
            FailurePolicy policy,
            StoreFailures failures) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.policy = policy;
        this.failures = failures;
    }

    /** Returns the Redis key of a connection's record. */
    String key(String connectionId) {
        return keyPrefix + "ws-connection:" + connectionId;
    }

    @Override
    public void put(ConnectionRecord record) {
        own.put(record.connectionId(), record);
        try {
            PUT.run(
                    redis,
                    new String[] {key(record.connectionId())},
                    new String[] {
                        json.write(record),
                        record.lastActiveAt().toString(),
                        Long.toString(EXPIRY.toMillis())
                    });
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            if (policy == FailurePolicy.CLOSED) {
                own.remove(record.connectionId());
                throw e;
            }
        }
    }

    @Override
    public Optional<ConnectionRecord> get(String connectionId) {
        Objects.requireNonNull(connectionId);
        try {
            List<io.lettuce.core.KeyValue<String, String>> values =
                    redis.hmget(key(connectionId), "record", "lastActiveAt");
            failures.succeeded();
            if (values.get(0).hasValue()) {
                return Optional.of(
                        json.read(values.get(0).getValue(), values.get(1).getValueOrElse(null)));
            }
            ConnectionRecord mine = own.get(connectionId);
            if (mine != null) {
                // accepted while Redis failed (fail-open), or Redis restarted empty: write it again
                put(mine);
            }
            return Optional.ofNullable(mine);
        } catch (RuntimeException e) {
            failures.record(e);
            ConnectionRecord mine = own.get(connectionId);
            if (policy == FailurePolicy.CLOSED || mine == null) {
                throw e;
            }
            return Optional.of(mine);
        }
    }

    @Override
    public void touch(String connectionId, Instant lastActiveAt) {
        Objects.requireNonNull(lastActiveAt);
        own.computeIfPresent(connectionId, (id, r) -> r.withLastActiveAt(lastActiveAt));
        try {
            TOUCH.run(
                    redis,
                    new String[] {key(connectionId)},
                    new String[] {lastActiveAt.toString()});
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
        }
    }

    @Override
    public Optional<ConnectionRecord> remove(String connectionId) {
        Objects.requireNonNull(connectionId);
        try {
            List<String> values =
                    REMOVE.run(redis, new String[] {key(connectionId)}, new String[0]);
            failures.succeeded();
            own.remove(connectionId);
            return values.isEmpty() || values.get(0) == null
                    ? Optional.empty()
                    : Optional.of(json.read(values.get(0), values.get(1)));
        } catch (RuntimeException e) {
            failures.record(e);
            ConnectionRecord mine = policy == FailurePolicy.OPEN ? own.remove(connectionId) : null;
            if (mine == null) {
                throw e;
            }
            return Optional.of(mine);
        }
    }

    /** Returns the number of Redis commands of this store that failed. */
    public long failureCount() {
        return failures.count();
    }
}
