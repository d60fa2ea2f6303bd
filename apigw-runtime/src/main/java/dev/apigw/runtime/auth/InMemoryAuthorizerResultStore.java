package dev.apigw.runtime.auth;

import dev.apigw.runtime.spi.AuthorizerResultStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AuthorizerResultStore} in this JVM's memory (reference 8.3, 9.3): payloads by API,
 * stage and key, each with its expiry, an expired one dropped by the read that finds it. Not the
 * default (an API without a store keeps parsed answers, {@link AuthorizerResultCache}); it shares
 * answers between the APIs of one JVM, and is the reference the Redis store is tested against.
 * Unbounded: for tests and small hosts. Thread-safe.
 */
public final class InMemoryAuthorizerResultStore implements AuthorizerResultStore {
    private final Map<String, Map<String, Entry>> stages = new ConcurrentHashMap<>();

    private record Entry(byte[] payload, Instant expires) {}

    @Override
    public Optional<byte[]> get(String apiId, String stage, String key, Instant now) {
        Map<String, Entry> entries = stages.get(stageKey(apiId, stage));
        Entry entry = entries == null ? null : entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.payload().clone());
    }

    @Override
    public void put(
            String apiId, String stage, String key, byte[] payload, Instant now, Duration ttl) {
        Objects.requireNonNull(key);
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        stages.computeIfAbsent(stageKey(apiId, stage), k -> new ConcurrentHashMap<>())
                .put(key, new Entry(payload.clone(), now.plus(ttl)));
    }

    @Override
    public void flush(String apiId, String stage) {
        stages.remove(stageKey(apiId, stage));
    }

    /** Returns the keys held for a stage of an API, expired ones not yet dropped included. */
    List<String> keys(String apiId, String stage) {
        return List.copyOf(stages.getOrDefault(stageKey(apiId, stage), Map.of()).keySet());
    }

    private static String stageKey(String apiId, String stage) {
        return apiId + "/" + stage;
    }
}
