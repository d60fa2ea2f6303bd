package dev.apigw.model.openapi;

import dev.apigw.model.EndpointType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link OpenApiImporter} and {@link HttpApiImporter} import: the {@code ImportRestApi}
 * parameters ({@code basepath}, {@code failonwarnings}, {@code endpointConfigurationTypes}, the
 * last for REST APIs only; reference section 4.3) and the values of CloudFormation placeholders:
 * the pseudo-parameters {@code AWS::Region} ({@code us-east-1}), {@code AWS::AccountId} ({@code
 * 123456789012}), {@code AWS::Partition} ({@code aws}), {@code AWS::StackName} ({@code stack}) and
 * any name the user supplies.
 */
public final class ImportOptions {
    private static final ImportOptions DEFAULTS = builder().build();

    private final BasePathMode basePath;
    private final boolean failOnWarnings;
    private final EndpointType endpointType;
    private final String region;
    private final String accountId;
    private final String partition;
    private final String stackName;
    private final Map<String, String> placeholders;

    private ImportOptions(Builder b) {
        this.basePath = b.basePath;
        this.failOnWarnings = b.failOnWarnings;
        this.endpointType = b.endpointType;
        this.region = requireText(b.region, "region");
        this.accountId = requireText(b.accountId, "accountId");
        this.partition = requireText(b.partition, "partition");
        this.stackName = requireText(b.stackName, "stackName");
        this.placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(b.placeholders));
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Returns the defaults: base path {@code IGNORE}, warnings accepted, EDGE, us-east-1. */
    public static ImportOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a new builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy built from {@link #toBuilder()} with the changes the consumer makes, e.g.
     * {@code options.copy(b -> b.failOnWarnings(true))}; this instance does not change.
     */
    public ImportOptions copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the base path mode ({@code IGNORE} by default). */
    public BasePathMode basePath() {
        return basePath;
    }

    /** Returns whether any warning fails the import (AWS's {@code failonwarnings=true}). */
    public boolean failOnWarnings() {
        return failOnWarnings;
    }

    /** Returns the endpoint type of the API ({@code EDGE} by default, as AWS's import). */
    public EndpointType endpointType() {
        return endpointType;
    }

    /** Returns the value of {@code AWS::Region}. */
    public String region() {
        return region;
    }

    /** Returns the value of {@code AWS::AccountId}. */
    public String accountId() {
        return accountId;
    }

    /** Returns the value of {@code AWS::Partition}. */
    public String partition() {
        return partition;
    }

    /** Returns the value of {@code AWS::StackName}. */
    public String stackName() {
        return stackName;
    }

    /**
     * Returns the user's placeholder values by name: a {@code ${name}}, a {@code Ref} or an {@code
     * Fn::GetAtt} ({@code LogicalId.Attribute}) with that name takes the value.
     */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportOptions i
                && basePath == i.basePath
                && failOnWarnings == i.failOnWarnings
                && endpointType == i.endpointType
                && region.equals(i.region)
                && accountId.equals(i.accountId)
                && partition.equals(i.partition)
                && stackName.equals(i.stackName)
                && placeholders.equals(i.placeholders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                basePath, failOnWarnings, endpointType, region, accountId, placeholders);
    }

    @Override
    public String toString() {
        return "ImportOptions[basePath="
                + basePath
                + ", failOnWarnings="
                + failOnWarnings
                + ", "
                + endpointType
                + ", "
                + region
                + ", "
                + accountId
                + "]";
    }

    /** Builds {@link ImportOptions}. */
    public static final class Builder {
        private BasePathMode basePath = BasePathMode.IGNORE;
        private boolean failOnWarnings;
        private EndpointType endpointType = EndpointType.EDGE;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String partition = "aws";
        private String stackName = "stack";
        private Map<String, String> placeholders = new LinkedHashMap<>();

        private Builder() {}

        private Builder(ImportOptions o) {
            basePath = o.basePath;
            failOnWarnings = o.failOnWarnings;
            endpointType = o.endpointType;
            region = o.region;
            accountId = o.accountId;
            partition = o.partition;
            stackName = o.stackName;
            placeholders = new LinkedHashMap<>(o.placeholders);
        }

        /** Sets the base path mode. */
        public Builder basePath(BasePathMode basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        /** Sets whether a warning fails the import. */
        public Builder failOnWarnings(boolean failOnWarnings) {
            this.failOnWarnings = failOnWarnings;
            return this;
        }

        /** Sets the endpoint type. */
        public Builder endpointType(EndpointType endpointType) {
            this.endpointType = Objects.requireNonNull(endpointType, "endpointType");
            return this;
        }

        /** Sets the value of {@code AWS::Region}. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Sets the value of {@code AWS::AccountId}. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets the value of {@code AWS::Partition}. */
        public Builder partition(String partition) {
            this.partition = partition;
            return this;
        }

        /** Sets the value of {@code AWS::StackName}. */
        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        /** Replaces the placeholder values. */
        public Builder placeholders(Map<String, String> placeholders) {
            this.placeholders = new LinkedHashMap<>(placeholders);
            return this;
        }

        /** Adds one placeholder value, e.g. {@code PetTable -> pets}. */
        public Builder putPlaceholder(String name, String value) {
            placeholders.put(
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Validates and builds. */
        public ImportOptions build() {
            return new ImportOptions(this);
        }
    }
}
