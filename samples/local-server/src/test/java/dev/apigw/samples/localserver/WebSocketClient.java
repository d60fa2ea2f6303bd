package dev.apigw.samples.localserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code java.net.http.WebSocket} client for the end-to-end tests: collects the text messages the
 * server sends and the close code it ends with.
 */
final class WebSocketClient implements WebSocket.Listener {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects to {@code url}; fails as the upgrade failed. */
    static WebSocketClient connect(HttpClient http, String url) throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.socket =
                http.newWebSocketBuilder()
                        .connectTimeout(TIMEOUT)
                        .buildAsync(URI.create(url), client)
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** Sends one whole text message. */
    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends a message and returns the next one received. */
    String ask(String text) throws Exception {
        send(text);
        return next();
    }

    /** Returns the next message received; fails after the timeout. */
    String next() throws InterruptedException {
        String message = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + TIMEOUT);
        }
        return message;
    }

    /** Returns the close code the server closed with. */
    int awaitClose() throws Exception {
        return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Closes normally from this side. */
    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
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
