package dev.apigw.runtime.spi.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/** Runs one attempt many times on several threads released together, and counts the successes. */
final class Concurrently {
    private Concurrently() {}

    /**
     * Starts {@code threads} threads that each call {@code attempt} {@code perThread} times, all
     * released at once, and returns how many calls answered {@code true}.
     */
    static int countTrue(int threads, int perThread, BooleanSupplier attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    int admitted = 0;
                                    for (int i = 0; i < perThread; i++) {
                                        if (attempt.getAsBoolean()) {
                                            admitted++;
                                        }
                                    }
                                    return admitted;
                                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Integer> result : results) {
                admitted += result.get();
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }
}
