package dev.apigw.testkit;

import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.ConnectionSink;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A WebSocket client of an in-process {@link WebSocketGateway}, without a network (reference 2.6,
 * 7.3, 7.4): {@link #connect} runs {@code $connect} as an upgrade request would, {@link #send} and
 * {@link #sendBinary} are messages the client sends (routed in the calling thread, the route's
 * function on the account's threads), and what the gateway sends to this connection (route
 * responses, error frames, {@code @connections} posts from any thread) is queued for {@link
 * #awaitFrame}. A close from either side is recorded: {@link #close(int, String)} runs {@code
 * $disconnect}, a message past 128 KB closes with 1009, {@code deleteConnection} with 1000.
 *
 * <pre>{@code
 * WebSocketGateway chat = WebSocketGateway.builder().webSocketApi(api).stage("prod")
 *         .lambda("chat", new ChatHandler()).build();
 * try (WebSocketTestClient alice = WebSocketTestClient.connect(chat);
 *         WebSocketTestClient bob = WebSocketTestClient.connect(chat)) {
 *     alice.send("{\"action\":\"sendmessage\",\"data\":\"hello\"}");
 *     assertThat(bob.awaitText()).isEqualTo("hello");
 * }
 * }</pre>
 *
 * <p>Thread-safe: frames and closes may come from the function's threads while the test awaits
 * them. Waiting blocks on a condition with a timeout ({@link #DEFAULT_TIMEOUT} unless given); a
 * wait that ends without a frame fails with an {@link AssertionError} naming what did come.
 */
public final class WebSocketTestClient implements AutoCloseable {
    /** How long {@link #awaitFrame()} and {@link #awaitClose()} wait. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The close code of {@link #close()} (RFC 6455 normal closure). */
    public static final int NORMAL_CLOSURE = 1000;

    private final WebSocketGateway gateway;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Frame> received = new ArrayList<>();
    private final Deque<Frame> pending = new ArrayDeque<>();
    private final ConnectResult result;
    private Close closed;

    private record Close(int code, String reason) {}

    private WebSocketTestClient(WebSocketGateway gateway, ConnectRequest request) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.result = gateway.connect(Objects.requireNonNull(request, "request"), new Sink());
    }

    /**
     * Connects with a default upgrade request: from {@code 127.0.0.1}, with the handshake headers
     * {@code Sec-WebSocket-Version: 13} and {@code Sec-WebSocket-Key}, no query string.
     */
    public static WebSocketTestClient connect(WebSocketGateway gateway) {
        return connect(
                gateway,
                ConnectRequest.builder()
                        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                        .header("Sec-WebSocket-Version", "13")
                        .build());
    }

    /**
     * Connects with {@code request} (its headers and query string reach {@code $connect}, as in
     * {@code ConnectRequest.builder().header("Auth", "x").queryParameter("name", "me").build()}). A
     * refused connection is a client too: see {@link #accepted()} and {@link #statusCode()}.
     */
    public static WebSocketTestClient connect(WebSocketGateway gateway, ConnectRequest request) {
        return new WebSocketTestClient(gateway, request);
    }

    /** Returns whether {@code $connect} accepted the connection. */
    public boolean accepted() {
        return result instanceof ConnectResult.Accepted;
    }

    /** Returns the gateway's answer to the upgrade request. */
    public ConnectResult connectResult() {
        return result;
    }

    /**
     * Returns the status of the upgrade's answer: 101 (Switching Protocols) when accepted, else the
     * status {@code $connect} refused with (403, 500, 502...).
     */
    public int statusCode() {
        return result instanceof ConnectResult.Refused refused ? refused.statusCode() : 101;
    }

    /**
     * Returns the connection's id, the one {@code @connections} and the events use.
     *
     * @throws AssertionError when the connection was refused
     */
    public String connectionId() {
        if (result instanceof ConnectResult.Accepted accepted) {
            return accepted.connectionId();
        }
        ConnectResult.Refused refused = (ConnectResult.Refused) result;
        throw new AssertionError(
                String.format(
                        "%nExpecting the WebSocket connection to be accepted%n"
                                + "but $connect refused it with %d %s",
                        refused.statusCode(), refused.body()));
    }

    /**
     * Sends a text message, routed by the gateway in this thread; returns once its route's
     * integration has answered.
     *
     * @throws IllegalStateException when the connection is refused or closed
     */
    public void send(String text) {
        sendFrame(Frame.text(Objects.requireNonNull(text, "text")));
    }

    /**
     * Sends a binary message (routed to {@code $default}, reference 7.3).
     *
     * @throws IllegalStateException when the connection is refused or closed
     */
    public void sendBinary(byte[] data) {
        sendFrame(Frame.binary(Objects.requireNonNull(data, "data")));
    }

    private void sendFrame(Frame frame) {
        String id = openId();
        gateway.message(id, frame);
    }

    private String openId() {
        if (!accepted()) {
            throw new IllegalStateException("the connection was refused: " + result);
        }
        lock.lock();
        try {
            if (closed != null) {
                throw new IllegalStateException(
                        "the connection is closed (" + closed.code + " " + closed.reason + ")");
            }
        } finally {
            lock.unlock();
        }
        return connectionId();
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the next frame not yet awaited. */
    public Frame awaitFrame() {
        return awaitFrame(DEFAULT_TIMEOUT);
    }

    /**
     * Returns the next frame sent to this client that no earlier call returned, waiting up to
     * {@code timeout} for it.
     *
     * @throws AssertionError when none comes in time, or at once when the connection is closed (or
     *     refused) and no frame is left
     */
    public Frame awaitFrame(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (pending.isEmpty() && closed == null && accepted() && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            Frame next = pending.poll();
            if (next == null) {
                throw new AssertionError(
                        String.format(
                                "%nExpecting a frame on WebSocket connection %s within %s%n"
                                        + "but %s (frames received: %s)",
                                accepted() ? connectionId() : "(refused)",
                                timeout,
                                why(),
                                received));
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting a frame", e);
        } finally {
            lock.unlock();
        }
    }

    private String why() {
        if (!accepted()) {
            return "it was refused with " + statusCode();
        }
        return closed == null
                ? "none came"
                : "it was closed with " + closed.code + " " + closed.reason;
    }

    /** Returns the text of {@link #awaitFrame()}. */
    public String awaitText() {
        return awaitFrame().asText();
    }

    /** Returns the text of {@link #awaitFrame(Duration)}. */
    public String awaitText(Duration timeout) {
        return awaitFrame(timeout).asText();
    }

    /** Returns every frame sent to this client so far, in order, awaited or not. */
    public List<Frame> frames() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the text of every frame sent to this client so far, in order. */
    public List<String> texts() {
        return frames().stream().map(Frame::asText).toList();
    }

    /** Closes with 1000 and no reason; does nothing when already closed or refused. */
    @Override
    public void close() {
        close(NORMAL_CLOSURE, "");
    }

    /**
     * Closes from the client's side with a close code and reason (RFC 6455), which the {@code
     * $disconnect} event carries ({@code disconnectStatusCode}, {@code disconnectReason}). Does
     * nothing when already closed or refused.
     *
     * @throws IllegalArgumentException for a code a client may not send (below 1000, 1004 to 1006,
     *     1015, 5000 and above)
     */
    public void close(int code, String reason) {
        if (code < 1000 || code >= 5000 || (code >= 1004 && code <= 1006) || code == 1015) {
            throw new IllegalArgumentException("a client cannot send the close code " + code);
        }
        Objects.requireNonNull(reason, "reason");
        if (accepted() && closed(code, reason)) {
            gateway.disconnect(connectionId(), code, reason);
        }
    }

    /** Records a close unless one is recorded; returns whether this one was. */
    private boolean closed(int code, String reason) {
        lock.lock();
        try {
            if (closed != null) {
                return false;
            }
            closed = new Close(code, reason);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether the connection is closed, by either side. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed != null;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the close code (either side's), or empty while the connection is open or refused. */
    public OptionalInt closeCode() {
        lock.lock();
        try {
            return closed == null ? OptionalInt.empty() : OptionalInt.of(closed.code);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the close reason (either side's), or {@code null} while open or refused. */
    public String closeReason() {
        lock.lock();
        try {
            return closed == null ? null : closed.reason;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for a close and returns its code. */
    public int awaitClose() {
        return awaitClose(DEFAULT_TIMEOUT);
    }

    /**
     * Waits up to {@code timeout} for the connection to close (a close the gateway starts from
     * another thread, such as {@code deleteConnection} in a function) and returns its code.
     *
     * @throws AssertionError when it stays open, or was refused
     */
    public int awaitClose(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (closed == null && accepted() && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            if (closed == null) {
                throw new AssertionError(
                        String.format(
                                "%nExpecting WebSocket connection %s to close within %s%nbut %s",
                                accepted() ? connectionId() : "(refused)",
                                timeout,
                                accepted() ? "it is still open" : why()));
            }
            return closed.code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting a close", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "WebSocketTestClient[" + (accepted() ? connectionId() : result) + "]";
    }

    /** What the gateway sends to this client: queued frames, a recorded close. */
    private final class Sink implements ConnectionSink {
        @Override
        public void send(Frame frame) {
            lock.lock();
            try {
                if (closed == null) {
                    received.add(frame);
                    pending.add(frame);
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close(int statusCode, String reason) {
            closed(statusCode, reason == null ? "" : reason);
        }
    }
}
