package dev.apigw.runtime.websocket;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.integration.LambdaArn;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.pipeline.Backends;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the integrations of a WebSocket API's routes once, when its gateway is built (reference
 * 2.6, 6, 7.3): {@code AWS_PROXY} to a Lambda function ({@link LambdaProxyRoute}); {@code AWS} (a
 * Lambda function or an AWS service), {@code HTTP}, {@code HTTP_PROXY} and {@code MOCK} as a {@link
 * BackendRoute} with the integration's templates, request parameters and integration responses,
 * compiled by one {@link TemplateEngine} with its budgets. A template that does not parse is logged
 * as a warning and fails its calls; an integration naming no valid Lambda function fails the build
 * naming it.
 */
final class RouteIntegrations {
    private static final Logger LOG = LoggerFactory.getLogger(RouteIntegrations.class);

    private final Gateway gateway;
    private final Backends backends;
    private final Map<String, String> stageVariables;
    private final String domainName;
    private final String apiId;
    private TemplateEngine engine; // made on first need: Velocity takes time to start

    RouteIntegrations(
            Gateway gateway,
            Backends backends,
            Map<String, String> stageVariables,
            String domainName,
            String apiId) {
        this.gateway = gateway;
        this.backends = backends;
        this.stageVariables = Map.copyOf(stageVariables);
        this.domainName = domainName;
        this.apiId = apiId;
    }

    /** Returns the integration of every route that has one, by route key. */
    Map<String, RouteIntegration> compile(WebSocketApi api) {
        Map<String, RouteIntegration> byRoute = new HashMap<>();
        for (WebSocketRoute route : api.routes().values()) {
            route.integrationId()
                    .map(id -> api.integrations().get(id))
                    .map(this::compile)
                    .ifPresent(i -> byRoute.put(route.routeKey(), i));
        }
        return Map.copyOf(byRoute);
    }

    private RouteIntegration compile(WebSocketIntegration integration) {
        try {
            return switch (integration.integrationType()) {
                case AWS_PROXY -> lambdaProxy(integration);
                case HTTP_PROXY ->
                        new BackendRoute(
                                RequestTemplates.NONE,
                                new RequestParameters(integration.requestParameters()),
                                new HttpCall(
                                        integration, backends.httpBackend(), stageVariables, apiId),
                                IntegrationResponses.PASSTHROUGH,
                                stageVariables,
                                domainName);
                default -> mapped(integration, call(integration));
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "integration " + integration.integrationId() + ": " + e.getMessage(), e);
        }
    }

    private RouteIntegration lambdaProxy(WebSocketIntegration integration) {
        String uri = integration.integrationUri().orElse("");
        if (uri.startsWith("arn:") && !uri.contains(":lambda:")) {
            return RouteIntegration.NO_FUNCTION;
        }
        LambdaCall call =
                new LambdaCall(
                        LambdaArn.parseTarget(uri), integration.timeoutInMillis(), "integration");
        return new LambdaProxyRoute(call, gateway, backends, stageVariables);
    }

    private IntegrationCall call(WebSocketIntegration integration) {
        if (integration.integrationType() == IntegrationType.MOCK) {
            return MockCall.INSTANCE;
        }
        if (integration.integrationType() == IntegrationType.HTTP) {
            return new HttpCall(integration, backends.httpBackend(), stageVariables, apiId);
        }
        String uri = integration.integrationUri().orElseThrow();
        if (uri.contains(":lambda:path/")) {
            LambdaCall call =
                    new LambdaCall(
                            LambdaArn.parse(uri), integration.timeoutInMillis(), "integration");
            return new LambdaFunctionCall(call, gateway, backends, stageVariables);
        }
        return new ServiceCall(integration, backends, stageVariables);
    }

    private TemplateEngine engine() {
        if (engine == null) {
            engine = TemplateEngine.create();
        }
        return engine;
    }

    private RouteIntegration mapped(WebSocketIntegration integration, IntegrationCall call) {
        return new BackendRoute(
                RequestTemplates.compile(integration, engine(), LOG::warn),
                new RequestParameters(integration.requestParameters()),
                call,
                IntegrationResponses.compile(integration, engine(), LOG::warn),
                stageVariables,
                domainName);
    }
}
