package dev.apigw.samples.localserver;

import dev.apigw.runtime.websocket.ConnectionSink;
import dev.apigw.runtime.websocket.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A {@link ConnectionSink} over a Jetty WebSocket session (reference 7.3): frames and a close the
 * gateway sends before the session opened wait for it, then go out in order. A message longer than
 * a frame ({@link WebSocketEndpointServlet#MAX_FRAME_BYTES}, reference 9.5) goes out in fragments
 * of at most that size, a text message cut between characters, as AWS sends large {@code
 * @connections} messages. Sends are asynchronous and serialized; a failed send is dropped (the
 * session's close follows).
 */
final class SessionSink implements ConnectionSink {
    private static final int MAX_FRAME_BYTES = WebSocketEndpointServlet.MAX_FRAME_BYTES;

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
                        if (frame.length() <= MAX_FRAME_BYTES) {
                            sendWhole(s, frame);
                        } else {
                            sendFragments(s, frame);
                        }
                    }
                });
    }

    private static void sendWhole(Session s, Frame frame) {
        if (frame.text()) {
            s.sendText(frame.asText(), Callback.NOOP);
        } else {
            s.sendBinary(ByteBuffer.wrap(frame.data()), Callback.NOOP);
        }
    }

    private static void sendFragments(Session s, Frame frame) {
        byte[] data = frame.data();
        int start = 0;
        while (start < data.length) {
            int end = Math.min(data.length, start + MAX_FRAME_BYTES);
            if (frame.text()) {
                end = characterBoundary(data, start, end);
            }
            boolean last = end == data.length;
            if (frame.text()) {
                String part = new String(data, start, end - start, StandardCharsets.UTF_8);
                s.sendPartialText(part, last, Callback.NOOP);
            } else {
                s.sendPartialBinary(ByteBuffer.wrap(data, start, end - start), last, Callback.NOOP);
            }
            start = end;
        }
    }

    /** Moves {@code end} back to the start of a UTF-8 character, so no fragment cuts one. */
    static int characterBoundary(byte[] data, int start, int end) {
        int cut = end;
        while (cut < data.length && cut > start + 1 && (data[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
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
