package dev.apigw.runtime.httpapi;

import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Gateway;

/** Compiles each kind of HTTP API integration (reference 11.1: AWS_PROXY and HTTP_PROXY). */
final class RouteIntegrations {
    private RouteIntegrations() {}

    /** Compiles {@code integration} for an API of {@code gateway}; fails naming it. */
    static RouteIntegration compile(HttpIntegration integration, Gateway gateway) {
        if (integration.integrationSubtype().isPresent()) {
            return ServiceIntegration.compile(integration, gateway.region());
        }
        if (integration.integrationType() == IntegrationType.AWS_PROXY) {
            return new LambdaProxyIntegration(integration);
        }
        return new HttpProxyIntegration(integration);
    }
}
