package dev.apigw.runtime.pipeline;

import dev.apigw.model.Deployment;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.routing.RouteMatcher;
import java.util.List;
import java.util.Objects;

/**
 * A deployment compiled for serving: its route trie and gateway responses. Immutable; shared by
 * every stage that points at the deployment. Internal.
 *
 * @param deployment the deployment
 * @param routes the resource methods by path and HTTP method
 * @param gatewayResponses the deployed API's gateway responses
 * @param warnings what the deployment accepted that will fail requests (a template that does not
 *     parse), one line each naming the place
 */
public record CompiledDeployment(
        Deployment deployment,
        RouteMatcher<CompiledMethod> routes,
        GatewayResponder gatewayResponses,
        List<String> warnings) {
    /** Checks that no field is null and copies the warnings. */
    public CompiledDeployment {
        Objects.requireNonNull(deployment);
        Objects.requireNonNull(routes);
        Objects.requireNonNull(gatewayResponses);
        warnings = List.copyOf(warnings);
    }

    /** Returns the API definition this deployment froze. */
    public RestApi restApi() {
        return deployment.restApi();
    }
}
