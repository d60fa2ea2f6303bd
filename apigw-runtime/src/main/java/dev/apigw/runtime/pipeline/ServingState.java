package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Gateway;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@code Api} serves from, fixed when it is built: the API id, the stages with their
 * compiled deployments, the account's API keys and usage plans, the account itself and the backends
 * the host bound. Internal.
 *
 * @param apiId the REST API id
 * @param stages deployed stages by name
 * @param apiKeys the account's API keys, found by value
 * @param usagePlans the account's usage plans, indexed by the stages of this API they cover
 * @param gateway the account the API lives in
 * @param backends the backends the API's integrations call
 * @param contextVariables the {@code $context} variables of the API's pipeline
 */
public record ServingState(
        String apiId,
        Map<String, DeployedStage> stages,
        ApiKeys apiKeys,
        UsagePlans usagePlans,
        Gateway gateway,
        Backends backends,
        ContextVariables contextVariables) {
    /** Checks and copies. */
    public ServingState {
        Objects.requireNonNull(apiId);
        stages = Map.copyOf(stages);
        Objects.requireNonNull(apiKeys);
        Objects.requireNonNull(usagePlans);
        Objects.requireNonNull(gateway);
        Objects.requireNonNull(backends);
        Objects.requireNonNull(contextVariables);
    }

    /** Returns the stage of this name, if deployed. */
    public Optional<DeployedStage> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }
}
