/**
 * The account's stores on Redis ({@code dev.apigw.redis}): token buckets on Bucket4j's Lettuce
 * proxy manager, usage-plan counters and stage cache entries in Lua scripts through Lettuce, so
 * that several JVMs serving one API share its throttles, quotas and cache (reference 8.2, 9.3,
 * 9.4). Lettuce and Bucket4j have no module descriptor: they are automatic modules. No Lettuce or
 * Bucket4j type is in the public API.
 */
module dev.apigw.redis {
    requires transitive dev.apigw.runtime;
    requires io.github.bucket4j.core;
    requires io.github.bucket4j.lettuce;
    requires io.github.bucket4j.redis.common;
    requires com.github.benmanes.caffeine;
    requires lettuce.core;
    requires org.slf4j;

    exports dev.apigw.redis;
}
