package dev.apigw.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The recording and scripting shared by {@link FakeLambda}, {@link RecordingHttpBackend} and {@link
 * RecordingAwsServiceBackend}: every call is recorded, then answered by the scripted answers in
 * order, the last one going on answering once the others are used; before any is scripted, by the
 * default. Thread-safe: one lock orders recording and the choice of answer, and the answer runs
 * outside it.
 *
 * @param <C> what a call records
 * @param <R> what a call answers
 */
final class Script<C, R> {
    private final String owner;
    private final Function<C, R> fallback;
    private final List<Function<C, R>> answers = new ArrayList<>();
    private final List<C> calls = new ArrayList<>();
    private int used;
    private boolean closed;

    Script(String owner, Function<C, R> fallback) {
        this.owner = owner;
        this.fallback = fallback;
    }

    /** Adds an answer after those already scripted. */
    synchronized void add(Function<C, R> answer) {
        answers.add(Objects.requireNonNull(answer, "answer"));
    }

    /** Records a call and returns its answer; fails once the script is closed. */
    R call(C call) {
        Function<C, R> answer;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(owner + " was called after its test ended");
            }
            calls.add(call);
            if (answers.isEmpty()) {
                answer = fallback;
            } else {
                answer = answers.get(Math.min(used, answers.size() - 1));
                used++;
            }
        }
        return answer.apply(call);
    }

    /** Returns the calls recorded so far, oldest first. */
    synchronized List<C> calls() {
        return List.copyOf(calls);
    }

    /**
     * Returns the last call; fails with an {@link AssertionError} naming the owner and what it
     * should have received ({@code "a request"}) if there was none.
     */
    synchronized C last(String what) {
        if (calls.isEmpty()) {
            throw new AssertionError(
                    String.format(
                            "%nExpecting %s to have received %s%nbut it received none",
                            owner, what));
        }
        return calls.get(calls.size() - 1);
    }

    /** Makes every later call fail. */
    synchronized void close() {
        closed = true;
    }
}
