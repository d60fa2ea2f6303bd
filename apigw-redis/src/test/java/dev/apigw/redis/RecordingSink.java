package dev.apigw.redis;

import dev.apigw.runtime.websocket.ConnectionSink;
import dev.apigw.runtime.websocket.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client's end of a connection: the frames it got and the close code, awaited with timeouts. */
final class RecordingSink implements ConnectionSink {
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    @Override
    public void send(Frame frame) {
        texts.add(new String(frame.data(), StandardCharsets.UTF_8));
    }

    @Override
    public void close(int statusCode, String reason) {
        closed.complete(statusCode);
    }

    /** Returns the next text the client got, waiting up to 10 seconds, or null. */
    String nextText() throws InterruptedException {
        return texts.poll(10, TimeUnit.SECONDS);
    }

    /**
     * Returns the texts the client got before {@code text}, waiting up to 10 seconds for each.
     *
     * @throws AssertionError when {@code text} does not come
     */
    List<String> textsUntil(String text) throws InterruptedException {
        List<String> before = new ArrayList<>();
        for (String next = nextText(); !text.equals(next); next = nextText()) {
            if (next == null) {
                throw new AssertionError("no text " + text + " after " + before);
            }
            before.add(next);
        }
        return before;
    }

    /** Returns the close code, waiting up to 10 seconds. */
    int closeCode() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    /** Returns whether the connection was closed. */
    boolean isClosed() {
        return closed.isDone();
    }
}
