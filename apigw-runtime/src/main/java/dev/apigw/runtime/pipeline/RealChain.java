package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.List;

/**
 * A position in the step list that enforces the step contract: a step that returns null, or the
 * last step calling {@code next}, is a bug and fails naming the step. A {@link GatewayException}
 * leaves carrying the exchange its step was given, so that the gateway response sees the stage,
 * route and key resolved before the failure (reference 3.2).
 */
final class RealChain implements Chain {
    private final Step step;
    private final Chain next;

    private RealChain(Step step, Chain next) {
        this.step = step;
        this.next = next;
    }

    static Chain of(List<Step> steps) {
        Chain chain =
                exchange -> {
                    throw new IllegalStateException(
                            steps.get(steps.size() - 1).getClass().getSimpleName()
                                    + " is the last step and must not call next");
                };
        for (int i = steps.size() - 1; i >= 0; i--) {
            chain = new RealChain(steps.get(i), chain);
        }
        return chain;
    }

    @Override
    public Response proceed(Exchange exchange) {
        Response response;
        try {
            response = step.apply(exchange, next);
        } catch (GatewayException e) {
            throw e.thrownAt(exchange);
        }
        if (response == null) {
            throw new IllegalStateException(step.getClass().getSimpleName() + " returned null");
        }
        return response;
    }
}
