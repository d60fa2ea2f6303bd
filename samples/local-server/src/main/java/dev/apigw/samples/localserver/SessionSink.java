package dev.apigw.samples.localserver;

import dev.apigw.runtime.websocket.ConnectionSink;
import dev.apigw.runtime.websocket.Frame;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A {@link ConnectionSink} over a Jetty WebSocket session (reference 7.3): frames and a close the
 * gateway sends before the session opened wait for it, then go out in order. Sends are asynchronous
 * and serialized; a failed send is dropped (the session's close follows).
 */
final class SessionSink implements ConnectionSink {
    private final CompletableFuture<Session> session = new CompletableFuture<>();

    /** Binds the sink to its opened session. */
    void open(Session opened) {
        session.complete(opened);
    }

    @Override
    public void send(Frame frame) {
        session.thenAccept(
                s -> {
                    synchronized (this) {
                        if (frame.text()) {
                            s.sendText(frame.asText(), Callback.NOOP);
                        } else {
                            s.sendBinary(ByteBuffer.wrap(frame.data()), Callback.NOOP);
                        }
                    }
                });
    }

    @Override
    public void close(int statusCode, String reason) {
        session.thenAccept(
                s -> {
                    synchronized (this) {
                        s.close(statusCode, reason, Callback.NOOP);
                    }
                });
    }
}
