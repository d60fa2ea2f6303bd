package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WebSocket route response (reference section 7.3, route responses): present on a route whose
 * {@code routeResponseSelectionExpression} is {@code $default}, it makes the route two-way, the
 * backend's answer being sent back to the client. AWS supports only the key {@code $default}.
 *
 * @param routeResponseKey {@code $default}
 * @param modelSelectionExpression selects the response model, descriptive here
 * @param responseModels the response models by key, descriptive here
 */
public record WebSocketRouteResponse(
        String routeResponseKey,
        Optional<SelectionExpression> modelSelectionExpression,
        Map<String, String> responseModels) {
    /** The only route response key AWS supports (reference 7.3). */
    public static final String DEFAULT = "$default";

    /** Validates and copies; fails naming the key. */
    public WebSocketRouteResponse {
        Checks.requireText(routeResponseKey, "routeResponseKey");
        if (!routeResponseKey.equals(DEFAULT)) {
            throw new IllegalArgumentException(
                    "route response "
                            + routeResponseKey
                            + ": only the routeResponseKey $default is supported");
        }
        Objects.requireNonNull(modelSelectionExpression);
        responseModels = Copies.orderedMap(responseModels);
    }

    /** Returns a builder for the route response {@code $default}. */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** Returns a builder for the route response {@code routeResponseKey}. */
    public static Builder builder(String routeResponseKey) {
        return new Builder(routeResponseKey);
    }

    /** Returns a builder holding this route response. */
    public Builder toBuilder() {
        Builder b = new Builder(routeResponseKey);
        b.modelSelectionExpression = modelSelectionExpression.map(Object::toString).orElse(null);
        b.responseModels = new LinkedHashMap<>(responseModels);
        return b;
    }

    /** Builds {@link WebSocketRouteResponse}. */
    public static final class Builder {
        private final String routeResponseKey;
        private String modelSelectionExpression;
        private Map<String, String> responseModels = new LinkedHashMap<>();

        private Builder(String routeResponseKey) {
            this.routeResponseKey = routeResponseKey;
        }

        /** Sets the model selection expression. */
        public Builder modelSelectionExpression(String expression) {
            this.modelSelectionExpression = expression;
            return this;
        }

        /** Replaces the response models. */
        public Builder responseModels(Map<String, String> responseModels) {
            this.responseModels = new LinkedHashMap<>(responseModels);
            return this;
        }

        /** Validates and builds; fails naming the key. */
        public WebSocketRouteResponse build() {
            Optional<SelectionExpression> models;
            try {
                models =
                        Optional.ofNullable(modelSelectionExpression)
                                .map(SelectionExpression::parse);
            } catch (IllegalArgumentException e) {
                throw Checks.at("route response " + routeResponseKey, e);
            }
            return new WebSocketRouteResponse(routeResponseKey, models, responseModels);
        }
    }
}
