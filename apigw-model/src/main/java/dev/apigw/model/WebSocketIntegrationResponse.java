package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WebSocket integration response (reference sections 6.1, 7.3): chosen by the key the
 * integration's {@code integrationResponseSelectionExpression} gives, it maps a non-proxy backend's
 * answer before a two-way route sends it back to the client.
 *
 * @param integrationResponseKey {@code $default}, a status code ({@code 200}) or a pattern between
 *     slashes ({@code /4\d\d/}, a Java regular expression)
 * @param responseParameters response mappings, target to source
 * @param responseTemplates mapping templates by key
 * @param templateSelectionExpression selects the response template ({@code
 *     ${integration.response.statuscode}}, reference 7.3)
 * @param contentHandlingStrategy how the payload is converted, if at all (reference 6.3)
 */
public record WebSocketIntegrationResponse(
        String integrationResponseKey,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        Optional<SelectionExpression> templateSelectionExpression,
        Optional<ContentHandlingStrategy> contentHandlingStrategy) {
    /** The integration response used when no other key matches. */
    public static final String DEFAULT = "$default";

    /** Validates and copies; fails naming the key. */
    public WebSocketIntegrationResponse {
        Checks.requireText(integrationResponseKey, "integrationResponseKey");
        String place = "integration response " + integrationResponseKey;
        if (isPattern(integrationResponseKey)) {
            Checks.compileRegex(
                    integrationResponseKey.substring(1, integrationResponseKey.length() - 1),
                    place + " pattern");
        } else if (!integrationResponseKey.equals(DEFAULT)) {
            try {
                Checks.requireStatusCode(integrationResponseKey, "integrationResponseKey");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        place + ": the key must be $default, a status code or /regex/", e);
            }
        }
        responseParameters = Copies.orderedMap(responseParameters);
        responseTemplates = Copies.orderedMap(responseTemplates);
        Objects.requireNonNull(templateSelectionExpression);
        Objects.requireNonNull(contentHandlingStrategy);
    }

    private static boolean isPattern(String key) {
        return key.length() >= 2 && key.startsWith("/") && key.endsWith("/");
    }

    /** Returns whether the key is a pattern between slashes. */
    public boolean isPattern() {
        return isPattern(integrationResponseKey);
    }

    /** Returns a builder for the integration response {@code integrationResponseKey}. */
    public static Builder builder(String integrationResponseKey) {
        return new Builder(integrationResponseKey);
    }

    /** Returns a builder holding this integration response. */
    public Builder toBuilder() {
        Builder b = new Builder(integrationResponseKey);
        b.responseParameters = new LinkedHashMap<>(responseParameters);
        b.responseTemplates = new LinkedHashMap<>(responseTemplates);
        b.templateSelectionExpression =
                templateSelectionExpression.map(Object::toString).orElse(null);
        b.contentHandlingStrategy = contentHandlingStrategy.orElse(null);
        return b;
    }

    /** Builds {@link WebSocketIntegrationResponse}. */
    public static final class Builder {
        private final String integrationResponseKey;
        private Map<String, String> responseParameters = new LinkedHashMap<>();
        private Map<String, String> responseTemplates = new LinkedHashMap<>();
        private String templateSelectionExpression;
        private ContentHandlingStrategy contentHandlingStrategy;

        private Builder(String integrationResponseKey) {
            this.integrationResponseKey = integrationResponseKey;
        }

        /** Replaces the response mappings. */
        public Builder responseParameters(Map<String, String> responseParameters) {
            this.responseParameters = new LinkedHashMap<>(responseParameters);
            return this;
        }

        /** Replaces the response templates. */
        public Builder responseTemplates(Map<String, String> responseTemplates) {
            this.responseTemplates = new LinkedHashMap<>(responseTemplates);
            return this;
        }

        /** Sets one response template. */
        public Builder responseTemplate(String key, String template) {
            responseTemplates.put(key, template);
            return this;
        }

        /** Sets the template selection expression. */
        public Builder templateSelectionExpression(String expression) {
            this.templateSelectionExpression = expression;
            return this;
        }

        /** Sets how the payload is converted. */
        public Builder contentHandlingStrategy(ContentHandlingStrategy strategy) {
            this.contentHandlingStrategy = strategy;
            return this;
        }

        /** Validates and builds; fails naming the key. */
        public WebSocketIntegrationResponse build() {
            Optional<SelectionExpression> selection;
            try {
                selection =
                        Optional.ofNullable(templateSelectionExpression)
                                .map(SelectionExpression::parse);
            } catch (IllegalArgumentException e) {
                throw Checks.at(
                        "integration response "
                                + integrationResponseKey
                                + " templateSelectionExpression",
                        e);
            }
            return new WebSocketIntegrationResponse(
                    integrationResponseKey,
                    responseParameters,
                    responseTemplates,
                    selection,
                    Optional.ofNullable(contentHandlingStrategy));
        }
    }
}
