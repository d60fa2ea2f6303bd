package dev.apigw.runtime.pipeline;

import dev.apigw.model.Deployment;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.gatewayresponse.GatewayResponses;
import dev.apigw.runtime.routing.RouteMatcher;
import java.util.Objects;

/**
 * A deployment compiled for serving: its route trie and gateway responses. Immutable; shared by
 * every stage that points at the deployment. Internal.
 *
 * @param deployment the deployment
 * @param routes the resource methods by path and HTTP method
 * @param gatewayResponses the deployed API's gateway responses
 */
public record CompiledDeployment(Deployment deployment, RouteMatcher<CompiledMethod> routes,
        GatewayResponses gatewayResponses) {
    /** Checks that no field is null. */
    public CompiledDeployment {
        Objects.requireNonNull(deployment);
        Objects.requireNonNull(routes);
        Objects.requireNonNull(gatewayResponses);
    }

    /** Returns the API definition this deployment froze. */
    public RestApi restApi() {
        return deployment.restApi();
    }
}
