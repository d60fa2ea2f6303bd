package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A customised gateway response: status, {@code gatewayresponse.header.X} mappings and templates
 * for one {@link GatewayResponseType} (reference section 3.2). A customisation replaces the whole
 * entry: fields left out revert to the type's built-in values.
 */
public final class GatewayResponse {
    private final GatewayResponseType responseType;
    private final Integer statusCode;
    private final Map<String, String> responseParameters;
    private final Map<String, String> responseTemplates;

    private GatewayResponse(Builder b) {
        this.responseType = Objects.requireNonNull(b.responseType, "responseType is required");
        if (b.statusCode != null) {
            Checks.requireStatusCode(b.statusCode.toString(), "statusCode");
        }
        this.statusCode = b.statusCode;
        this.responseParameters = Copies.orderedMap(b.responseParameters);
        for (String key : responseParameters.keySet()) {
            if (!key.startsWith("gatewayresponse.")) {
                throw new IllegalArgumentException(
                        "gateway response "
                                + responseType
                                + ": Invalid mapping expression specified: "
                                + key);
            }
        }
        this.responseTemplates = Copies.orderedMap(b.responseTemplates);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this response's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public GatewayResponse copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the type this customises. */
    public GatewayResponseType responseType() {
        return responseType;
    }

    /** Returns the status code set, if any; else the type's built-in status applies. */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /** Returns the {@code gatewayresponse.header.X} mappings, target to source. */
    public Map<String, String> responseParameters() {
        return responseParameters;
    }

    /** Returns the body templates keyed by content type (simple substitution, not VTL). */
    public Map<String, String> responseTemplates() {
        return responseTemplates;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayResponse g
                && responseType == g.responseType
                && Objects.equals(statusCode, g.statusCode)
                && responseParameters.equals(g.responseParameters)
                && responseTemplates.equals(g.responseTemplates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responseType, statusCode, responseParameters, responseTemplates);
    }

    @Override
    public String toString() {
        return "GatewayResponse[" + responseType + ", " + statusCode + "]";
    }

    /** Builds a {@link GatewayResponse}. */
    public static final class Builder {
        private GatewayResponseType responseType;
        private Integer statusCode;
        private Map<String, String> responseParameters = new LinkedHashMap<>();
        private Map<String, String> responseTemplates = new LinkedHashMap<>();

        private Builder() {}

        private Builder(GatewayResponse g) {
            responseType = g.responseType;
            statusCode = g.statusCode;
            responseParameters = new LinkedHashMap<>(g.responseParameters);
            responseTemplates = new LinkedHashMap<>(g.responseTemplates);
        }

        /** Sets the type customised. */
        public Builder responseType(GatewayResponseType responseType) {
            this.responseType = responseType;
            return this;
        }

        /** Sets the status code. */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** Replaces the header mappings. */
        public Builder responseParameters(Map<String, String> responseParameters) {
            this.responseParameters = new LinkedHashMap<>(responseParameters);
            return this;
        }

        /** Adds a header mapping, e.g. {@code gatewayresponse.header.X <- 'value'}. */
        public Builder putResponseParameter(String target, String source) {
            responseParameters.put(target, source);
            return this;
        }

        /** Replaces the templates. */
        public Builder responseTemplates(Map<String, String> responseTemplates) {
            this.responseTemplates = new LinkedHashMap<>(responseTemplates);
            return this;
        }

        /** Adds a template for a content type. */
        public Builder putResponseTemplate(String contentType, String template) {
            responseTemplates.put(contentType, template);
            return this;
        }

        /** Validates and builds. */
        public GatewayResponse build() {
            return new GatewayResponse(this);
        }
    }
}
