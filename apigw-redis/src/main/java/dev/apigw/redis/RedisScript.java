package dev.apigw.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A Lua script run atomically by Redis: by its SHA-1 ({@code EVALSHA}), and by its text once when
 * Redis does not hold it (first use, or a restarted Redis).
 */
final class RedisScript {
    private final String text;
    private final ScriptOutputType output;
    private volatile String sha;

    RedisScript(String text, ScriptOutputType output) {
        this.text = text;
        this.output = output;
    }

    /**
     * Runs the script with {@code keys} and {@code args} (strings or bytes, as the connection's
     * codec has its values); Lettuce's exceptions pass through.
     */
    <T, V> T run(RedisCommands<String, V> redis, String[] keys, V[] args) {
        String known = sha;
        if (known == null) {
            known = redis.digest(text);
            sha = known;
        }
        try {
            return redis.evalsha(known, output, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(text, output, keys, args);
        }
    }
}
