package dev.apigw.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Redis stores and plain clients one test opens, each with a key prefix of its own (so that
 * tests sharing one Redis never see each other's keys), closed together after the test, which
 * deletes the test's keys.
 */
final class RedisClients implements AutoCloseable {
    private final String uri;
    private final String keyPrefix = "test:" + UUID.randomUUID() + ":";
    private final List<Runnable> opened = new ArrayList<>();

    RedisClients(String uri) {
        this.uri = uri;
    }

    /** Returns a builder of stores on this Redis under this test's key prefix. */
    RedisStores.Builder stores() {
        return RedisStores.builder(uri).keyPrefix(keyPrefix);
    }

    /** Builds and remembers stores, closed with this object. */
    RedisStores open(RedisStores.Builder builder) {
        RedisStores stores = builder.build();
        opened.add(stores::close);
        return stores;
    }

    /** Returns plain commands on this Redis, to read what the stores wrote. */
    RedisCommands<String, String> commands() {
        RedisClient client = RedisClient.create(uri);
        StatefulRedisConnection<String, String> connection = client.connect();
        opened.add(client::shutdown);
        opened.add(connection::close);
        return connection.sync();
    }

    @Override
    public void close() {
        deleteKeys();
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).run();
        }
        opened.clear();
    }

    /** Deletes this test's keys, so that a shared Redis ({@code APIGW_REDIS_URL}) keeps none. */
    private void deleteKeys() {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(keyPrefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } catch (RedisException e) {
            // Redis was stopped by the test: it kept nothing
        } finally {
            client.shutdown();
        }
    }
}
