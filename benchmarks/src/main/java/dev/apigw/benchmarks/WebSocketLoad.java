package dev.apigw.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded WebSocket load generator (issue 15; reference 7.3, 9.5): opens {@code --clients}
 * connections to {@code ws://HOST:PORT/STAGE} at most {@code --connect-rate} a second, sends {@code
 * --warmup} messages that are not measured, then {@code --messages} that are, shared among the
 * clients, each client keeping at most {@code --window} unanswered, and prints the messages per
 * second and the round trips' p50, p99 and max. The server must send every message back unchanged
 * (a two-way route whose function answers the body, or a bare echo). Bounded: a fixed number of
 * messages and {@code --timeout} for the whole run; it exits 1 when a message is lost, answered
 * wrong or late, 2 on bad usage. {@code java.net.http.WebSocket} only; not run in CI.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.apigw.benchmarks.WebSocketLoad \
 *     ws://127.0.0.1:3000/bench --clients 10 --messages 100000 --warmup 50000
 * </pre>
 *
 * <p>The last line is {@code RESULT clients=N messages=M per_second=R p50_ms=A p99_ms=B max_ms=C
 * lost=L wrong=W throttled=T}, for scripts ({@code benchmarks/websocket-load.sh}).
 */
public final class WebSocketLoad {
    private final WebSocketLoadOptions options;
    private final long deadline;

    private WebSocketLoad(WebSocketLoadOptions options) {
        this.options = options;
        this.deadline = System.nanoTime() + options.timeout().toNanos();
    }

    /** Runs the load the command line describes; see the class description. */
    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(WebSocketLoadOptions.USAGE);
            return;
        }
        WebSocketLoadOptions options;
        try {
            options = WebSocketLoadOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("WebSocketLoad: " + e.getMessage());
            System.err.println(WebSocketLoadOptions.USAGE);
            System.exit(2);
            return;
        }
        Result result = run(options);
        System.out.println(result.describe());
        System.out.println(result.line());
        System.exit(result.complete() ? 0 : 1);
    }

    /** Runs the load and returns what it measured; a failure is part of the result. */
    static Result run(WebSocketLoadOptions options) {
        return new WebSocketLoad(options).run();
    }

    private Result run() {
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocketLoadClient> clients = new ArrayList<>();
        try {
            clients.addAll(connect(http));
            if (options.warmup() > 0) {
                Phase warmup = phase(clients, options.warmup());
                if (warmup.unanswered() > 0 || warmup.wrong() > 0 || warmup.throttled() > 0) {
                    return warmup.result("the warm-up did not complete");
                }
            }
            return phase(clients, options.messages()).result("");
        } catch (ExecutionException | TimeoutException e) {
            return Result.failed(options, "cannot connect: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(options, "interrupted");
        } finally {
            close(clients);
        }
    }

    /** Opens every connection, at most {@code --connect-rate} a second. */
    private List<WebSocketLoadClient> connect(HttpClient http)
            throws ExecutionException, TimeoutException, InterruptedException {
        String padding = "x".repeat(Math.max(0, options.payload() - 40));
        long interval = TimeUnit.SECONDS.toNanos(1) / options.connectRate();
        long next = System.nanoTime();
        List<CompletableFuture<WebSocketLoadClient>> connecting = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            connecting.add(WebSocketLoadClient.connect(http, options.url(), padding));
        }
        CompletableFuture.allOf(connecting.toArray(new CompletableFuture<?>[0]))
                .get(left(), TimeUnit.NANOSECONDS);
        List<WebSocketLoadClient> clients = new ArrayList<>();
        connecting.forEach(c -> clients.add(c.join()));
        return clients;
    }

    /** Sends {@code messages} shared among the clients and waits for the answers or the end. */
    private Phase phase(List<WebSocketLoadClient> clients, int messages)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients.size());
        long start = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            int share = messages / clients.size() + (i < messages % clients.size() ? 1 : 0);
            clients.get(i).begin(share, options.window(), done);
        }
        done.await(left(), TimeUnit.NANOSECONDS);
        return new Phase(clients, messages, System.nanoTime() - start);
    }

    private long left() {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void close(List<WebSocketLoadClient> clients) {
        List<CompletableFuture<Integer>> closes = new ArrayList<>();
        clients.forEach(c -> closes.add(c.close()));
        try {
            CompletableFuture.allOf(closes.toArray(new CompletableFuture<?>[0]))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("WebSocketLoad: not every connection closed cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one phase's clients recorded, read once it ended. */
    private final class Phase {
        private final int messages;
        private final long nanos;
        private final long[][] roundTrips;
        private final int[] answered;
        private int wrong;
        private int throttled;
        private int unanswered;

        Phase(List<WebSocketLoadClient> clients, int messages, long nanos) {
            this.messages = messages;
            this.nanos = nanos;
            this.roundTrips = new long[clients.size()][];
            this.answered = new int[clients.size()];
            for (int i = 0; i < clients.size(); i++) {
                WebSocketLoadClient client = clients.get(i);
                roundTrips[i] = client.roundTrips();
                answered[i] = client.answered();
                wrong += client.wrong();
                throttled += client.throttled();
                unanswered += client.unanswered();
            }
        }

        int wrong() {
            return wrong;
        }

        int unanswered() {
            return unanswered;
        }

        int throttled() {
            return throttled;
        }

        Result result(String failure) {
            RoundTrips trips = RoundTrips.merge(roundTrips, answered);
            return new Result(
                    options,
                    messages,
                    trips.count(),
                    unanswered,
                    wrong,
                    throttled,
                    Duration.ofNanos(nanos),
                    trips.millis(0.50),
                    trips.millis(0.99),
                    trips.millis(1.0),
                    failure);
        }
    }

    /**
     * What a run measured.
     *
     * @param options the run's options
     * @param messages the messages of the measured phase
     * @param answered how many came back unchanged
     * @param lost how many were not answered within the timeout
     * @param wrong how many answers were not the message sent
     * @param throttled how many answers were the error frame of a throttled message
     * @param elapsed from the first send to the last answer (or the timeout)
     * @param p50 the median round trip, in ms
     * @param p99 the 99th percentile round trip, in ms
     * @param max the longest round trip, in ms
     * @param failure why the run failed before measuring, or empty
     */
    record Result(
            WebSocketLoadOptions options,
            int messages,
            int answered,
            int lost,
            int wrong,
            int throttled,
            Duration elapsed,
            double p50,
            double p99,
            double max,
            String failure) {
        static Result failed(WebSocketLoadOptions options, String failure) {
            return new Result(
                    options,
                    options.messages(),
                    0,
                    options.messages(),
                    0,
                    0,
                    Duration.ZERO,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    failure);
        }

        /** Returns whether every message came back unchanged in time. */
        boolean complete() {
            return failure.isEmpty()
                    && lost == 0
                    && wrong == 0
                    && throttled == 0
                    && answered == messages;
        }

        /** Returns the messages answered per second of the measured phase. */
        double perSecond() {
            return elapsed.isZero() ? 0 : answered / (elapsed.toNanos() / 1e9);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d clients, window %d, payload %d B: %,d of %,d messages answered in"
                            + " %.2f s = %,.0f msg/s; round trip p50 %.3f ms, p99 %.3f ms, max"
                            + " %.3f ms; lost %d, wrong %d, throttled %d%s",
                    options.url(),
                    options.clients(),
                    options.window(),
                    options.payload(),
                    answered,
                    messages,
                    elapsed.toNanos() / 1e9,
                    perSecond(),
                    p50,
                    p99,
                    max,
                    lost,
                    wrong,
                    throttled,
                    failure.isEmpty() ? "" : "; FAILED: " + failure);
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "RESULT clients=%d messages=%d per_second=%.0f p50_ms=%.3f p99_ms=%.3f"
                            + " max_ms=%.3f lost=%d wrong=%d throttled=%d",
                    options.clients(),
                    messages,
                    perSecond(),
                    p50,
                    p99,
                    max,
                    lost,
                    wrong,
                    throttled);
        }
    }
}
