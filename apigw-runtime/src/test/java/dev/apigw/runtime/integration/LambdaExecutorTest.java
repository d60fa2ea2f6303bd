package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The default executor of synchronous Lambda calls (reference 9.5: the timeout must hold). */
class LambdaExecutorTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    @Test
    void execute_callAfterTheLastEnded_reusesItsThread() throws Exception {
        LambdaExecutor executor = LambdaExecutor.create(10, Duration.ofMillis(50), LONG);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        for (int i = 0; i < 200; i++) {
            FutureTask<Thread> call = new FutureTask<>(Thread::currentThread);
            executor.execute(call);
            threads.add(call.get(10, TimeUnit.SECONDS));
            while (executor.idleCount() == 0) {
                Thread.onSpinWait();
            }
        }

        assertThat(threads)
                .hasSize(1)
                .allSatisfy(t -> assertThat(t.isDaemon()).isTrue())
                .allSatisfy(t -> assertThat(t.getName()).startsWith("apigw-lambda-"));
    }

    @Test
    void execute_whileACallRuns_runsTheNextOnAnotherThreadAtOnce() throws Exception {
        LambdaExecutor executor = LambdaExecutor.create(10, Duration.ZERO, LONG);
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<Boolean> blocked = new FutureTask<>(() -> release.await(10, TimeUnit.SECONDS));
        executor.execute(blocked);

        FutureTask<String> next = new FutureTask<>(() -> "answered");
        executor.execute(next);

        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(executor.threadCount()).isEqualTo(2);
        release.countDown();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void execute_pastMaxThreads_rejects() {
        LambdaExecutor executor = LambdaExecutor.create(1, Duration.ZERO, LONG);
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> awaitQuietly(release));
        try {
            assertThatThrownBy(() -> executor.execute(() -> {}))
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessage("1 Lambda calls are running already");
        } finally {
            release.countDown();
        }
    }

    @Test
    void execute_afterACancelledCall_runsTheNextUninterrupted() throws Exception {
        LambdaExecutor executor = LambdaExecutor.create(1, Duration.ofMillis(50), LONG);
        CountDownLatch started = new CountDownLatch(1);
        FutureTask<Boolean> abandoned =
                new FutureTask<>(
                        () -> {
                            started.countDown();
                            new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                            return true;
                        });
        executor.execute(abandoned);
        started.await(10, TimeUnit.SECONDS);
        abandoned.cancel(true);

        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            FutureTask<Boolean> call =
                    new FutureTask<>(() -> Thread.currentThread().isInterrupted());
            executeWhenFree(executor, call);
            interrupted.add(call.get(10, TimeUnit.SECONDS));
        }

        assertThat(interrupted).containsOnly(false);
    }

    @Test
    void idleThread_pastKeepAlive_ends() throws Exception {
        LambdaExecutor executor = LambdaExecutor.create(4, Duration.ZERO, Duration.ofMillis(1));
        FutureTask<Thread> call = new FutureTask<>(Thread::currentThread);
        executor.execute(call);
        Thread worker = call.get(10, TimeUnit.SECONDS);

        worker.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(worker.isAlive()).isFalse();
        assertThat(executor.threadCount()).isZero();
        FutureTask<String> next = new FutureTask<>(() -> "answered");
        executor.execute(next);
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
    }

    /** Executes once the single thread took the call (the cancelled call may still run). */
    private static void executeWhenFree(LambdaExecutor executor, Runnable call) {
        while (true) {
            try {
                executor.execute(call);
                return;
            } catch (RejectedExecutionException busy) {
                Thread.onSpinWait();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
