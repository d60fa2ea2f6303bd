package dev.apigw.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.redis.consts.LuaScripts;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Redis commands of Bucket4j's Lettuce proxy manager ({@link RedisApi}), with each bucket's
 * last known state remembered in this JVM so that taking a token costs one round trip to Redis
 * instead of two (reference 9.4; issue 16's target).
 *
 * <p>Bucket4j's compare-and-swap reads a bucket ({@code GET}), computes the new state in the JVM,
 * and writes it only if Redis still holds what it read ({@code EVAL} of a script). Here the read is
 * answered from the state this JVM last wrote or saw, and the write is one script ({@code EVALSHA})
 * that swaps when Redis holds that state and otherwise answers the state it holds, which the next
 * attempt of Bucket4j's loop then starts from. So:
 *
 * <ul>
 *   <li>a bucket only this JVM takes from costs one round trip per request;
 *   <li>a bucket other JVMs took from since costs two (the failed swap returns the current state,
 *       the second swap succeeds), as Bucket4j's own {@code GET} and swap do;
 *   <li>the swap is atomic in Redis, so a stale remembered state never admits a token twice: it
 *       only costs the retry;
 *   <li>a refusal computed from the remembered state writes nothing and costs no round trip. The
 *       remembered state is never newer than Redis's, and the tokens taken since by others only
 *       lower the bucket, so Redis would refuse as well; the exception is a bucket Redis lost (a
 *       restart without persistence, a flush), which refuses from the remembered state until it
 *       would admit a token again, at most one token's refill time.
 * </ul>
 *
 * <p>At most {@link #REMEMBERED_BUCKETS} states are remembered (least recently used first out); a
 * forgotten bucket is read with {@code GET} again. A failed command forgets its bucket.
 * Thread-safe: concurrent swaps on one bucket are arbitrated by Redis, whichever state is
 * remembered last. Generic over the key as Bucket4j's {@link RedisApi} is: Bucket4j hands the keys
 * over in an {@code Object[]}.
 *
 * @param <K> the key type of the connection's codec
 */
final class BucketStateCommands<K> implements RedisApi<K> {
    /** How many buckets' states one JVM remembers. */
    static final int REMEMBERED_BUCKETS = 10_000;

    /**
     * Swaps KEYS[1] to ARGV[2] if it holds ARGV[1] (the empty string: if it is absent), with a time
     * to live of ARGV[3] milliseconds when given; answers {1}, or {0, current} (current nil when
     * absent). Bucket4j's states are never empty.
     */
    private static final RedisScript SWAP =
            new RedisScript(
                    "local current = redis.call('get', KEYS[1])\n"
                            + "if (current or '') ~= ARGV[1] then return {0, current} end\n"
                            + "if ARGV[3] then redis.call('psetex', KEYS[1], ARGV[3], ARGV[2])\n"
                            + "else redis.call('set', KEYS[1], ARGV[2]) end\n"
                            + "return {1}",
                    ScriptOutputType.MULTI);

    private static final byte[] ABSENT = new byte[0];

    private final RedisAsyncCommands<K, byte[]> redis;
    private final Cache<K, byte[]> states =
            Caffeine.newBuilder().maximumSize(REMEMBERED_BUCKETS).build();

    BucketStateCommands(RedisAsyncCommands<K, byte[]> redis) {
        this.redis = redis;
    }

    @Override
    public RedisFuture<byte[]> get(K key) {
        byte[] known = states.getIfPresent(key);
        if (known != null) {
            return BucketFuture.completed(known == ABSENT ? null : known);
        }
        RedisFuture<byte[]> read = redis.get(key);
        read.whenComplete(
                (value, failure) -> {
                    if (failure == null) {
                        states.put(key, value == null ? ABSENT : value);
                    }
                });
        return read;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] args) {
        byte[][] swap = swapArguments(script, args);
        if (swap == null) {
            forget(keys);
            return redis.eval(script, type, keys, args);
        }
        K key = keys[0];
        BucketFuture<Boolean> swapped = new BucketFuture<>();
        SWAP.<K, List<Object>, byte[]>runAsync(redis, keys, swap)
                .whenComplete(
                        (answer, failure) -> {
                            try {
                                if (failure != null) {
                                    throw failure;
                                }
                                swapped.complete(settle(key, swap[1], answer));
                            } catch (Throwable e) {
                                states.invalidate(key);
                                swapped.completeExceptionally(unwrap(e));
                            }
                        });
        return (RedisFuture<V>) swapped;
    }

    /**
     * Remembers what the swap script answered for {@code key}: the state written when it swapped
     * ({1}), else the state Redis holds ({0, state}, or {0, nil} when it holds none); returns
     * whether it swapped.
     */
    private boolean settle(K key, byte[] written, List<Object> answer) {
        if (((Long) answer.get(0)) == 1L) {
            states.put(key, written);
            return true;
        }
        Object current = answer.size() > 1 ? answer.get(1) : null;
        states.put(key, current == null ? ABSENT : (byte[]) current);
        return false;
    }

    @Override
    @SuppressWarnings("unchecked") // Lettuce's del(K...) with one key
    public RedisFuture<?> delete(K key) {
        states.invalidate(key);
        return redis.del(key);
    }

    /**
     * Returns the swap script's arguments (expected, new, time to live or none) for one of
     * Bucket4j's write scripts and its arguments, or null for another script.
     */
    private static byte[][] swapArguments(String script, byte[][] args) {
        return switch (script) {
            case LuaScripts.SCRIPT_SET_NX_PX -> new byte[][] {ABSENT, args[0], args[1]};
            case LuaScripts.SCRIPT_SET_NX -> new byte[][] {ABSENT, args[0]};
            case LuaScripts.SCRIPT_COMPARE_AND_SWAP_PX -> new byte[][] {args[0], args[1], args[2]};
            case LuaScripts.SCRIPT_COMPARE_AND_SWAP -> new byte[][] {args[0], args[1]};
            default -> null;
        };
    }

    private void forget(K[] keys) {
        for (K key : keys) {
            states.invalidate(key);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    /** A {@link RedisFuture} this class completes: a remembered state, or a swap's outcome. */
    static final class BucketFuture<T> extends CompletableFuture<T> implements RedisFuture<T> {
        static <T> BucketFuture<T> completed(T value) {
            BucketFuture<T> future = new BucketFuture<>();
            future.complete(value);
            return future;
        }

        @Override
        public String getError() {
            if (!isCompletedExceptionally()) {
                return null;
            }
            try {
                join();
                return null;
            } catch (RuntimeException e) {
                Throwable cause = unwrap(e);
                return cause.getMessage() != null ? cause.getMessage() : cause.toString();
            }
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            try {
                get(timeout, unit);
                return true;
            } catch (ExecutionException e) {
                return true;
            } catch (TimeoutException e) {
                return false;
            }
        }
    }
}
