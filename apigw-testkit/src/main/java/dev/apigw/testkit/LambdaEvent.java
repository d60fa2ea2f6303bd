package dev.apigw.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event a Lambda proxy integration sent (payload format 1.0, reference section 2.1), as a JSON
 * tree with helpers for the fields tests read most. Headers are looked up in any casing, as HTTP
 * names are; every other name is exact.
 */
public final class LambdaEvent {
    private final JsonNode json;

    LambdaEvent(JsonNode json) {
        this.json = Objects.requireNonNull(json);
    }

    /** Returns the whole event. */
    public JsonNode json() {
        return json;
    }

    /** Returns {@code httpMethod}. */
    public String httpMethod() {
        return json.path("httpMethod").asText();
    }

    /** Returns {@code path}: the request path after the stage. */
    public String path() {
        return json.path("path").asText();
    }

    /** Returns {@code resource}: the matched resource path ({@code /pets/{id}}). */
    public String resource() {
        return json.path("resource").asText();
    }

    /** Returns the value of a header in {@code headers} (the last one sent), in any casing. */
    public Optional<String> header(String name) {
        return field(json.path("headers"), name, true).map(JsonNode::asText);
    }

    /** Returns every value of a header in {@code multiValueHeaders}, in any casing. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        field(json.path("multiValueHeaders"), name, true)
                .ifPresent(array -> array.forEach(v -> values.add(v.asText())));
        return values;
    }

    /** Returns a value in {@code queryStringParameters} (the last one sent). */
    public Optional<String> queryParameter(String name) {
        return field(json.path("queryStringParameters"), name, false).map(JsonNode::asText);
    }

    /** Returns a value in {@code pathParameters}. */
    public Optional<String> pathParameter(String name) {
        return field(json.path("pathParameters"), name, false).map(JsonNode::asText);
    }

    /** Returns a value in {@code stageVariables}. */
    public Optional<String> stageVariable(String name) {
        return field(json.path("stageVariables"), name, false).map(JsonNode::asText);
    }

    /** Returns {@code body}; empty when it is null. */
    public Optional<String> body() {
        return field(json, "body", false).map(JsonNode::asText);
    }

    /** Returns {@code isBase64Encoded}. */
    public boolean isBase64Encoded() {
        return json.path("isBase64Encoded").asBoolean();
    }

    /** Returns {@code requestContext}. */
    public JsonNode requestContext() {
        return json.path("requestContext");
    }

    /**
     * Returns a claim of the Cognito token a user pool authorizer verified, from {@code
     * requestContext.authorizer.claims} (every value a string, reference 2.1).
     */
    public Optional<String> claim(String name) {
        return field(requestContext().path("authorizer").path("claims"), name, false)
                .map(JsonNode::asText);
    }

    private static Optional<JsonNode> field(JsonNode object, String name, boolean anyCase) {
        Objects.requireNonNull(name, "name");
        if (!object.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = object.get(name);
        if (exact != null || !anyCase) {
            return Optional.ofNullable(exact).filter(v -> !v.isNull());
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isNull()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Returns the event as JSON text. */
    @Override
    public String toString() {
        return json.toString();
    }
}
