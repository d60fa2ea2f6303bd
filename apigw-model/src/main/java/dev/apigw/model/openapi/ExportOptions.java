package dev.apigw.model.openapi;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an export writes and how: GetExport's {@code exportType}, {@code Accept} and {@code
 * extensions}, the stage whose URL the document names, the region of that URL, and the timestamp
 * written as {@code info.version} when the API has no version (reference section 4.4).
 */
public final class ExportOptions {
    private final ExportType exportType;
    private final ExportMediaType mediaType;
    private final Set<ExportExtension> extensions;
    private final String stageName;
    private final String region;
    private final Instant timestamp;

    private ExportOptions(Builder b) {
        this.exportType = b.exportType;
        this.mediaType = b.mediaType;
        this.extensions = Collections.unmodifiableSet(EnumSet.copyOf(b.extensions));
        if (b.stageName == null || b.stageName.isBlank()) {
            throw new IllegalArgumentException("export stageName is required");
        }
        this.stageName = b.stageName;
        if (b.region.isBlank()) {
            throw new IllegalArgumentException("export region must not be blank");
        }
        this.region = b.region;
        this.timestamp = b.timestamp;
    }

    /** Returns a new builder: OAS 3.0, JSON, no extensions, region {@code us-east-1}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns options for a stage with the changes the consumer makes to the defaults. */
    public static ExportOptions of(String stageName, Consumer<Builder> spec) {
        Builder b = builder().stageName(stageName);
        spec.accept(b);
        return b.build();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy built from {@link #toBuilder()} with the changes the consumer makes, e.g.
     * {@code options.copy(b -> b.stageName("prod"))}; this instance does not change.
     */
    public ExportOptions copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the document type: OAS 3.0 or Swagger 2.0. */
    public ExportType exportType() {
        return exportType;
    }

    /** Returns the serialization: JSON or YAML. */
    public ExportMediaType mediaType() {
        return mediaType;
    }

    /** Returns the extension sets asked for; empty for a plain OpenAPI document. */
    public Set<ExportExtension> extensions() {
        return extensions;
    }

    /** Returns the stage named by the server URL (OAS 3.0) or {@code basePath} (Swagger). */
    public String stageName() {
        return stageName;
    }

    /** Returns the region of the {@code execute-api} host. */
    public String region() {
        return region;
    }

    /** Returns the timestamp written as {@code info.version} for an API without version. */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    boolean withIntegrations() {
        return extensions.stream().anyMatch(ExportExtension::addsIntegrations);
    }

    boolean withAuthorizers() {
        return extensions.contains(ExportExtension.AUTHORIZERS);
    }

    boolean withAnyExtension() {
        return !extensions.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportOptions x
                && exportType == x.exportType
                && mediaType == x.mediaType
                && extensions.equals(x.extensions)
                && stageName.equals(x.stageName)
                && region.equals(x.region)
                && Objects.equals(timestamp, x.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exportType, mediaType, extensions, stageName, region, timestamp);
    }

    @Override
    public String toString() {
        return "ExportOptions["
                + exportType.value()
                + " "
                + mediaType.mediaType()
                + " "
                + extensions
                + " stage="
                + stageName
                + " region="
                + region
                + "]";
    }

    /** Builds {@link ExportOptions}. */
    public static final class Builder {
        private ExportType exportType = ExportType.OAS30;
        private ExportMediaType mediaType = ExportMediaType.JSON;
        private Set<ExportExtension> extensions = EnumSet.noneOf(ExportExtension.class);
        private String stageName;
        private String region = "us-east-1";
        private Instant timestamp;

        private Builder() {}

        private Builder(ExportOptions o) {
            exportType = o.exportType;
            mediaType = o.mediaType;
            extensions = EnumSet.noneOf(ExportExtension.class);
            extensions.addAll(o.extensions);
            stageName = o.stageName;
            region = o.region;
            timestamp = o.timestamp;
        }

        /** Sets the document type. */
        public Builder exportType(ExportType exportType) {
            this.exportType = Objects.requireNonNull(exportType, "exportType");
            return this;
        }

        /** Sets the serialization. */
        public Builder mediaType(ExportMediaType mediaType) {
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /** Replaces the extension sets. */
        public Builder extensions(Set<ExportExtension> extensions) {
            this.extensions = EnumSet.noneOf(ExportExtension.class);
            this.extensions.addAll(extensions);
            return this;
        }

        /** Adds extension sets. */
        public Builder addExtensions(ExportExtension... extensions) {
            for (ExportExtension extension : extensions) {
                this.extensions.add(Objects.requireNonNull(extension, "extension"));
            }
            return this;
        }

        /** Sets the stage (required). */
        public Builder stageName(String stageName) {
            this.stageName = Objects.requireNonNull(stageName, "stageName");
            return this;
        }

        /** Sets the region of the {@code execute-api} host. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Sets the timestamp written as {@code info.version} when the API has no version. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
            return this;
        }

        /** Validates and builds. */
        public ExportOptions build() {
            return new ExportOptions(this);
        }
    }
}
