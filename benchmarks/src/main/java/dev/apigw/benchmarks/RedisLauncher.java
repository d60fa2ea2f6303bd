package dev.apigw.benchmarks;

import dev.apigw.redis.RedisProcess;

/**
 * The loopback {@code redis-server} of the Redis benchmarks (issue 16, reference 9.4):
 * apigw-redis's {@link RedisProcess} on a free port, or a failure that says why there is none.
 */
final class RedisLauncher {
    /** The message of the failure when no {@code redis-server} binary is found. */
    static final String NO_REDIS =
            "Redis benchmark skipped: no redis-server on the PATH or at /usr/bin/redis-server"
                    + " (install the Debian package redis-server)";

    private RedisLauncher() {}

    /**
     * Starts a {@code redis-server} on a free loopback port and returns once it accepts
     * connections; throws {@link IllegalStateException} with {@link #NO_REDIS} when there is none.
     */
    static RedisProcess start() throws Exception {
        return RedisProcess.start(
                RedisProcess.findBinary().orElseThrow(() -> new IllegalStateException(NO_REDIS)),
                RedisProcess.freePort());
    }
}
