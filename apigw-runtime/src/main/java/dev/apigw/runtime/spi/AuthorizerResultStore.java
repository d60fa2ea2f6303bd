package dev.apigw.runtime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds the answers of Lambda authorizers outside the JVM, for a fleet that shares them (reference
 * 8.3, 9.3 "Authorizer cache flush"): each answer is the function's payload as it answered, under a
 * key the runtime makes from the authorizer, its TTL and the caller's identity (hashed: a store
 * never sees a token), grouped by API and stage. The runtime parses a payload again on every hit.
 *
 * <p>Without a store ({@code Gateway.Builder.authorizerResultStore} not set, the default), each API
 * keeps its authorizers' answers in its own memory as parsed objects and this interface is not
 * used. Thread-safety: called concurrently from every request thread; an implementation must be
 * thread-safe, must not block for long, and must never return an answer after its time to live nor
 * one put under another key, API or stage.
 */
public interface AuthorizerResultStore {
    /**
     * Returns the payload put under {@code key} in the API's stage, if its time to live has not
     * passed at {@code now}.
     */
    Optional<byte[]> get(String apiId, String stage, String key, Instant now);

    /** Puts a payload under {@code key}, replacing any, to live {@code ttl} from {@code now}. */
    void put(String apiId, String stage, String key, byte[] payload, Instant now, Duration ttl);

    /** Drops every answer of one stage of the API (FlushStageAuthorizersCache, reference 9.3). */
    void flush(String apiId, String stage);
}
