package dev.apigw.runtime.websocket;

import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.parameters.ParameterInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WebSocket route request as integration request mappings read it (reference 5.4): the upgrade's
 * headers and query string on {@code $connect} only (names of headers in any casing), the message
 * (parsed as JSON at most once), stage variables and {@code $context} variables. Belongs to one
 * call.
 */
final class RouteInput implements ParameterInput {
    private final RouteRequest request;
    private final Map<String, Object> context;
    private final Map<String, String> stageVariables;
    private JsonDocument json;
    private boolean parsed;

    RouteInput(
            RouteRequest request, Map<String, Object> context, Map<String, String> stageVariables) {
        this.request = request;
        this.context = context;
        this.stageVariables = stageVariables;
    }

    @Override
    public List<String> queryValues(String name) {
        return request.isConnect()
                ? request.connection().queryParameters().getOrDefault(name, List.of())
                : List.of();
    }

    @Override
    public List<String> headerValues(String name) {
        if (!request.isConnect()) {
            return List.of();
        }
        return request.connection().headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    @Override
    public String body() {
        return request.bodyText();
    }

    @Override
    public Optional<JsonDocument> bodyJson() {
        if (!parsed) {
            json = JsonDocument.parse(request.bodyText()).orElse(null);
            parsed = true;
        }
        return Optional.ofNullable(json);
    }

    @Override
    public Optional<String> stageVariable(String name) {
        return Optional.ofNullable(stageVariables.get(name));
    }

    @Override
    public Optional<String> contextVariable(String name) {
        return RouteContext.lookup(context, name);
    }
}
