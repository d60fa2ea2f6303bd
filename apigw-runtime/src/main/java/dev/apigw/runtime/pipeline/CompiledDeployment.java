package dev.apigw.runtime.pipeline;

import dev.apigw.model.Deployment;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.routing.RouteMatcher;
import java.util.List;
import java.util.Objects;

/**
 * A deployment compiled for serving: its route trie, gateway responses and what each API-level
 * feature compiled (the resource policy, the authorizers), under the feature's own {@link
 * AttributeKey}. Immutable; shared by every stage that points at the deployment. Internal.
 *
 * @param deployment the deployment
 * @param routes the resource methods by path and HTTP method
 * @param gatewayResponses the deployed API's gateway responses
 * @param warnings what the deployment accepted that will fail requests (a template that does not
 *     parse), one line each naming the place
 * @param features what each API-level feature compiled, by the feature's key
 */
public record CompiledDeployment(
        Deployment deployment,
        RouteMatcher<CompiledMethod> routes,
        GatewayResponder gatewayResponses,
        List<String> warnings,
        Attributes features) {
    /** Checks that no field is null and copies the warnings. */
    public CompiledDeployment {
        Objects.requireNonNull(deployment);
        Objects.requireNonNull(routes);
        Objects.requireNonNull(gatewayResponses);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(features);
    }

    /**
     * Returns what the feature of {@code key} compiled for this deployment; a bug if it did not.
     */
    public <T> T feature(AttributeKey<T> key) {
        return features.get(key)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "deployment has no compiled " + key.name()));
    }

    /** Returns the API definition this deployment froze. */
    public RestApi restApi() {
        return deployment.restApi();
    }
}
