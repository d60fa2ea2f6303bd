package dev.apigw.runtime.integration;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The default executor of synchronous Lambda calls: each call runs at once on a thread of its own,
 * so that the gateway can stop waiting at the integration timeout and leave the function's thread
 * behind (reference 4.2 {@code timeoutInMillis}, 9.5).
 *
 * <p>Handing a call to a parked thread costs a wake-up, which on a virtual machine takes tens of
 * microseconds, several times the whole pipeline. So while no other call is in flight (a test
 * calling the gateway from one thread), one thread that finished a call spins for {@code spin}
 * before it parks, the most recently idle thread takes the next call, and a call that finds no idle
 * thread waits up to {@code spin} for the one that just answered: back-to-back calls cost a memory
 * write, not a wake-up. Under load nothing spins, since spinning would take the CPU the other calls
 * need. A thread idle for {@code keepAlive} ends; at most {@code maxThreads} run at once, and a
 * call past that is rejected. Threads are daemons named {@code apigw-lambda-N}. Thread-safe.
 */
public final class LambdaExecutor implements Executor {
    /** What an idle thread's slot holds once the thread has ended: no call may be put there. */
    private static final Runnable ENDED = () -> {};

    private final int maxThreads;
    private final long spinNanos;
    private final long keepAliveNanos;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();

    /** How many idle threads spin (at most one: the others park at once). */
    private final AtomicInteger spinners = new AtomicInteger();

    /** Calls handed over whose thread has not yet counted them finished. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private LambdaExecutor(int maxThreads, Duration spin, Duration keepAlive) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be positive: " + maxThreads);
        }
        this.maxThreads = maxThreads;
        this.spinNanos = spin.toNanos();
        this.keepAliveNanos = keepAlive.toNanos();
    }

    /**
     * Returns an executor of at most {@code maxThreads} threads that spin for {@code spin} after a
     * call and end after {@code keepAlive} without one.
     */
    public static LambdaExecutor create(int maxThreads, Duration spin, Duration keepAlive) {
        return new LambdaExecutor(
                maxThreads, Objects.requireNonNull(spin), Objects.requireNonNull(keepAlive));
    }

    /**
     * Runs the call on an idle thread, or a new one; throws {@link RejectedExecutionException} when
     * {@code maxThreads} calls are running already.
     */
    @Override
    public void execute(Runnable call) {
        Objects.requireNonNull(call);
        inFlight.incrementAndGet();
        try {
            handOver(call);
        } catch (RuntimeException | Error e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    private void handOver(Runnable call) {
        long start = System.nanoTime();
        do {
            for (Worker w = idle.pollFirst(); w != null; w = idle.pollFirst()) {
                if (w.slot.compareAndSet(null, call)) {
                    LockSupport.unpark(w.thread);
                    return;
                }
            }
            // The thread of a call that just answered is about to be idle: wait for it a little
            // rather than start a thread per back-to-back call.
            Thread.onSpinWait();
        } while (isQuiet() && threads.get() > 0 && System.nanoTime() - start < spinNanos);
        int running = threads.incrementAndGet();
        if (running > maxThreads) {
            threads.decrementAndGet();
            throw new RejectedExecutionException(maxThreads + " Lambda calls are running already");
        }
        Worker w = new Worker(call);
        w.thread.start();
    }

    /**
     * Returns whether no call is in flight but the caller's own and the one that just answered it
     * (whose thread may not have counted it finished yet): then a caller may spin for its answer,
     * since no other call needs the CPU it would take.
     */
    public boolean isQuiet() {
        return inFlight.get() <= 2;
    }

    /** Returns how many threads are alive (running a call or idle). */
    public int threadCount() {
        return threads.get();
    }

    /** Returns how many threads wait for a call. */
    int idleCount() {
        return idle.size();
    }

    private final class Worker implements Runnable {
        final AtomicReference<Runnable> slot;
        final Thread thread;

        Worker(Runnable first) {
            slot = new AtomicReference<>(first);
            thread = new Thread(this, "apigw-lambda-" + names.incrementAndGet());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (Runnable call = slot.get(); call != null; call = awaitCall()) {
                    Thread.interrupted(); // a late cancel of the last call must not reach this one
                    try {
                        call.run();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            } finally {
                threads.decrementAndGet();
            }
        }

        /** Returns the next call, or null once idle for the keep-alive (the thread then ends). */
        private Runnable awaitCall() {
            slot.set(null);
            idle.addFirst(this);
            long start = System.nanoTime();
            Runnable call = slot.get();
            if (inFlight.get() <= 1 && spinners.compareAndSet(0, 1)) {
                while (call == null && System.nanoTime() - start < spinNanos) {
                    Thread.onSpinWait();
                    call = slot.get();
                }
                spinners.set(0);
            }
            while (call == null) {
                long left = keepAliveNanos - (System.nanoTime() - start);
                if (left <= 0 && slot.compareAndSet(null, ENDED)) {
                    idle.remove(this);
                    return null;
                }
                LockSupport.parkNanos(this, Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
                Thread.interrupted(); // a late cancel of the last call must not make this spin
                call = slot.get();
            }
            return call;
        }
    }
}
