package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.List;

/**
 * The REST API request pipeline: the steps in the order of API Gateway's request flow (reference
 * section 8.1), outermost first. The front-door limits (reference 9.5) come before stage and route
 * resolution: a malformed or oversized request is refused whatever its path names. Request
 * validation follows the API key step (parameters, then body). Internal.
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

    private final List<Step> steps =
            List.of(
                    new ObserveStep(),
                    new StandardHeadersStep(),
                    new GatewayResponseStep(),
                    new LimitsStep(),
                    new StageStep(),
                    new RouteMatchStep(),
                    new RequestDecompressionStep(),
                    new ApiKeyStep(),
                    new RequestValidationStep(),
                    new ResponseCompressionStep(),
                    new MethodResponseStep(),
                    new IntegrationResponseStep(),
                    new IntegrationRequestStep(),
                    new IntegrationStep());
    private final Chain first = RealChain.of(steps);

    /** Runs every step for one exchange. */
    public Response handle(Exchange exchange) {
        return first.proceed(exchange);
    }
}
