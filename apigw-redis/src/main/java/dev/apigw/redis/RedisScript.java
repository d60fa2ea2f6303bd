package dev.apigw.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run atomically by Redis: by its SHA-1 ({@code EVALSHA}), and by its text once when
 * Redis does not hold it (first use, or a restarted Redis).
 */
final class RedisScript {
    private final String text;
    private final ScriptOutputType output;
    private final String sha;

    RedisScript(String text, ScriptOutputType output) {
        this.text = text;
        this.output = output;
        this.sha = sha1(text);
    }

    /**
     * Runs the script with {@code keys} and {@code args} (strings or bytes, as the connection's
     * codec has its values); Lettuce's exceptions pass through.
     */
    <T, V> T run(RedisCommands<String, V> redis, String[] keys, V[] args) {
        try {
            return redis.evalsha(sha, output, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(text, output, keys, args);
        }
    }

    /**
     * Runs the script as {@link #run} does, without waiting: the answer, or Lettuce's exception,
     * completes the stage.
     */
    <K, T, V> CompletionStage<T> runAsync(RedisAsyncCommands<K, V> redis, K[] keys, V[] args) {
        CompletionStage<T> bySha = redis.evalsha(sha, output, keys, args);
        return bySha.handle(
                        (answer, failure) -> {
                            if (failure == null) {
                                return CompletableFuture.completedFuture(answer);
                            }
                            Throwable cause =
                                    failure instanceof CompletionException
                                                    && failure.getCause() != null
                                            ? failure.getCause()
                                            : failure;
                            if (cause instanceof RedisNoScriptException) {
                                return redis.<T>eval(text, output, keys, args);
                            }
                            return CompletableFuture.<T>failedFuture(cause);
                        })
                .thenCompose(answer -> answer);
    }

    /** Returns the SHA-1 of the script's text, in lowercase hex: its name in Redis's cache. */
    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-1")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
