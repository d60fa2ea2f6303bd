package dev.apigw.runtime.websocket;

/**
 * Where a {@link WebSocketGateway} sends what goes to one client: the host supplies one per
 * connection in {@link WebSocketGateway#connect} (a Jetty session, a test's recorder) and the
 * gateway calls it with route responses, error frames, {@code @connections} posts (reference 7.3,
 * 7.4) and the close of a connection it ends. Implementations must be thread-safe: a post through
 * {@code @connections} and a route response may be sent at once. A method that throws is logged and
 * otherwise ignored.
 */
public interface ConnectionSink {
    /** Sends one frame to the client. */
    void send(Frame frame);

    /** Sends a text frame to the client. */
    default void sendText(String text) {
        send(Frame.text(text));
    }

    /**
     * Closes the connection with a WebSocket close code (RFC 6455: 1000 normal, 1009 message too
     * big) and reason. The host must not call {@link WebSocketGateway#disconnect} for a close the
     * gateway started; if it does, the call does nothing.
     */
    void close(int statusCode, String reason);
}
