package dev.apigw.samples.localserver.isolate;

import dev.apigw.runtime.spi.LambdaResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Lambda Runtime API state of one runtime process: the invocations handed to it, the one it is
 * running, and its init error. {@link RuntimeApiServer} calls it for each request of the process;
 * {@link IsolatedFunction} hands it invocations and tells it when the process exits.
 */
final class RuntimeSession {
    /** What the Runtime API answers a runtime's report with. */
    enum Answer {
        /** 202 {@code {"status":"OK"}}. */
        ACCEPTED,
        /** 400 {@code InvalidRequestID}: not the invocation the process is running. */
        INVALID_REQUEST_ID,
        /** 413 {@code RequestEntityTooLarge}: the response passed Lambda's 6 MB. */
        TOO_LARGE,
        /** 403 {@code InvalidStateTransition}: an init error after the init. */
        INVALID_STATE
    }

    private final String id;
    private final BlockingQueue<Optional<PendingInvocation>> handed = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private PendingInvocation current;
    private LambdaResult initError;
    private boolean initialized;
    private boolean exited;

    RuntimeSession(String id) {
        this.id = id;
    }

    /** Returns the path segment that names this process in its {@code AWS_LAMBDA_RUNTIME_API}. */
    String id() {
        return id;
    }

    /** Hands an invocation to the process; ends it at once if the process is already gone. */
    void hand(PendingInvocation invocation) {
        synchronized (lock) {
            if (exited) {
                invocation.retry();
                return;
            }
            if (initError != null) {
                invocation.complete(initError);
                return;
            }
            handed.add(Optional.of(invocation));
        }
    }

    /**
     * Waits for the next invocation ({@code GET /runtime/invocation/next}) and makes it current,
     * with its deadline; empty once the process is going away.
     */
    Optional<PendingInvocation> next(long nowMillis) throws InterruptedException {
        while (true) {
            Optional<PendingInvocation> taken = handed.take();
            if (taken.isEmpty()) {
                handed.add(taken);
                return taken;
            }
            PendingInvocation invocation = taken.get();
            synchronized (lock) {
                initialized = true;
                long deadline = nowMillis + invocation.timeoutSeconds() * 1000L;
                if (invocation.start(deadline)) {
                    current = invocation;
                    return taken;
                }
            }
        }
    }

    /** Takes the result of the current invocation ({@code POST …/{id}/response}). */
    Answer respond(String requestId, byte[] body) {
        return end(requestId, LambdaResult.of(body));
    }

    /** Takes a response past Lambda's 6 MB: the invocation fails as Lambda fails it. */
    Answer respondTooLarge(String requestId) {
        Answer answer = end(requestId, LambdaResult.responseSizeTooLarge());
        return answer == Answer.ACCEPTED ? Answer.TOO_LARGE : answer;
    }

    /** Takes the error of the current invocation ({@code POST …/{id}/error}). */
    Answer fail(String requestId, String errorType, byte[] body) {
        return end(requestId, errorResult(errorType, body));
    }

    /**
     * Takes an init error ({@code POST /runtime/init/error}): the invocations waiting for the
     * process, and any handed to it later, answer with it.
     */
    Answer initError(String errorType, byte[] body) {
        List<PendingInvocation> waiting = new ArrayList<>();
        LambdaResult error = errorResult(errorType, body);
        synchronized (lock) {
            if (initialized || initError != null) {
                return Answer.INVALID_STATE;
            }
            initError = error;
            for (Optional<PendingInvocation> each : drain()) {
                each.ifPresent(waiting::add);
            }
        }
        waiting.forEach(invocation -> invocation.complete(error));
        return Answer.ACCEPTED;
    }

    /**
     * Ends this session when its process has exited: the invocation it was running fails with
     * Lambda's {@code Runtime.ExitError}; those it had not taken are retried elsewhere when the
     * process had served before, else fail the same way (it died in its init).
     */
    void exited(int exitValue) {
        PendingInvocation running;
        List<Optional<PendingInvocation>> waiting;
        boolean served;
        synchronized (lock) {
            exited = true;
            running = current;
            current = null;
            served = initialized;
            waiting = drain();
            handed.add(Optional.empty());
        }
        if (running != null) {
            running.complete(RuntimeErrors.exited(running.requestId(), exitValue));
        }
        for (Optional<PendingInvocation> each : waiting) {
            each.ifPresent(
                    invocation -> {
                        if (served) {
                            invocation.retry();
                        } else {
                            invocation.complete(
                                    RuntimeErrors.exited(invocation.requestId(), exitValue));
                        }
                    });
        }
    }

    /** Releases a {@link #next} that waits, when the process is being stopped. */
    void close() {
        synchronized (lock) {
            exited = true;
            drain().forEach(each -> each.ifPresent(PendingInvocation::retry));
            handed.add(Optional.empty());
        }
    }

    private Answer end(String requestId, LambdaResult result) {
        PendingInvocation invocation;
        synchronized (lock) {
            if (current == null || !current.requestId().equals(requestId)) {
                return Answer.INVALID_REQUEST_ID;
            }
            invocation = current;
            current = null;
        }
        invocation.complete(result);
        return Answer.ACCEPTED;
    }

    private List<Optional<PendingInvocation>> drain() {
        List<Optional<PendingInvocation>> drained = new ArrayList<>();
        handed.drainTo(drained);
        return drained;
    }

    private static LambdaResult errorResult(String errorType, byte[] body) {
        if (body.length == 0) {
            return RuntimeErrors.fromErrorType(errorType == null ? "Runtime.Unknown" : errorType);
        }
        return LambdaResult.functionError(body);
    }
}
