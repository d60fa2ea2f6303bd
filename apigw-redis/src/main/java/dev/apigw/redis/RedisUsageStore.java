package dev.apigw.redis;

import dev.apigw.runtime.spi.UsageStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link UsageStore} whose quota counters and daily usage live in Redis, so that every JVM
 * pointed at one Redis counts against the same quotas and GetUsage reads the same usage (reference
 * 8.2). Each operation is one Lua script, atomic in Redis: a period of limit {@code N} admits
 * exactly {@code N} requests across the fleet.
 *
 * <p>Keys, under the stores' prefix (hash tags keep a counter's keys in one cluster slot): {@code
 * quota:{COUNTER}:PERIODSTART} counts the requests of one period and expires 32 days after its last
 * write (a period is at most 31 days: the key outlives its period, and a request of the previous
 * period arriving late from a JVM with a lagging clock still counts against that period); {@code
 * usage:{COUNTER}} (a hash) and {@code usage-days:{COUNTER}} (a sorted set of its days) hold each
 * day's used count, period count and limit, keep the 366 days up to the newest, and expire 367 days
 * after their last write; {@code plan-started:PLAN} holds a plan's first-served instant, set once
 * ({@code SET NX}, one script) and kept.
 *
 * <p>When Redis fails, {@code tryConsume} admits ({@link FailurePolicy#OPEN}) or refuses ({@link
 * FailurePolicy#CLOSED}, 429 QUOTA_EXCEEDED), {@code planStarted} answers the given instant, and
 * {@code setRemaining} and {@code usage} throw Lettuce's exception (they serve management calls,
 * which then fail); every failure is counted ({@link #failureCount()}). Thread-safe.
 */
public final class RedisUsageStore implements UsageStore {
    static final Duration PERIOD_TTL = Duration.ofDays(32);
    static final int RETAINED_DAYS = 366;
    static final Duration USAGE_TTL = Duration.ofDays(RETAINED_DAYS + 1L);

    /** Records a day's count (ARGV[2] epoch day, ARGV[3] counted, ARGV[4] limit) and prunes. */
    private static final String RECORD_DAY =
            """
            local function record_day(used)
              local day = ARGV[2]
              redis.call('HINCRBY', KEYS[2], day .. ':u', used)
              redis.call('HSET', KEYS[2], day .. ':c', ARGV[3], day .. ':l', ARGV[4])
              redis.call('ZADD', KEYS[3], tonumber(day), day)
              local newest = tonumber(redis.call('ZRANGE', KEYS[3], -1, -1)[1])
              local before = '(' .. (newest - tonumber(ARGV[5]) + 1)
              local old = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', before)
              for _, d in ipairs(old) do
                redis.call('HDEL', KEYS[2], d .. ':u', d .. ':c', d .. ':l')
              end
              if #old > 0 then
                redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', before)
              end
              redis.call('EXPIRE', KEYS[2], ARGV[7])
              redis.call('EXPIRE', KEYS[3], ARGV[7])
            end
            """;

    /**
     * KEYS: period counter, usage hash, usage days. ARGV: limit, epoch day, (unused), limit,
     * retained days, period TTL, usage TTL. Returns 1 when counted, 0 when the quota is used up.
     */
    private static final RedisScript TRY_CONSUME =
            new RedisScript(
                    RECORD_DAY
                            + """
                            local counted = tonumber(redis.call('GET', KEYS[1]) or '0')
                            if counted >= tonumber(ARGV[1]) then
                              return 0
                            end
                            counted = redis.call('INCR', KEYS[1])
                            redis.call('EXPIRE', KEYS[1], ARGV[6])
                            ARGV[3] = tostring(counted)
                            record_day(1)
                            return 1
                            """,
                    ScriptOutputType.INTEGER);

    /**
     * KEYS: as {@link #TRY_CONSUME}. ARGV: limit, epoch day, the period's new count, limit,
     * retained days, period TTL, usage TTL.
     */
    private static final RedisScript SET_COUNTED =
            new RedisScript(
                    RECORD_DAY
                            + """
                            redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[6])
                            record_day(0)
                            return 1
                            """,
                    ScriptOutputType.INTEGER);

    /**
     * KEYS: usage hash, usage days. ARGV: first and last epoch day. Returns day, used, counted and
     * limit of each day with usage, flat, oldest first.
     */
    private static final RedisScript USAGE =
            new RedisScript(
                    """
                    local out = {}
                    for _, d in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[2])) do
                      local v = redis.call('HMGET', KEYS[1], d .. ':u', d .. ':c', d .. ':l')
                      out[#out + 1] = d
                      out[#out + 1] = v[1]
                      out[#out + 1] = v[2]
                      out[#out + 1] = v[3]
                    end
                    return out
                    """,
                    ScriptOutputType.MULTI);

    /** KEYS: the plan's key. ARGV: now. Sets it unless set, returns it. */
    private static final RedisScript PLAN_STARTED =
            new RedisScript(
                    """
                    redis.call('SET', KEYS[1], ARGV[1], 'NX')
                    return redis.call('GET', KEYS[1])
                    """,
                    ScriptOutputType.VALUE);

    private final RedisCommands<String, String> redis;
    private final String keyPrefix;
    private final FailurePolicy policy;
    private final StoreFailures failures;

    RedisUsageStore(
            RedisCommands<String, String> redis,
            String keyPrefix,
            FailurePolicy policy,
            StoreFailures failures) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.policy = policy;
        this.failures = failures;
    }

    @Override
    public boolean tryConsume(String counter, LocalDate periodStart, LocalDate day, long limit) {
        try {
            Long counted =
                    TRY_CONSUME.run(redis, keys(counter, periodStart), dayArgs(day, "0", limit));
            failures.succeeded();
            return counted == 1L;
        } catch (RuntimeException e) {
            failures.record(e);
            return policy == FailurePolicy.OPEN;
        }
    }

    @Override
    public void setRemaining(
            String counter, LocalDate periodStart, LocalDate day, long limit, long remaining) {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must be at least 0, found " + remaining);
        }
        String counted = Long.toString(limit - remaining);
        try {
            SET_COUNTED.run(redis, keys(counter, periodStart), dayArgs(day, counted, limit));
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            throw e;
        }
    }

    @Override
    public Map<LocalDate, DayUsage> usage(String counter, LocalDate startDate, LocalDate endDate) {
        if (startDate.isAfter(endDate)) {
            return Map.of();
        }
        List<String> flat;
        try {
            flat =
                    USAGE.run(
                            redis,
                            new String[] {usageKey(counter), daysKey(counter)},
                            new String[] {
                                Long.toString(startDate.toEpochDay()),
                                Long.toString(endDate.toEpochDay())
                            });
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.record(e);
            throw e;
        }
        Map<LocalDate, DayUsage> usage = new LinkedHashMap<>();
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            long limit = Long.parseLong(flat.get(i + 3));
            long counted = Long.parseLong(flat.get(i + 2));
            usage.put(
                    LocalDate.ofEpochDay(Long.parseLong(flat.get(i))),
                    new DayUsage(Long.parseLong(flat.get(i + 1)), limit - counted));
        }
        return Collections.unmodifiableMap(usage);
    }

    @Override
    public Instant planStarted(String usagePlanId, Instant now) {
        Objects.requireNonNull(now);
        String key = keyPrefix + "plan-started:" + usagePlanId;
        try {
            String first =
                    PLAN_STARTED.run(redis, new String[] {key}, new String[] {now.toString()});
            failures.succeeded();
            return first == null ? now : Instant.parse(first);
        } catch (RuntimeException e) {
            failures.record(e);
            return now;
        }
    }

    /** Returns the number of Redis commands that failed since the store was created. */
    public long failureCount() {
        return failures.count();
    }

    /** Returns the Redis key counting the requests of the counter's period. */
    String periodKey(String counter, LocalDate periodStart) {
        return keyPrefix + "quota:{" + counter + "}:" + periodStart;
    }

    /** Returns the Redis key of the counter's daily usage (a hash). */
    String usageKey(String counter) {
        return keyPrefix + "usage:{" + counter + "}";
    }

    /** Returns the Redis key of the days of the counter's usage (a sorted set). */
    String daysKey(String counter) {
        return keyPrefix + "usage-days:{" + counter + "}";
    }

    private String[] keys(String counter, LocalDate periodStart) {
        return new String[] {periodKey(counter, periodStart), usageKey(counter), daysKey(counter)};
    }

    private static String[] dayArgs(LocalDate day, String counted, long limit) {
        String limitText = Long.toString(limit);
        return new String[] {
            limitText,
            Long.toString(day.toEpochDay()),
            counted,
            limitText,
            Integer.toString(RETAINED_DAYS),
            Long.toString(PERIOD_TTL.toSeconds()),
            Long.toString(USAGE_TTL.toSeconds())
        };
    }
}
