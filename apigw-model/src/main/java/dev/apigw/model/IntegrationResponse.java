package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How a non-proxy integration's result becomes a method response: the selection pattern that
 * chooses it, the status, header mappings, templates and content handling (reference section 6.1).
 */
public final class IntegrationResponse {
    private final String statusCode;
    private final String selectionPattern;
    private final Pattern compiledPattern;
    private final Map<String, String> responseParameters;
    private final Map<String, String> responseTemplates;
    private final ContentHandlingStrategy contentHandling;

    private IntegrationResponse(Builder b) {
        this.statusCode = Checks.requireStatusCode(b.statusCode, "statusCode");
        this.selectionPattern =
                b.selectionPattern == null || b.selectionPattern.isEmpty()
                        ? null
                        : b.selectionPattern;
        this.compiledPattern =
                selectionPattern == null
                        ? null
                        : Checks.compileRegex(selectionPattern, "selectionPattern");
        this.responseParameters = Copies.orderedMap(b.responseParameters);
        this.responseTemplates = Copies.orderedMap(b.responseTemplates);
        this.contentHandling = b.contentHandling;
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
    public IntegrationResponse copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the method response status this integration response produces. */
    public String statusCode() {
        return statusCode;
    }

    /** Returns the selection pattern; absent for the default response. */
    public Optional<String> selectionPattern() {
        return Optional.ofNullable(selectionPattern);
    }

    /**
     * Returns whether this response is selected for {@code value} (a Lambda error message or a
     * backend status code): the whole value must match, as Java's {@code String.matches}.
     */
    public boolean matches(String value) {
        return compiledPattern != null && compiledPattern.matcher(value).matches();
    }

    /** Returns whether this is the default response (no selection pattern). */
    public boolean isDefault() {
        return selectionPattern == null;
    }

    /** Returns the {@code method.response.header.X} mappings, target to source. */
    public Map<String, String> responseParameters() {
        return responseParameters;
    }

    /** Returns the response templates keyed by content type, in definition order. */
    public Map<String, String> responseTemplates() {
        return responseTemplates;
    }

    /** Returns the content handling of the response payload, if set. */
    public Optional<ContentHandlingStrategy> contentHandling() {
        return Optional.ofNullable(contentHandling);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegrationResponse r
                && statusCode.equals(r.statusCode)
                && Objects.equals(selectionPattern, r.selectionPattern)
                && responseParameters.equals(r.responseParameters)
                && responseTemplates.equals(r.responseTemplates)
                && contentHandling == r.contentHandling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                statusCode,
                selectionPattern,
                responseParameters,
                responseTemplates,
                contentHandling);
    }

    @Override
    public String toString() {
        return "IntegrationResponse[" + statusCode + ", pattern=" + selectionPattern + "]";
    }

    /** Builds an {@link IntegrationResponse}. */
    public static final class Builder {
        private String statusCode;
        private String selectionPattern;
        private Map<String, String> responseParameters = new LinkedHashMap<>();
        private Map<String, String> responseTemplates = new LinkedHashMap<>();
        private ContentHandlingStrategy contentHandling;

        private Builder() {}

        private Builder(IntegrationResponse r) {
            statusCode = r.statusCode;
            selectionPattern = r.selectionPattern;
            responseParameters = new LinkedHashMap<>(r.responseParameters);
            responseTemplates = new LinkedHashMap<>(r.responseTemplates);
            contentHandling = r.contentHandling;
        }

        /** Sets the method response status, e.g. {@code "200"}. */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** Sets the method response status. */
        public Builder statusCode(int statusCode) {
            return statusCode(Integer.toString(statusCode));
        }

        /** Sets the selection pattern (a Java regular expression); empty means default. */
        public Builder selectionPattern(String selectionPattern) {
            this.selectionPattern = selectionPattern;
            return this;
        }

        /** Replaces the response parameter mappings. */
        public Builder responseParameters(Map<String, String> responseParameters) {
            this.responseParameters = new LinkedHashMap<>(responseParameters);
            return this;
        }

        /** Adds one mapping, e.g. {@code method.response.header.X <- 'value'}. */
        public Builder putResponseParameter(String target, String source) {
            responseParameters.put(target, source);
            return this;
        }

        /** Replaces the response templates. */
        public Builder responseTemplates(Map<String, String> responseTemplates) {
            this.responseTemplates = new LinkedHashMap<>(responseTemplates);
            return this;
        }

        /** Adds one response template for a content type. */
        public Builder putResponseTemplate(String contentType, String template) {
            responseTemplates.put(contentType, template);
            return this;
        }

        /** Sets the content handling of the response payload. */
        public Builder contentHandling(ContentHandlingStrategy contentHandling) {
            this.contentHandling = contentHandling;
            return this;
        }

        /** Validates and builds; fails naming the field. */
        public IntegrationResponse build() {
            return new IntegrationResponse(this);
        }
    }
}
