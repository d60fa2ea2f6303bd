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
            throw notServed(integration, "AWS service integrations");
        }
        if (integration.integrationType() == IntegrationType.AWS_PROXY) {
            return new LambdaProxyIntegration(integration);
        }
        throw notServed(integration, "HTTP proxy integrations");
    }

    private static IllegalArgumentException notServed(HttpIntegration integration, String what) {
        return new IllegalArgumentException(
                "integration " + integration.integrationId() + ": " + what + " are not served");
    }
}
