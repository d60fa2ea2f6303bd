package dev.apigw.model.cloudformation;

import dev.apigw.model.openapi.ImportOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link CloudFormationImporter} imports a template: the values of its {@code Parameters} (a
 * parameter without one takes its {@code Default}), the values {@code Fn::ImportValue} reads (other
 * stacks' exports), the clock that dates its deployments, and the {@link ImportOptions} of the
 * OpenAPI bodies it holds, whose region, account id, partition and stack name are also the
 * template's pseudo-parameters ({@code AWS::Region}...).
 */
public final class TemplateOptions {
    private static final TemplateOptions DEFAULTS = builder().build();

    private final ImportOptions openApi;
    private final Map<String, String> parameters;
    private final Map<String, String> importValues;
    private final Clock clock;

    private TemplateOptions(Builder b) {
        openApi = b.openApi;
        parameters = Map.copyOf(b.parameters);
        importValues = Map.copyOf(b.importValues);
        clock = b.clock;
    }

    /** Returns the defaults: no parameter values, us-east-1, account 123456789012. */
    public static TemplateOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a copy with the changes the consumer makes. */
    public TemplateOptions copy(Consumer<Builder> changes) {
        Builder b = new Builder();
        b.openApi = openApi;
        b.parameters.putAll(parameters);
        b.importValues.putAll(importValues);
        b.clock = clock;
        changes.accept(b);
        return b.build();
    }

    /** Returns the options of the OpenAPI bodies, and the pseudo-parameters' values. */
    public ImportOptions openApi() {
        return openApi;
    }

    /** Returns the parameter values given by the caller. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Returns the exported values {@code Fn::ImportValue} reads. */
    public Map<String, String> importValues() {
        return importValues;
    }

    /** Returns the clock that dates deployments. */
    public Clock clock() {
        return clock;
    }

    /** Builds {@link TemplateOptions}. */
    public static final class Builder {
        private ImportOptions openApi = ImportOptions.defaults();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> importValues = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sets the OpenAPI import options (region, account, placeholders, base path...). */
        public Builder openApi(ImportOptions openApi) {
            this.openApi = Objects.requireNonNull(openApi, "openApi");
            return this;
        }

        /** Sets a parameter's value. */
        public Builder parameter(String name, String value) {
            parameters.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Sets parameter values. */
        public Builder parameters(Map<String, String> values) {
            values.forEach(this::parameter);
            return this;
        }

        /** Sets the value of an export another stack makes. */
        public Builder importValue(String name, String value) {
            importValues.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Sets the clock that dates deployments. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds. */
        public TemplateOptions build() {
            return new TemplateOptions(this);
        }
    }
}
