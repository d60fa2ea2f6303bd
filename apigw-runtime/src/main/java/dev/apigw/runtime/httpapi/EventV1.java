package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.model.RouteKey;
import dev.apigw.runtime.integration.ProxyEvent;
import dev.apigw.runtime.integration.ProxyRequestContext;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the Lambda event of an HTTP API request, payload format 1.0 (reference 2.3): the REST
 * event (reference 2.1, {@link ProxyEvent}) with {@code "version": "1.0"}. Our choices where the
 * reference is silent (see docs/differences.md): {@code resource} and {@code
 * requestContext.resourcePath} are the route's path ({@code $default} for the default route),
 * {@code path} and {@code requestContext.path} the path as received (stage prefix included), {@code
 * resourceId} and {@code deploymentId} are absent, the body is text or base64 as {@link
 * EventBodies} decides (HTTP APIs have no {@code binaryMediaTypes}). {@code
 * requestContext.authorizer} is always there: a JWT's {@code claims} (strings) and {@code scopes},
 * both {@code null} without a JWT, plus {@code lambda} (the Lambda authorizer's context) when one
 * ran.
 */
final class EventV1 {
    private EventV1() {}

    /** Returns the event of the exchange as JSON bytes. */
    static byte[] of(Exchange exchange) {
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        RouteKey key = exchange.target(CompiledRoute.class).route().routeKey();
        String resource = key.isDefault() ? RouteKey.DEFAULT : key.path();
        String path = exchange.request().path();
        return ProxyEvent.of(
                exchange,
                new ProxyEvent.Source(
                        "1.0",
                        resource,
                        path,
                        false,
                        EventBodies.isBinary(exchange.request()),
                        resolution.stage().stageVariables(),
                        (g, e) -> writeRequestContext(g, e, resolution, resource)));
    }

    private static void writeRequestContext(
            JsonGenerator g, Exchange exchange, HttpResolution resolution, String resource)
            throws IOException {
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", exchange.gateway().accountId());
        g.writeStringField("apiId", exchange.state().apiId());
        writeAuthorizer(g, exchange.attribute(RouteAuthorization.KEY));
        g.writeStringField("domainName", ContextVariables.domainName(exchange));
        g.writeStringField("domainPrefix", ContextVariables.domainPrefix(exchange));
        g.writeStringField("extendedRequestId", exchange.requestId());
        g.writeStringField("httpMethod", exchange.request().httpMethod());
        ProxyRequestContext.writeIdentity(g, exchange);
        g.writeStringField("path", exchange.request().path());
        g.writeStringField("protocol", ContextVariables.PROTOCOL);
        g.writeStringField("requestId", exchange.requestId());
        g.writeStringField("requestTime", ContextVariables.requestTime(exchange.requestTime()));
        g.writeNumberField("requestTimeEpoch", exchange.requestTime().toEpochMilli());
        g.writeStringField("resourcePath", resource);
        g.writeStringField("stage", resolution.stageName());
        g.writeEndObject();
    }

    private static void writeAuthorizer(JsonGenerator g, Optional<RouteAuthorization> authorization)
            throws IOException {
        g.writeObjectFieldStart("authorizer");
        RouteAuthorization jwt =
                authorization.filter(a -> a.kind() == RouteAuthorization.Kind.JWT).orElse(null);
        if (jwt == null) {
            g.writeNullField("claims");
            g.writeNullField("scopes");
        } else {
            g.writeObjectFieldStart("claims");
            for (Map.Entry<String, Object> claim : jwt.claims().entrySet()) {
                g.writeStringField(claim.getKey(), EventAuthorizer.claimText(claim.getValue()));
            }
            g.writeEndObject();
            EventAuthorizer.writeScopes(g, jwt.scopes());
        }
        if (authorization.isPresent()
                && authorization.get().kind() == RouteAuthorization.Kind.LAMBDA) {
            g.writeFieldName("lambda");
            EventAuthorizer.writeValue(g, authorization.get().lambdaContext());
        }
        g.writeEndObject();
    }
}
