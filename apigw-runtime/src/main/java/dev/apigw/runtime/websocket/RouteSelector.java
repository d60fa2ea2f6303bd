package dev.apigw.runtime.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.SelectionExpression;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the route of a message (reference 7.3): the API's {@code routeSelectionExpression},
 * parsed once by the model, evaluated on the message, its value matched exactly against the route
 * keys; {@code $default} when no custom route matches, when the message is binary or not JSON while
 * the expression reads the body, or when the value names {@code $connect} or {@code $disconnect};
 * nothing when there is no {@code $default} route either. {@code $request.body.PATH} reads a JSON
 * path of names and {@code [index]}es; a missing path is {@code ""}, a string its text, any other
 * JSON value its JSON. Variables other than the body's are {@code ""} (messages have no headers).
 * Immutable and thread-safe.
 */
final class RouteSelector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[([0-9]{1,9})\\]");

    private final WebSocketApi api;
    private final SelectionExpression expression;
    private final boolean readsBody;

    RouteSelector(WebSocketApi api) {
        this.api = api;
        this.expression = api.routeSelectionExpression();
        this.readsBody =
                expression.variables().stream().anyMatch(v -> v.bodyJsonPath().isPresent());
    }

    /** Returns the route of {@code frame}, if the API has one for it. */
    Optional<WebSocketRoute> select(Frame frame) {
        return select(new MessageJson(Optional.of(frame)));
    }

    /** Returns the route of the message whose JSON {@code message} holds, if the API has one. */
    Optional<WebSocketRoute> select(MessageJson message) {
        Optional<String> key = routeKey(message);
        Optional<WebSocketRoute> route =
                key.filter(k -> !k.equals(WebSocketRoute.CONNECT))
                        .filter(k -> !k.equals(WebSocketRoute.DISCONNECT))
                        .flatMap(api::route);
        return route.isPresent() ? route : api.route(WebSocketRoute.DEFAULT);
    }

    /** Returns the expression's value, or nothing when it cannot be evaluated on the message. */
    Optional<String> routeKey(Frame frame) {
        return routeKey(new MessageJson(Optional.of(frame)));
    }

    private Optional<String> routeKey(MessageJson message) {
        if (!readsBody) {
            return Optional.of(expression.evaluate(name -> ""));
        }
        return message.get().map(body -> expression.evaluate(name -> bodyValue(body, name)));
    }

    /** Returns a text frame's JSON; empty for a binary frame or text that is not JSON. */
    static Optional<JsonNode> json(Frame frame) {
        if (!frame.text()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = JSON.readTree(frame.asText());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return body == null || body.isMissingNode() ? Optional.empty() : Optional.of(body);
    }

    /**
     * Returns the value of a selection expression's {@code request.body} variable in a message's
     * JSON: a string's text, another value's JSON, {@code ""} when missing or another variable.
     */
    static String bodyValue(JsonNode body, String variable) {
        return new SelectionExpression.Variable(variable)
                .bodyJsonPath()
                .map(path -> at(body, path))
                .map(RouteSelector::text)
                .orElse("");
    }

    /** Returns the node at a JSON path {@code $.a.b[0]}, or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        Matcher m = STEP.matcher(path).region(1, path.length());
        int end = 1;
        while (node != null && m.lookingAt()) {
            node =
                    m.group(1) != null
                            ? node.get(m.group(1))
                            : node.get(Integer.parseInt(m.group(2)));
            end = m.end();
            m.region(end, path.length());
        }
        return end == path.length() ? node : null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
