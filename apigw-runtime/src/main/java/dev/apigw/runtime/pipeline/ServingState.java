package dev.apigw.runtime.pipeline;

import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Gateway;
import java.util.List;
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
 * @param usagePlans the usage plans
 * @param gateway the account the API lives in
 * @param backends the backends the API's integrations call
 * @param contextVariables the {@code $context} variables of the API's pipeline
 * @param accessLogFormats the compiled access-log format of each stage that has one, by stage name
 *     (reference 10.3)
 */
public record ServingState(
        String apiId,
        Map<String, DeployedStage> stages,
        ApiKeys apiKeys,
        List<UsagePlan> usagePlans,
        Gateway gateway,
        Backends backends,
        ContextVariables contextVariables,
        Map<String, AccessLogFormat> accessLogFormats) {
    /** Checks and copies. */
    public ServingState {
        Objects.requireNonNull(apiId);
        stages = Map.copyOf(stages);
        Objects.requireNonNull(apiKeys);
        usagePlans = List.copyOf(usagePlans);
        Objects.requireNonNull(gateway);
        Objects.requireNonNull(backends);
        Objects.requireNonNull(contextVariables);
        accessLogFormats = Map.copyOf(accessLogFormats);
    }

    /** Returns a state whose stages write no access logs. */
    public ServingState(
            String apiId,
            Map<String, DeployedStage> stages,
            ApiKeys apiKeys,
            List<UsagePlan> usagePlans,
            Gateway gateway,
            Backends backends,
            ContextVariables contextVariables) {
        this(apiId, stages, apiKeys, usagePlans, gateway, backends, contextVariables, Map.of());
    }

    /** Returns the stage of this name, if deployed. */
    public Optional<DeployedStage> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }
}
