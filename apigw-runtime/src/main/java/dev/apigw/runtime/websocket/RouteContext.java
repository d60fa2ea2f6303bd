package dev.apigw.runtime.websocket;

import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code $context} of a WebSocket route's templates and {@code context.X} mappings (reference
 * 1.2, the WebSocket variables): {@code connectionId}, {@code connectedAt} (epoch ms), {@code
 * domainName}, {@code eventType}, {@code messageId} (messages only), {@code messageDirection},
 * {@code routeKey}, {@code requestId} and {@code extendedRequestId} (the same id), {@code apiId},
 * {@code stage}, {@code requestTime}, {@code requestTimeEpoch}, {@code identity.*} ({@code
 * sourceIp}, {@code userAgent} and what {@code $connect} verified, the others null) and {@code
 * authorizer.*} (the Lambda authorizer's {@code principalId} and context, kept in the connection's
 * record). Nested maps, as the template engine reads them.
 */
final class RouteContext {
    private static final List<String> IDENTITY =
            List.of(
                    "accountId",
                    "apiKey",
                    "apiKeyId",
                    "caller",
                    "cognitoAuthenticationProvider",
                    "cognitoAuthenticationType",
                    "cognitoIdentityId",
                    "cognitoIdentityPoolId",
                    "principalOrgId",
                    "sourceIp",
                    "user",
                    "userAgent",
                    "userArn");

    private RouteContext() {}

    /** Returns the variables of one call, under {@code domainName}. */
    static Map<String, Object> of(RouteRequest request, String domainName) {
        ConnectionRecord connection = request.connection();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("apiId", connection.apiId());
        context.put("authorizer", new LinkedHashMap<String, Object>(connection.authorizer()));
        context.put("connectedAt", connection.connectedAt().toEpochMilli());
        context.put("connectionId", connection.connectionId());
        context.put("domainName", domainName);
        context.put("eventType", request.eventType());
        context.put("extendedRequestId", request.call().requestId());
        context.put("identity", identity(connection));
        request.messageId().ifPresent(id -> context.put("messageId", id));
        context.put("messageDirection", "IN");
        context.put("requestId", request.call().requestId());
        context.put("requestTime", ContextVariables.requestTime(request.call().requestTime()));
        context.put("requestTimeEpoch", request.call().requestTime().toEpochMilli());
        context.put("routeKey", request.call().routeKey());
        context.put("stage", connection.stage());
        return context;
    }

    private static Map<String, Object> identity(ConnectionRecord connection) {
        Map<String, Object> identity = new LinkedHashMap<>();
        IDENTITY.forEach(name -> identity.put(name, null));
        identity.putAll(connection.identity());
        identity.put("sourceIp", connection.sourceIp());
        identity.put("userAgent", connection.userAgent());
        return identity;
    }

    /**
     * Returns the variable at a dotted path ({@code identity.sourceIp}) as text; empty when there
     * is none or it is a map.
     */
    static Optional<String> lookup(Map<String, Object> context, String path) {
        Object value = context;
        for (String step : path.split("\\.", -1)) {
            if (!(value instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            value = map.get(step);
        }
        return value == null || value instanceof Map
                ? Optional.empty()
                : Optional.of(value.toString());
    }
}
