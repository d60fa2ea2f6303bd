package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A handler that waits until {@code release} opens (at most ten seconds), hands its input to {@code
 * received} and counts {@code done} down; it answers {@code {"handled": true}}.
 */
public class LatchHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final CountDownLatch release;
    private final BlockingQueue<Map<String, Object>> received;
    private final CountDownLatch done;

    /** Creates a handler that signals through these. */
    public LatchHandler(
            CountDownLatch release,
            BlockingQueue<Map<String, Object>> received,
            CountDownLatch done) {
        this.release = release;
        this.received = received;
        this.done = done;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        received.add(input);
        done.countDown();
        return Map.of("handled", true);
    }
}
