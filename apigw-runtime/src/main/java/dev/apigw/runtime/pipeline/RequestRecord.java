package dev.apigw.runtime.pipeline;

/**
 * What the outer steps of a request (metrics, logs) read after the inner steps ran: the exchange as
 * far as they resolved it (stage, route, key, caller). Exchanges are immutable and a step only sees
 * the one it was given, so {@link RealChain} records here each exchange it passes inward; the last
 * one recorded is the most resolved. One record belongs to one request, shared by every copy of its
 * exchange, and is not thread-safe (a request runs its steps in one thread).
 */
public final class RequestRecord {
    private Exchange latest;

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
}
