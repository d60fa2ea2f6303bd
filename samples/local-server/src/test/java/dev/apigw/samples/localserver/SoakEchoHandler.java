package dev.apigw.samples.localserver;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;

/**
 * The Lambda function of {@link WebSocketSoakTest} (reference 2.6, 7.3): {@code sendmessage}
 * answers the message's body unchanged (a two-way route echoes it), {@code $connect} accepts, and
 * each route's calls are counted so that the test can wait for the {@code $disconnect}s.
 */
public final class SoakEchoHandler
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Tally connects = new Tally();
    private final Tally messages = new Tally();
    private final Tally disconnects = new Tally();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<?, ?> requestContext = (Map<?, ?>) event.get("requestContext");
        String route = String.valueOf(requestContext.get("routeKey"));
        switch (route) {
            case "$connect":
                connects.add();
                return Map.of("statusCode", 200);
            case "$disconnect":
                disconnects.add();
                return Map.of("statusCode", 200);
            default:
                messages.add();
                return Map.of("statusCode", 200, "body", String.valueOf(event.get("body")));
        }
    }

    long connects() {
        return connects.count();
    }

    long messages() {
        return messages.count();
    }

    long disconnects() {
        return disconnects.count();
    }

    /** Waits until {@code $disconnect} ran {@code total} times; returns the count reached. */
    long awaitDisconnects(long total, Duration timeout) throws InterruptedException {
        return disconnects.await(total, timeout);
    }

    /** A count another thread can wait on. */
    private static final class Tally {
        private long count;

        synchronized void add() {
            count++;
            notifyAll();
        }

        synchronized long count() {
            return count;
        }

        synchronized long await(long target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); count < target && left > 0; ) {
                wait(Math.max(1, left / 1_000_000));
                left = deadline - System.nanoTime();
            }
            return count;
        }
    }
}
