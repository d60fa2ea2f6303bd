package dev.apigw.runtime.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the identity sources of a WebSocket Lambda authorizer from an upgrade request (reference
 * 7.3, 8.3): {@code route.request.header.X} (any casing, first value), {@code
 * route.request.querystring.X} (first value), {@code stageVariables.X} and {@code context.X} for
 * the {@code $context} variables known before {@code $connect} runs ({@code connectionId}, {@code
 * apiId}, {@code stage}, {@code routeKey}, {@code eventType}, {@code domainName}, {@code
 * identity.sourceIp}, {@code identity.userAgent}; any other is missing). Immutable.
 */
final class ConnectIdentitySources {
    private final List<String> sources;

    ConnectIdentitySources(List<String> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Returns the value of every source in order, or null when one is missing or empty (AWS then
     * refuses with 401 without calling the function).
     */
    List<String> values(
            ConnectRequest request,
            Map<String, String> stageVariables,
            Map<String, String> contextVariables) {
        List<String> values = new ArrayList<>();
        for (String source : sources) {
            String value = value(source, request, stageVariables, contextVariables);
            if (value == null || value.isEmpty()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static String value(
            String source,
            ConnectRequest request,
            Map<String, String> stageVariables,
            Map<String, String> contextVariables) {
        if (source.startsWith("route.request.header.")) {
            return request.header(source.substring("route.request.header.".length()));
        }
        if (source.startsWith("route.request.querystring.")) {
            List<String> values =
                    request.queryParameters()
                            .get(source.substring("route.request.querystring.".length()));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        if (source.startsWith("stageVariables.")) {
            return stageVariables.get(source.substring("stageVariables.".length()));
        }
        return contextVariables.get(source.substring("context.".length()));
    }
}
