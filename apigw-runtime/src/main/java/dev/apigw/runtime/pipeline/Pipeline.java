package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.List;

/**
 * A named assembly of steps: one ordered list per kind of API, outermost first. {@link #rest()} is
 * the REST API request pipeline; HTTP and WebSocket APIs get theirs when they land, reusing the
 * steps that apply. Immutable and thread-safe. Internal.
 */
public final class Pipeline {
    /**
     * The {@code $context} variables of the REST pipeline: those of every request, then each
     * feature's. Built once.
     */
    static final ContextVariables CONTEXT_VARIABLES =
            ContextVariables.builder()
                    .registerAll(ContextVariables::requestVariables)
                    .registerAll(ApiKeyStep::contextVariables)
                    .build();

    private final List<Step> steps;

    private Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Returns the REST API request pipeline, the steps in the order of API Gateway's request flow
     * (reference section 8.1). The front-door limits (reference 9.5) come before stage and route
     * resolution: a malformed or oversized request is refused whatever its path names. Request
     * validation follows the API key step (parameters, then body). The stage is the first path
     * segment, as in an execute-api URL.
     */
    public static Pipeline rest() {
        return new Pipeline(
                List.of(
                        new ObserveStep(),
                        new StandardHeadersStep(),
                        new GatewayResponseStep(),
                        new LimitsStep(),
                        new StageStep(StageResolver.pathPrefix()),
                        new RouteMatchStep(),
                        new RequestDecompressionStep(),
                        new ApiKeyStep(),
                        new RequestValidationStep(),
                        new ResponseCompressionStep(),
                        new MethodResponseStep(),
                        new IntegrationResponseStep(),
                        new IntegrationRequestStep(),
                        new IntegrationStep()));
    }

    /** Returns the steps, outermost first. */
    public List<Step> steps() {
        return steps;
    }

    /** Runs every step for one exchange, through a chain of its own ({@link RealChain}). */
    public Response handle(Exchange exchange) {
        return RealChain.start(steps, exchange);
    }
}
