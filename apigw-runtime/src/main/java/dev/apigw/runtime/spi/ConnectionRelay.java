package dev.apigw.runtime.spi;

/**
 * Carries {@code @connections} calls between the nodes of a fleet that share one {@link
 * ConnectionStore} (reference 7.4, issue 16): when a {@code WebSocketGateway} finds a connection's
 * record in the store but does not hold its socket, it asks the relay to have the node that holds
 * it post to it or close it. Every gateway subscribes its {@link Receiver} for its API and stage
 * when built and unsubscribes when closed. GetConnection needs no relay: the record answers it.
 *
 * <p>The default, {@link #none()}, relays nothing: a connection held by no gateway of this JVM is
 * gone (410), as in a single JVM. A relay answers within a bounded time: a call that no node
 * answers in time counts as not delivered.
 *
 * <p>Thread-safety: called concurrently; an implementation must be thread-safe, and call its
 * receivers from threads of its own, never the caller's.
 */
public interface ConnectionRelay {
    /**
     * Has the node holding {@code connectionId} of this API and stage send {@code data} to its
     * client; returns whether a node did.
     *
     * @throws RuntimeException when the relay itself fails (an internal failure, 500)
     */
    boolean post(String apiId, String stage, String connectionId, byte[] data);

    /**
     * Has the node holding {@code connectionId} of this API and stage close it ({@code
     * DeleteConnection}: its {@code $disconnect} runs there); returns whether a node did.
     *
     * @throws RuntimeException when the relay itself fails (an internal failure, 500)
     */
    boolean delete(String apiId, String stage, String connectionId);

    /**
     * Delivers to {@code receiver} the calls relayed for this API and stage, until the returned
     * subscription is closed.
     */
    Subscription subscribe(String apiId, String stage, Receiver receiver);

    /** Returns the relay of a single JVM: nothing is relayed, so no node delivers. */
    static ConnectionRelay none() {
        return NoConnectionRelay.INSTANCE;
    }

    /** What a gateway does with a relayed call: only the node holding the connection acts. */
    interface Receiver {
        /**
         * Sends {@code data} to the connection if this node holds it; returns whether it did (false
         * also when sending failed).
         */
        boolean post(String connectionId, byte[] data);

        /** Closes the connection if this node holds it; returns whether it did. */
        boolean delete(String connectionId);
    }

    /** A receiver's subscription; closing it stops the deliveries. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
