package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Gateway;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@code Api} serves from, fixed when it is built: the API id, the stages with their
 * compiled deployments and canary releases, the account's API keys and usage plans, the account
 * itself and the backends the host bound. Internal.
 *
 * @param apiId the REST API id
 * @param stages deployed stages by name
 * @param apiKeys the account's API keys, found by value
 * @param usagePlans the account's usage plans, indexed by the stages of this API they cover
 * @param gateway the account the API lives in
 * @param backends the backends the API's integrations call
 * @param contextVariables the {@code $context} variables of the API's pipeline
 * @param canaries the canary releases of the stages that have one, by stage name (reference 9.2)
 * @param accessLogFormats the compiled access-log format of each stage that has one, by stage name
 *     (reference 10.3)
 * @param features what a kind of API compiled for itself (an HTTP API's routes and stages)
 */
public record ServingState(
        String apiId,
        Map<String, DeployedStage> stages,
        ApiKeys apiKeys,
        UsagePlans usagePlans,
        Gateway gateway,
        Backends backends,
        ContextVariables contextVariables,
        Map<String, CanaryRelease> canaries,
        Map<String, AccessLogFormat> accessLogFormats,
        Attributes features) {
    /** Checks and copies. */
    public ServingState {
        Objects.requireNonNull(apiId);
        stages = Map.copyOf(stages);
        Objects.requireNonNull(apiKeys);
        Objects.requireNonNull(usagePlans);
        Objects.requireNonNull(gateway);
        Objects.requireNonNull(backends);
        Objects.requireNonNull(contextVariables);
        canaries = Map.copyOf(canaries);
        accessLogFormats = Map.copyOf(accessLogFormats);
        Objects.requireNonNull(features);
    }

    /** Returns the state of a REST API: no compiled features of other kinds of API. */
    public ServingState(
            String apiId,
            Map<String, DeployedStage> stages,
            ApiKeys apiKeys,
            UsagePlans usagePlans,
            Gateway gateway,
            Backends backends,
            ContextVariables contextVariables,
            Map<String, CanaryRelease> canaries,
            Map<String, AccessLogFormat> accessLogFormats) {
        this(
                apiId,
                stages,
                apiKeys,
                usagePlans,
                gateway,
                backends,
                contextVariables,
                canaries,
                accessLogFormats,
                Attributes.empty());
    }

    /** Returns what was compiled under {@code key}; reading a feature never compiled is a bug. */
    public <T> T feature(AttributeKey<T> key) {
        return features.get(key)
                .orElseThrow(() -> new IllegalStateException("no compiled " + key.name()));
    }

    /** Returns the serving state of stages without canary releases or access logs. */
    public ServingState(
            String apiId,
            Map<String, DeployedStage> stages,
            ApiKeys apiKeys,
            UsagePlans usagePlans,
            Gateway gateway,
            Backends backends,
            ContextVariables contextVariables) {
        this(
                apiId,
                stages,
                apiKeys,
                usagePlans,
                gateway,
                backends,
                contextVariables,
                Map.of(),
                Map.of());
    }

    /** Returns the stage of this name, if deployed. */
    public Optional<DeployedStage> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /** Returns the canary release of the stage of this name, if it has one. */
    public Optional<CanaryRelease> canary(String stageName) {
        return Optional.ofNullable(canaries.get(stageName));
    }
}
