package dev.apigw.runtime.pipeline;

import dev.apigw.model.GatewayResponseType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the outer steps of a request (metrics, logs) read after the inner steps ran: the exchange as
 * far as they resolved it (stage, route, key, caller). Exchanges are immutable and a step only sees
 * the one it was given, so {@link RealChain} records here each exchange it passes inward; the last
 * one recorded is the most resolved. The stage cache records whether it answered ({@link
 * CacheStatus}), for the {@code CacheHitCount} and {@code CacheMissCount} metrics (reference 9.3,
 * 10.1); the integration step records its latency and status (reference 10.1, 10.3); the gateway
 * response step records the type and message of the gateway response the request got, and the
 * outermost step the final status, length and latency ({@code $context.error.*}, {@code
 * $context.status}, {@code $context.responseLength}, {@code $context.responseLatency} of access
 * logs, reference 10.3). One record belongs to one request, shared by every copy of its exchange,
 * and is not thread-safe (a request runs its steps in one thread).
 */
public final class RequestRecord {
    private Exchange latest;
    private CacheStatus cacheStatus = CacheStatus.NOT_CACHED;
    private Duration integrationLatency;
    private int integrationStatus;
    private GatewayResponseType errorType;
    private String errorMessage;
    private int status;
    private long responseLength;
    private Duration responseLatency;

    RequestRecord() {}

    /** Records an exchange a step is given; called by the chain only. */
    void enter(Exchange exchange) {
        latest = exchange;
    }

    /**
     * Returns the most resolved exchange of the request: the one the innermost step that ran was
     * given.
     */
    public Exchange latest() {
        return latest;
    }

    /** Returns what the stage cache did for the request. */
    public CacheStatus cacheStatus() {
        return cacheStatus;
    }

    /** Records what the stage cache did for the request. */
    public void cacheStatus(CacheStatus status) {
        cacheStatus = Objects.requireNonNull(status);
    }

    /**
     * Returns how long the integration took, from the call to its answer or failure; empty when no
     * integration was called (reference 10.1 {@code IntegrationLatency}).
     */
    public Optional<Duration> integrationLatency() {
        return Optional.ofNullable(integrationLatency);
    }

    /** Records how long the integration took; called by the integration step. */
    public void integrationLatency(Duration latency) {
        integrationLatency = Objects.requireNonNull(latency);
    }

    /**
     * Returns the status the integration answered with (for a proxy integration, the backend's), 0
     * when no integration answered.
     */
    public int integrationStatus() {
        return integrationStatus;
    }

    /** Records the status the integration answered with; called by the integration step. */
    public void integrationStatus(int status) {
        integrationStatus = status;
    }

    /**
     * Records the gateway response the request got ({@code $context.error.responseType} and {@code
     * $context.error.message}, reference 1.2, 10.3); called by the gateway response step.
     */
    public void gatewayError(GatewayResponseType type, String message) {
        errorType = Objects.requireNonNull(type);
        errorMessage = message;
    }

    /**
     * Forgets the gateway response recorded, for a step that answers the request in its place (an
     * HTTP API's CORS preflight that no route serves, reference 11.2).
     */
    public void clearGatewayError() {
        errorType = null;
        errorMessage = null;
    }

    /** Returns the type of the gateway response the request got, if it got one. */
    public Optional<GatewayResponseType> errorType() {
        return Optional.ofNullable(errorType);
    }

    /** Returns the message of the gateway response the request got, if it has one. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /**
     * Records the response sent to the client: its status, its body's length and the time from the
     * request's arrival; called by the outermost step once the response is final.
     */
    public void responded(int status, long length, Duration latency) {
        this.status = status;
        this.responseLength = length;
        this.responseLatency = Objects.requireNonNull(latency);
    }

    /** Returns the status sent to the client ({@code $context.status}), 0 before it is final. */
    public int status() {
        return status;
    }

    /** Returns the length in bytes of the body sent ({@code $context.responseLength}). */
    public long responseLength() {
        return responseLength;
    }

    /**
     * Returns the time from the request's arrival to its final response ({@code
     * $context.responseLatency}), empty before the response is final.
     */
    public Optional<Duration> responseLatency() {
        return Optional.ofNullable(responseLatency);
    }

    /** What the stage cache did for one request (reference 9.3). */
    public enum CacheStatus {
        /** Caching is off for the method (or the request bypassed it): neither metric counts. */
        NOT_CACHED,
        /** Served from the cache: {@code CacheHitCount}. */
        HIT,
        /** Served from the backend while caching is on: {@code CacheMissCount}. */
        MISS
    }
}
