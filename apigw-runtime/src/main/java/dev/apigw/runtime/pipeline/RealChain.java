package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.List;

/**
 * One request's way through the step list, enforcing the step contract (OkHttp's {@code
 * RealInterceptorChain}): a step calls {@code next} at most once per request, so that a cache or
 * throttle step can never invoke a backend twice; a step never returns null; the last step does not
 * call {@code next}. A breach is a bug and fails with {@link IllegalStateException} naming the
 * step, before any later step runs again. A {@link GatewayException} leaves carrying the exchange
 * its step was given, so that the gateway response sees the stage, route and key resolved before
 * the failure (reference 3.2).
 *
 * <p>{@link #start} makes one chain per request, handed to every step of that request; no other
 * request sees it, so nothing is shared between threads. It knows which step calls because steps
 * nest: while step {@code i} runs, {@link #proceed} runs step {@code i + 1}. Each step runs at most
 * once per request, so a call that would run a step already started is a second call of {@code
 * next}. A step calls {@code next} only while it runs, in its own thread. One object per request
 * rather than OkHttp's copy per step: the copies added 336 bytes to each request of {@code
 * PipelineBenchmark.mock} (5,920 to 6,256), this one object about 24.
 */
public final class RealChain implements Chain {
    private final List<Step> steps;

    /** The index of the step {@link #proceed} runs: one past the running step. */
    private int position;

    /** The index of the last step started: steps start in order, each at most once. */
    private int started = -1;

    private RealChain(List<Step> steps) {
        this.steps = steps;
    }

    /** Runs {@code steps} (immutable) for one exchange, through a chain of its own. */
    public static Response start(List<Step> steps, Exchange exchange) {
        return new RealChain(steps).proceed(exchange);
    }

    @Override
    public Response proceed(Exchange exchange) {
        int index = position;
        if (index == steps.size()) {
            throw new IllegalStateException(
                    caller(index) + " is the last step and must not call next");
        }
        if (index <= started) {
            throw new IllegalStateException(
                    caller(index)
                            + " called next twice; a step calls next at most once per request");
        }
        started = index;
        exchange.record().enter(exchange);
        Step step = steps.get(index);
        Response response;
        position = index + 1;
        try {
            response = step.apply(exchange, this);
        } catch (GatewayException e) {
            throw e.thrownAt(exchange);
        } finally {
            position = index;
        }
        if (response == null) {
            throw new IllegalStateException(name(step) + " returned null");
        }
        return response;
    }

    /** Returns the name of the step that calls to run step {@code index}. */
    private String caller(int index) {
        return index == 0 ? "the pipeline" : name(steps.get(index - 1));
    }

    private static String name(Step step) {
        return step.getClass().getSimpleName();
    }
}
