package dev.apigw.tests;

import dev.apigw.runtime.websocket.ConnectionSink;
import dev.apigw.runtime.websocket.Frame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ConnectionSink} that records what the gateway sends and the close it asks for. */
final class RecordingSink implements ConnectionSink {
    /** A close the gateway asked for. */
    record Close(int statusCode, String reason) {}

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<Close> closes = new CopyOnWriteArrayList<>();

    @Override
    public void send(Frame frame) {
        frames.add(frame);
    }

    @Override
    public void close(int statusCode, String reason) {
        closes.add(new Close(statusCode, reason));
    }

    /** Returns the frames sent, in order. */
    List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Returns the text of the frames sent, in order. */
    List<String> texts() {
        return frames.stream().map(Frame::asText).toList();
    }

    /** Returns the closes asked for. */
    List<Close> closes() {
        return List.copyOf(closes);
    }
}
