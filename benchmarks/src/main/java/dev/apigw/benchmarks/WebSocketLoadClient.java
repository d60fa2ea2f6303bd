package dev.apigw.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * One connection of {@link WebSocketLoad}: sends its share of a phase's messages with at most a
 * window of them unanswered, and takes each text message it receives as the echo of the oldest
 * message not yet answered (a WebSocket connection keeps order, and so does the route): an equal
 * text is a round trip, recorded; the error frame of a throttled message ({@code "Too Many
 * Requests"}, reference 9.4) is counted as throttled, any other text as wrong. Sends are chained,
 * one at a time, as {@code java.net.http.WebSocket} requires.
 */
final class WebSocketLoadClient implements WebSocket.Listener {
    private static final String TOO_MANY_REQUESTS = "\"Too Many Requests\"";

    private final String padding;
    private final StringBuilder partial = new StringBuilder();
    private final ArrayDeque<String> unanswered = new ArrayDeque<>();
    private final ArrayDeque<Long> sentAt = new ArrayDeque<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private long[] roundTrips = new long[0];
    private int share;
    private int sent;
    private int answered;
    private int wrong;
    private int throttled;
    private int window;
    private CountDownLatch done;
    private long sequence;

    private WebSocketLoadClient(String padding) {
        this.padding = padding;
    }

    /** Starts connecting; completes with the client once the upgrade is done. */
    static CompletableFuture<WebSocketLoadClient> connect(
            HttpClient http, URI url, String padding) {
        WebSocketLoadClient client = new WebSocketLoadClient(padding);
        return http.newWebSocketBuilder()
                .buildAsync(url, client)
                .thenApply(
                        socket -> {
                            synchronized (client) {
                                client.sending = CompletableFuture.completedFuture(socket);
                            }
                            return client;
                        });
    }

    /**
     * Starts a phase: sends {@code share} messages, {@code window} at a time, and counts down
     * {@code done} when every one was answered (right or wrong).
     */
    synchronized void begin(int share, int window, CountDownLatch done) {
        this.share = share;
        this.window = window;
        this.done = done;
        this.roundTrips = new long[share];
        this.sent = 0;
        this.answered = 0;
        this.wrong = 0;
        this.throttled = 0;
        unanswered.clear();
        sentAt.clear();
        for (int i = 0; i < window; i++) {
            sendNext();
        }
    }

    private void sendNext() {
        if (sent >= share || sent - answered >= window) {
            return;
        }
        String text =
                "{\"action\":\"sendmessage\",\"n\":" + sequence++ + ",\"p\":\"" + padding + "\"}";
        sent++;
        unanswered.add(text);
        sending =
                sending.thenCompose(
                        socket -> {
                            synchronized (this) {
                                sentAt.add(System.nanoTime());
                            }
                            return socket.sendText(text, true);
                        });
    }

    /** Returns the round trips recorded in this phase (the first {@link #answered()} ones). */
    synchronized long[] roundTrips() {
        return roundTrips;
    }

    /** Returns how many messages of this phase were answered by an equal text. */
    synchronized int answered() {
        return answered - wrong - throttled;
    }

    /** Returns how many messages of this phase were answered by the throttled error frame. */
    synchronized int throttled() {
        return throttled;
    }

    /** Returns how many answers of this phase were not the text expected. */
    synchronized int wrong() {
        return wrong;
    }

    /** Returns how many messages of this phase were sent and not answered. */
    synchronized int unanswered() {
        return share - answered;
    }

    /** Closes normally from this side; completes with the close code the server answers. */
    synchronized CompletableFuture<Integer> close() {
        sending = sending.thenCompose(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        return closed;
    }

    @Override
    public synchronized CompletionStage<?> onText(
            WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String expected = unanswered.poll();
            Long at = sentAt.poll();
            if (expected != null && at != null && expected.contentEquals(partial)) {
                roundTrips[answered - wrong - throttled] = now - at;
            } else if (partial.indexOf(TOO_MANY_REQUESTS) >= 0) {
                throttled++;
            } else {
                wrong++;
            }
            answered++;
            partial.setLength(0);
            if (answered == share) {
                done.countDown();
            } else {
                sendNext();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
