package dev.apigw.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings of a stage for all methods ({@code *}{@code /*}) or one ({@code pets/GET}): metrics,
 * logging, throttling and caching, with the defaults AWS materialises (reference section 9.1).
 */
public final class MethodSetting {
    private final boolean metricsEnabled;
    private final LoggingLevel loggingLevel;
    private final boolean dataTraceEnabled;
    private final int throttlingBurstLimit;
    private final double throttlingRateLimit;
    private final boolean cachingEnabled;
    private final int cacheTtlInSeconds;
    private final boolean cacheDataEncrypted;
    private final boolean requireAuthorizationForCacheControl;
    private final UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy;

    private MethodSetting(Builder b) {
        this.metricsEnabled = b.metricsEnabled;
        this.loggingLevel = b.loggingLevel;
        this.dataTraceEnabled = b.dataTraceEnabled;
        this.throttlingBurstLimit = b.throttlingBurstLimit;
        this.throttlingRateLimit = b.throttlingRateLimit;
        new ThrottleSettings(throttlingBurstLimit, throttlingRateLimit);
        this.cachingEnabled = b.cachingEnabled;
        Checks.requireRange(b.cacheTtlInSeconds, 0, 3600, "cacheTtlInSeconds");
        this.cacheTtlInSeconds = b.cacheTtlInSeconds;
        this.cacheDataEncrypted = b.cacheDataEncrypted;
        this.requireAuthorizationForCacheControl = b.requireAuthorizationForCacheControl;
        this.unauthorizedCacheControlHeaderStrategy =
                Objects.requireNonNull(b.unauthorizedCacheControlHeaderStrategy);
    }

    /** Returns a builder with AWS's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy built from {@link #toBuilder()} with the changes the consumer makes, e.g.
     * {@code setting.copy(b -> b.cachingEnabled(true))}; this instance does not change.
     */
    public MethodSetting copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns whether detailed CloudWatch metrics are on. */
    public boolean metricsEnabled() {
        return metricsEnabled;
    }

    /** Returns the execution-log level, if set. */
    public Optional<LoggingLevel> loggingLevel() {
        return Optional.ofNullable(loggingLevel);
    }

    /** Returns whether full request and response logging is on. */
    public boolean dataTraceEnabled() {
        return dataTraceEnabled;
    }

    /** Returns the throttle of these methods (default burst 5000, rate 10000). */
    public ThrottleSettings throttle() {
        return new ThrottleSettings(throttlingBurstLimit, throttlingRateLimit);
    }

    /** Returns whether responses are cached. */
    public boolean cachingEnabled() {
        return cachingEnabled;
    }

    /** Returns the cache TTL, 0 to 3600 seconds (default 300). */
    public int cacheTtlInSeconds() {
        return cacheTtlInSeconds;
    }

    /** Returns whether cached data is encrypted. */
    public boolean cacheDataEncrypted() {
        return cacheDataEncrypted;
    }

    /** Returns whether {@code Cache-Control: max-age=0} needs authorization. */
    public boolean requireAuthorizationForCacheControl() {
        return requireAuthorizationForCacheControl;
    }

    /** Returns what an unauthorized cache invalidation gets. */
    public UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy() {
        return unauthorizedCacheControlHeaderStrategy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodSetting m
                && metricsEnabled == m.metricsEnabled
                && loggingLevel == m.loggingLevel
                && dataTraceEnabled == m.dataTraceEnabled
                && throttlingBurstLimit == m.throttlingBurstLimit
                && Double.compare(throttlingRateLimit, m.throttlingRateLimit) == 0
                && cachingEnabled == m.cachingEnabled
                && cacheTtlInSeconds == m.cacheTtlInSeconds
                && cacheDataEncrypted == m.cacheDataEncrypted
                && requireAuthorizationForCacheControl == m.requireAuthorizationForCacheControl
                && unauthorizedCacheControlHeaderStrategy
                        == m.unauthorizedCacheControlHeaderStrategy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                throttlingBurstLimit, throttlingRateLimit, cachingEnabled, cacheTtlInSeconds);
    }

    /** Builds a {@link MethodSetting}. */
    public static final class Builder {
        private boolean metricsEnabled;
        private LoggingLevel loggingLevel;
        private boolean dataTraceEnabled;
        private int throttlingBurstLimit = 5000;
        private double throttlingRateLimit = 10000.0;
        private boolean cachingEnabled;
        private int cacheTtlInSeconds = 300;
        private boolean cacheDataEncrypted;
        private boolean requireAuthorizationForCacheControl = true;
        private UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy =
                UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;

        private Builder() {}

        private Builder(MethodSetting m) {
            metricsEnabled = m.metricsEnabled;
            loggingLevel = m.loggingLevel;
            dataTraceEnabled = m.dataTraceEnabled;
            throttlingBurstLimit = m.throttlingBurstLimit;
            throttlingRateLimit = m.throttlingRateLimit;
            cachingEnabled = m.cachingEnabled;
            cacheTtlInSeconds = m.cacheTtlInSeconds;
            cacheDataEncrypted = m.cacheDataEncrypted;
            requireAuthorizationForCacheControl = m.requireAuthorizationForCacheControl;
            unauthorizedCacheControlHeaderStrategy = m.unauthorizedCacheControlHeaderStrategy;
        }

        /** Sets whether detailed metrics are on. */
        public Builder metricsEnabled(boolean metricsEnabled) {
            this.metricsEnabled = metricsEnabled;
            return this;
        }

        /** Sets the execution-log level. */
        public Builder loggingLevel(LoggingLevel loggingLevel) {
            this.loggingLevel = loggingLevel;
            return this;
        }

        /** Sets whether full request and response logging is on. */
        public Builder dataTraceEnabled(boolean dataTraceEnabled) {
            this.dataTraceEnabled = dataTraceEnabled;
            return this;
        }

        /** Sets the throttling burst limit. */
        public Builder throttlingBurstLimit(int throttlingBurstLimit) {
            this.throttlingBurstLimit = throttlingBurstLimit;
            return this;
        }

        /** Sets the throttling rate limit in requests per second. */
        public Builder throttlingRateLimit(double throttlingRateLimit) {
            this.throttlingRateLimit = throttlingRateLimit;
            return this;
        }

        /** Sets whether responses are cached. */
        public Builder cachingEnabled(boolean cachingEnabled) {
            this.cachingEnabled = cachingEnabled;
            return this;
        }

        /** Sets the cache TTL in seconds. */
        public Builder cacheTtlInSeconds(int cacheTtlInSeconds) {
            this.cacheTtlInSeconds = cacheTtlInSeconds;
            return this;
        }

        /** Sets whether cached data is encrypted. */
        public Builder cacheDataEncrypted(boolean cacheDataEncrypted) {
            this.cacheDataEncrypted = cacheDataEncrypted;
            return this;
        }

        /** Sets whether cache invalidation needs authorization. */
        public Builder requireAuthorizationForCacheControl(boolean required) {
            this.requireAuthorizationForCacheControl = required;
            return this;
        }

        /** Sets what an unauthorized cache invalidation gets. */
        public Builder unauthorizedCacheControlHeaderStrategy(
                UnauthorizedCacheControlHeaderStrategy strategy) {
            this.unauthorizedCacheControlHeaderStrategy = strategy;
            return this;
        }

        /** Validates and builds. */
        public MethodSetting build() {
            return new MethodSetting(this);
        }
    }
}
