package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.List;

/**
 * The rest of one request's pipeline from a position in the step list, enforcing the step contract
 * (OkHttp's {@code RealInterceptorChain}): a step calls {@code next} at most once per request, so
 * that a cache or throttle step can never invoke a backend twice; a step never returns null; the
 * last step does not call {@code next}. A breach is a bug and fails with {@link
 * IllegalStateException} naming the step, before the next step runs. A {@link GatewayException}
 * leaves carrying the exchange its step was given, so that the gateway response sees the stage,
 * route and key resolved before the failure (reference 3.2).
 *
 * <p>A chain belongs to one request: {@link #start} makes the first, and each {@link #proceed}
 * makes the one it hands its step, so "called twice" is a plain field of an object no other request
 * sees, and no state is shared between threads. That costs one small object per step and request
 * (measured within noise on the whole pipeline, {@code benchmarks/README.md}).
 */
final class RealChain implements Chain {
    private final List<Step> steps;
    private final int index;
    private boolean called;

    private RealChain(List<Step> steps, int index) {
        this.steps = steps;
        this.index = index;
    }

    /** Runs {@code steps} (not empty, immutable) for one exchange with a chain of its own. */
    static Response start(List<Step> steps, Exchange exchange) {
        return new RealChain(steps, 0).proceed(exchange);
    }

    @Override
    public Response proceed(Exchange exchange) {
        if (index == steps.size()) {
            throw new IllegalStateException(caller() + " is the last step and must not call next");
        }
        if (called) {
            throw new IllegalStateException(
                    caller() + " called next twice; a step calls next at most once per request");
        }
        called = true;
        Step step = steps.get(index);
        Response response;
        try {
            response = step.apply(exchange, new RealChain(steps, index + 1));
        } catch (GatewayException e) {
            throw e.thrownAt(exchange);
        }
        if (response == null) {
            throw new IllegalStateException(name(step) + " returned null");
        }
        return response;
    }

    /** Returns the name of the step this chain was handed to. */
    private String caller() {
        return index == 0 ? "the pipeline" : name(steps.get(index - 1));
    }

    private static String name(Step step) {
        return step.getClass().getSimpleName();
    }
}
