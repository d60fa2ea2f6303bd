package dev.apigw.samples.localserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client of {@link WebSocketSoakTest}: a {@code java.net.http.WebSocket} that sends its share
 * of numbered messages ({@code {"action":"sendmessage","client":C,"n":N}}) with at most a window of
 * them unanswered, and checks every echo: its own client number, a number it sent, not seen before.
 * Each expected echo counts down the shared latch; anything else is counted as wrong.
 */
final class SoakClient implements WebSocket.Listener {
    private final int client;
    private final int messages;
    private final CountDownLatch delivered;
    private final AtomicInteger wrong;
    private final BitSet seen = new BitSet();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private int sent;

    private SoakClient(int client, int messages, CountDownLatch delivered, AtomicInteger wrong) {
        this.client = client;
        this.messages = messages;
        this.delivered = delivered;
        this.wrong = wrong;
    }

    /** Starts connecting client number {@code client}; completes when the upgrade is done. */
    static CompletableFuture<SoakClient> connect(
            HttpClient http,
            URI url,
            int client,
            int messages,
            CountDownLatch delivered,
            AtomicInteger wrong) {
        SoakClient listener = new SoakClient(client, messages, delivered, wrong);
        return http.newWebSocketBuilder()
                .buildAsync(url, listener)
                .thenApply(
                        socket -> {
                            synchronized (listener) {
                                listener.sending = CompletableFuture.completedFuture(socket);
                            }
                            return listener;
                        });
    }

    /** The text of message {@code n} of client {@code client}, which the route echoes. */
    static String message(int client, int n) {
        return "{\"action\":\"sendmessage\",\"client\":" + client + ",\"n\":" + n + "}";
    }

    /** Sends the first {@code window} messages; each echo then sends the next one. */
    synchronized void start(int window) {
        for (int i = 0; i < window; i++) {
            sendNext();
        }
    }

    private void sendNext() {
        if (sent < messages) {
            String text = message(client, sent++);
            sending = sending.thenCompose(socket -> socket.sendText(text, true));
        }
    }

    /** Returns how many different messages came back. */
    synchronized int received() {
        return seen.cardinality();
    }

    /** Closes normally from this side; completes with the close code the server answers. */
    synchronized CompletableFuture<Integer> close() {
        sending = sending.thenCompose(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
        return closed;
    }

    @Override
    public synchronized CompletionStage<?> onText(
            WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            check(partial.toString());
            partial.setLength(0);
            sendNext();
        }
        webSocket.request(1);
        return null;
    }

    private void check(String echo) {
        String prefix = "{\"action\":\"sendmessage\",\"client\":" + client + ",\"n\":";
        int n = -1;
        if (echo.startsWith(prefix) && echo.endsWith("}")) {
            try {
                n = Integer.parseInt(echo.substring(prefix.length(), echo.length() - 1));
            } catch (NumberFormatException e) {
                n = -1;
            }
        }
        if (n < 0 || n >= sent || seen.get(n)) {
            wrong.incrementAndGet();
            return;
        }
        seen.set(n);
        delivered.countDown();
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
