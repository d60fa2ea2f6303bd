package dev.apigw.model.openapi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an HTTP API export writes and how: the parameters of apigatewayv2's {@code ExportApi}
 * (reference section 4.4): {@code outputType} JSON or YAML, {@code includeExtensions} (true by
 * default), the optional {@code stageName} whose URL the document names, the region of that URL,
 * and the timestamp written as {@code info.version} when the API has no version.
 */
public final class HttpExportOptions {
    private static final HttpExportOptions DEFAULTS = builder().build();

    private final ExportMediaType outputType;
    private final boolean includeExtensions;
    private final Optional<String> stageName;
    private final String region;
    private final Optional<Instant> timestamp;

    private HttpExportOptions(Builder b) {
        this.outputType = Objects.requireNonNull(b.outputType, "outputType");
        this.includeExtensions = b.includeExtensions;
        if (b.stageName != null && b.stageName.isBlank()) {
            throw new IllegalArgumentException("export stageName must not be blank");
        }
        this.stageName = Optional.ofNullable(b.stageName);
        if (b.region == null || b.region.isBlank()) {
            throw new IllegalArgumentException("export region is required");
        }
        this.region = b.region;
        this.timestamp = Optional.ofNullable(b.timestamp);
    }

    /** Returns the defaults: JSON, with extensions, no stage, region {@code us-east-1}. */
    public static HttpExportOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a new builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns options made of the defaults with the changes the consumer makes. */
    public static HttpExportOptions of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** Returns the serialization: JSON or YAML ({@code outputType}). */
    public ExportMediaType outputType() {
        return outputType;
    }

    /** Returns whether the {@code x-amazon-apigateway-*} extensions are written. */
    public boolean includeExtensions() {
        return includeExtensions;
    }

    /** Returns the stage whose URL the document's {@code servers} names, if any. */
    public Optional<String> stageName() {
        return stageName;
    }

    /** Returns the region of the stage's URL. */
    public String region() {
        return region;
    }

    /** Returns the {@code info.version} of an API without a version, if set. */
    public Optional<Instant> timestamp() {
        return timestamp;
    }

    /** Builds {@link HttpExportOptions}. */
    public static final class Builder {
        private ExportMediaType outputType = ExportMediaType.JSON;
        private boolean includeExtensions = true;
        private String stageName;
        private String region = "us-east-1";
        private Instant timestamp;

        private Builder() {}

        /** Sets JSON or YAML. */
        public Builder outputType(ExportMediaType outputType) {
            this.outputType = outputType;
            return this;
        }

        /** Sets whether the API Gateway extensions are written. */
        public Builder includeExtensions(boolean includeExtensions) {
            this.includeExtensions = includeExtensions;
            return this;
        }

        /** Sets the stage whose URL {@code servers} names (null: none). */
        public Builder stageName(String stageName) {
            this.stageName = stageName;
            return this;
        }

        /** Sets the region of the stage's URL. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Sets the {@code info.version} of an API without a version. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** Validates and builds. */
        public HttpExportOptions build() {
            return new HttpExportOptions(this);
        }
    }
}
