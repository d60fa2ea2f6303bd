package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A status a method may answer with, with the headers it declares ({@code
 * method.response.header.X}: required flag) and its models by content type.
 */
public final class MethodResponse {
    private final String statusCode;
    private final Map<String, Boolean> responseParameters;
    private final Map<String, String> responseModels;

    private MethodResponse(Builder b) {
        this.statusCode = Checks.requireStatusCode(b.statusCode, "statusCode");
        this.responseParameters = Copies.orderedMap(b.responseParameters);
        this.responseModels = Copies.orderedMap(b.responseModels);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a method response for a status with nothing declared. */
    public static MethodResponse of(String statusCode) {
        return builder().statusCode(statusCode).build();
    }

    /** Returns a builder holding this response's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public MethodResponse copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the status code, e.g. {@code "200"}. */
    public String statusCode() {
        return statusCode;
    }

    /** Returns the declared headers ({@code method.response.header.X}) and whether required. */
    public Map<String, Boolean> responseParameters() {
        return responseParameters;
    }

    /** Returns the response models by content type. */
    public Map<String, String> responseModels() {
        return responseModels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodResponse r
                && statusCode.equals(r.statusCode)
                && responseParameters.equals(r.responseParameters)
                && responseModels.equals(r.responseModels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, responseParameters, responseModels);
    }

    @Override
    public String toString() {
        return "MethodResponse[" + statusCode + "]";
    }

    /** Builds a {@link MethodResponse}. */
    public static final class Builder {
        private String statusCode;
        private Map<String, Boolean> responseParameters = new LinkedHashMap<>();
        private Map<String, String> responseModels = new LinkedHashMap<>();

        private Builder() {}

        private Builder(MethodResponse r) {
            statusCode = r.statusCode;
            responseParameters = new LinkedHashMap<>(r.responseParameters);
            responseModels = new LinkedHashMap<>(r.responseModels);
        }

        /** Sets the status code. */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** Replaces the declared headers. */
        public Builder responseParameters(Map<String, Boolean> responseParameters) {
            this.responseParameters = new LinkedHashMap<>(responseParameters);
            return this;
        }

        /** Declares one header, e.g. {@code method.response.header.X-Trace}. */
        public Builder putResponseParameter(String name, boolean required) {
            responseParameters.put(name, required);
            return this;
        }

        /** Replaces the response models. */
        public Builder responseModels(Map<String, String> responseModels) {
            this.responseModels = new LinkedHashMap<>(responseModels);
            return this;
        }

        /** Adds a response model for a content type. */
        public Builder putResponseModel(String contentType, String modelName) {
            responseModels.put(contentType, modelName);
            return this;
        }

        /** Validates and builds. */
        public MethodResponse build() {
            return new MethodResponse(this);
        }
    }
}
