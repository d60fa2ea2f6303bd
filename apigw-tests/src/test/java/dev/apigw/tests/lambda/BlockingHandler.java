package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A handler that blocks until {@code release} opens (at most ten seconds, so that a gateway that
 * does not enforce its timeout fails a test instead of hanging it), counting {@code interrupted}
 * down when its wait is interrupted; it answers {@code {"statusCode": 200}}.
 */
public class BlockingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final CountDownLatch release;
    private final CountDownLatch interrupted;

    /** Creates a handler that waits on {@code release} and reports an interrupt. */
    public BlockingHandler(CountDownLatch release, CountDownLatch interrupted) {
        this.release = release;
        this.interrupted = interrupted;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted.countDown();
        }
        return Map.of("statusCode", 200);
    }
}
