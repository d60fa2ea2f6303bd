package dev.apigw.runtime.websocket;

import dev.apigw.model.ApiKey;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.http.JdkHttpBackend;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.util.Collection;
import java.util.Map;

/**
 * The three kinds of route of one stage of a WebSocket API, compiled once when its gateway is built
 * (reference 7.3): {@code $connect} with its access control, the message routes, {@code
 * $disconnect}, all calling the integrations {@link RouteIntegrations} compiled with the backends
 * the host bound.
 *
 * @param handshake {@code $connect}
 * @param router the message routes
 * @param disconnect {@code $disconnect}
 * @param throttles the stage's and the account's buckets, which {@code @connections} calls take
 *     from too
 * @param observer the stage's metrics and logs (reference 10.1 to 10.3)
 */
record CompiledRoutes(
        ConnectHandshake handshake,
        MessageRouter router,
        DisconnectRoute disconnect,
        RouteThrottles throttles,
        WebSocketObserver observer) {
    /**
     * What the host bound for one gateway.
     *
     * @param lambdas functions by name, or by {@code name:qualifier}
     * @param httpBackend the backend of HTTP integrations, or null for {@link JdkHttpBackend}
     * @param awsServiceBackend the backend of AWS service integrations, or null for none
     * @param apiKeys the account's API keys
     * @param usagePlans the account's usage plans
     * @param credentials the IAM credentials {@code AWS_IAM} on {@code $connect} accepts
     */
    record Bindings(
            Map<String, LambdaFunction> lambdas,
            HttpBackend httpBackend,
            AwsServiceBackend awsServiceBackend,
            Collection<ApiKey> apiKeys,
            Collection<UsagePlan> usagePlans,
            CredentialsResolver credentials) {}

    /** Compiles the routes of {@code api} on {@code stage}; fails naming what is invalid. */
    static CompiledRoutes compile(
            WebSocketApi api,
            WebSocketStage stage,
            Gateway gateway,
            Bindings bindings,
            OpenConnections connections) {
        WebSocketEvents events =
                new WebSocketEvents(
                        api.id() + ".execute-api." + gateway.region() + ".amazonaws.com");
        Backends backends =
                new Backends(
                        bindings.lambdas(),
                        bindings.httpBackend() != null
                                ? bindings.httpBackend()
                                : JdkHttpBackend.create(),
                        bindings.awsServiceBackend() != null
                                ? bindings.awsServiceBackend()
                                : Backends.NO_AWS_SERVICE_BACKEND,
                        Backends.NO_CREDENTIALS,
                        Attributes.empty());
        Map<String, RouteIntegration> integrations =
                new RouteIntegrations(
                                gateway,
                                backends,
                                stage.stageVariables(),
                                events.domainName(),
                                api.id())
                        .compile(api);
        ConnectAccess access =
                ConnectAccess.compile(
                        api,
                        stage,
                        gateway,
                        backends,
                        bindings.apiKeys(),
                        bindings.usagePlans(),
                        bindings.credentials());
        RouteThrottles throttles = new RouteThrottles(gateway, api, stage);
        WebSocketObserver observer = WebSocketObserver.of(gateway, api, stage, events.domainName());
        return new CompiledRoutes(
                new ConnectHandshake(
                        new ConnectionRate(gateway),
                        throttles,
                        access,
                        integrations.get(WebSocketRoute.CONNECT),
                        events,
                        connections,
                        gateway,
                        api.id(),
                        stage.stageName(),
                        observer),
                new MessageRouter(api, integrations, events, gateway, throttles, observer),
                new DisconnectRoute(
                        integrations.get(WebSocketRoute.DISCONNECT), events, gateway, observer),
                throttles,
                observer);
    }
}
