package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;

/**
 * One stage of API Gateway's request flow. A step may act before and after {@code next}, answer
 * without calling it, or end the chain. It rejects a request by throwing {@link GatewayException};
 * it never returns null.
 */
@FunctionalInterface
public interface Step {
    /** Handles the exchange, calling {@code next} to go on. */
    Response apply(Exchange exchange, Chain next);
}
