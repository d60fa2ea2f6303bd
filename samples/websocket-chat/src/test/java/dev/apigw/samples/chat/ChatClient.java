package dev.apigw.samples.chat;

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
 * A chat client on {@code java.net.http.WebSocket}: the text messages it receives in a queue, read
 * with bounded waits.
 */
final class ChatClient implements WebSocket.Listener {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Connects to {@code url} (runs {@code $connect}). */
    static ChatClient connect(HttpClient http, String url) throws Exception {
        ChatClient client = new ChatClient();
        client.socket =
                http.newWebSocketBuilder()
                        .connectTimeout(TIMEOUT)
                        .buildAsync(URI.create(url), client)
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** Sends {@code {"action":"sendmessage","data":DATA}}. */
    void sendMessage(String data) throws Exception {
        socket.sendText("{\"action\":\"sendmessage\",\"data\":\"" + data + "\"}", true)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Returns the next message received, waiting at most 30 s for it. */
    String next() throws InterruptedException {
        String message = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + TIMEOUT);
        }
        return message;
    }

    /** Returns the messages received so far, without waiting. */
    java.util.List<String> drained() {
        java.util.List<String> messages = new java.util.ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** Closes the socket normally (runs {@code $disconnect}) and waits for the server's close. */
    void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
