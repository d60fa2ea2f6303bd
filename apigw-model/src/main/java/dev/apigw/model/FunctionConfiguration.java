package dev.apigw.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Lambda function declared in a template ({@code AWS::Lambda::Function} or {@code
 * AWS::Serverless::Function}), with the fields of Lambda's {@code FunctionConfiguration} that
 * serving it needs, and where its code is on this machine. Its name is the template's {@code
 * FunctionName}, else its logical id: the name a {@code Fn::GetAtt Function.Arn} resolves to, and
 * the name an integration URI binds it by.
 */
public final class FunctionConfiguration {
    /** Lambda's default timeout in seconds. */
    public static final int DEFAULT_TIMEOUT = 3;

    /** Lambda's default memory in MB. */
    public static final int DEFAULT_MEMORY_SIZE = 128;

    private final String logicalId;
    private final String functionName;
    private final String runtime;
    private final String handler;
    private final Path codeUri;
    private final Path samBuildDirectory;
    private final int timeout;
    private final int memorySize;
    private final Map<String, String> environment;

    private FunctionConfiguration(Builder b) {
        this.logicalId = Checks.requireText(b.logicalId, "function logicalId");
        this.functionName = b.functionName == null ? logicalId : b.functionName;
        this.runtime = b.runtime == null ? "" : b.runtime;
        this.handler = b.handler == null ? "" : b.handler;
        this.codeUri = b.codeUri;
        this.samBuildDirectory = b.samBuildDirectory;
        if (b.timeout < 1 || b.timeout > 900) {
            throw new IllegalArgumentException(
                    logicalId + ": Timeout must be between 1 and 900 seconds, was " + b.timeout);
        }
        if (b.memorySize < 128 || b.memorySize > 10240) {
            throw new IllegalArgumentException(
                    logicalId
                            + ": MemorySize must be between 128 and 10240 MB, was "
                            + b.memorySize);
        }
        this.timeout = b.timeout;
        this.memorySize = b.memorySize;
        this.environment = Copies.orderedMap(b.environment);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes; this instance does not change. */
    public FunctionConfiguration copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the template's logical id of the function. */
    public String logicalId() {
        return logicalId;
    }

    /** Returns the function's name: {@code FunctionName}, else the logical id. */
    public String functionName() {
        return functionName;
    }

    /** Returns the runtime ({@code java17}, {@code python3.12}...), empty for an image. */
    public String runtime() {
        return runtime;
    }

    /** Returns whether the runtime is a Java one ({@code java8.al2}, {@code java11}, ...). */
    public boolean isJava() {
        return runtime.toLowerCase(Locale.ROOT).startsWith("java");
    }

    /** Returns the handler: {@code pkg.Class::method} or {@code pkg.Class} for Java. */
    public String handler() {
        return handler;
    }

    /**
     * Returns the local path of the code ({@code CodeUri} or {@code Code}) resolved against the
     * template's directory: a jar, a zip or a directory; empty when the code is in S3 or inline.
     */
    public Optional<Path> codeUri() {
        return Optional.ofNullable(codeUri);
    }

    /**
     * Returns where {@code sam build} puts this function's built code: {@code
     * .aws-sam/build/<LogicalId>/} beside the template; empty when not known.
     */
    public Optional<Path> samBuildDirectory() {
        return Optional.ofNullable(samBuildDirectory);
    }

    /** Returns the timeout in seconds (1 to 900, default 3). */
    public int timeout() {
        return timeout;
    }

    /** Returns the memory in MB (128 to 10240, default 128). */
    public int memorySize() {
        return memorySize;
    }

    /** Returns the environment variables ({@code Environment.Variables}). */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FunctionConfiguration)) {
            return false;
        }
        FunctionConfiguration f = (FunctionConfiguration) o;
        return logicalId.equals(f.logicalId)
                && functionName.equals(f.functionName)
                && runtime.equals(f.runtime)
                && handler.equals(f.handler)
                && Objects.equals(codeUri, f.codeUri)
                && Objects.equals(samBuildDirectory, f.samBuildDirectory)
                && timeout == f.timeout
                && memorySize == f.memorySize
                && environment.equals(f.environment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(logicalId, functionName, runtime, handler, codeUri, timeout);
    }

    @Override
    public String toString() {
        return "FunctionConfiguration{"
                + logicalId
                + ", functionName="
                + functionName
                + ", runtime="
                + runtime
                + ", handler="
                + handler
                + ", codeUri="
                + codeUri
                + ", timeout="
                + timeout
                + ", memorySize="
                + memorySize
                + "}";
    }

    /** Builds a {@link FunctionConfiguration}. */
    public static final class Builder {
        private String logicalId;
        private String functionName;
        private String runtime;
        private String handler;
        private Path codeUri;
        private Path samBuildDirectory;
        private int timeout = DEFAULT_TIMEOUT;
        private int memorySize = DEFAULT_MEMORY_SIZE;
        private Map<String, String> environment = Map.of();

        private Builder() {}

        private Builder(FunctionConfiguration f) {
            logicalId = f.logicalId;
            functionName = f.functionName;
            runtime = f.runtime;
            handler = f.handler;
            codeUri = f.codeUri;
            samBuildDirectory = f.samBuildDirectory;
            timeout = f.timeout;
            memorySize = f.memorySize;
            environment = f.environment;
        }

        /** Sets the logical id (required). */
        public Builder logicalId(String logicalId) {
            this.logicalId = logicalId;
            return this;
        }

        /** Sets the function name (default: the logical id). */
        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /** Sets the runtime. */
        public Builder runtime(String runtime) {
            this.runtime = runtime;
            return this;
        }

        /** Sets the handler. */
        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        /** Sets the local path of the code. */
        public Builder codeUri(Path codeUri) {
            this.codeUri = codeUri;
            return this;
        }

        /** Sets where {@code sam build} puts the built code. */
        public Builder samBuildDirectory(Path samBuildDirectory) {
            this.samBuildDirectory = samBuildDirectory;
            return this;
        }

        /** Sets the timeout in seconds. */
        public Builder timeout(int timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sets the memory in MB. */
        public Builder memorySize(int memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        /** Sets the environment variables, replacing any. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Validates and builds. */
        public FunctionConfiguration build() {
            return new FunctionConfiguration(this);
        }
    }
}
