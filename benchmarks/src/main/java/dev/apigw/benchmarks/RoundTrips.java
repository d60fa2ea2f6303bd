package dev.apigw.benchmarks;

import java.util.Arrays;

/**
 * The round trips of one measured run of {@link WebSocketLoad}, in nanoseconds, from the moment a
 * message was handed to the client's {@code sendText} to the moment its echo arrived whole.
 */
final class RoundTrips {
    private final long[] sorted;

    private RoundTrips(long[] sorted) {
        this.sorted = sorted;
    }

    /** Returns the round trips of several clients, each array filled up to its count. */
    static RoundTrips merge(long[][] perClient, int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < perClient.length; i++) {
            System.arraycopy(perClient[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new RoundTrips(all);
    }

    /** Returns how many round trips were measured. */
    int count() {
        return sorted.length;
    }

    /** Returns the round trip at quantile {@code q} (0 to 1, nearest rank), in milliseconds. */
    double millis(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
