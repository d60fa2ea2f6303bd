package dev.apigw.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@link RestApi.Builder#enableCors(CorsOptions)} writes, as the fields of the console's
 * "Enable CORS" form (reference 11.2): the {@code Access-Control-Allow-Origin}, {@code
 * -Allow-Headers} and {@code -Allow-Methods} values, the resources to enable and the gateway
 * responses that carry the headers too.
 *
 * <p>Values are written as static mappings ({@code 'value'}), so they may not hold a single quote.
 * Defaults are the console's: origin {@code *}, headers {@link #CONSOLE_ALLOW_HEADERS}, methods
 * those of each resource plus {@code OPTIONS}, every resource with a method, and the gateway
 * responses {@code DEFAULT_4XX} and {@code DEFAULT_5XX}.
 */
public final class CorsOptions {
    /** The console's default {@code Access-Control-Allow-Headers} value. */
    public static final String CONSOLE_ALLOW_HEADERS =
            "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";

    private final String allowOrigin;
    private final String allowHeaders;
    private final String allowMethods;
    private final List<String> paths;
    private final Set<GatewayResponseType> gatewayResponses;

    private CorsOptions(Builder b) {
        this.allowOrigin = staticValue(b.allowOrigin, "allowOrigin");
        this.allowHeaders = staticValue(b.allowHeaders, "allowHeaders");
        this.allowMethods =
                b.allowMethods == null ? null : staticValue(b.allowMethods, "allowMethods");
        for (String path : b.paths) {
            Resource.checkPath(path);
        }
        this.paths = Copies.list(b.paths);
        this.gatewayResponses =
                Collections.unmodifiableSet(
                        b.gatewayResponses.isEmpty()
                                ? EnumSet.noneOf(GatewayResponseType.class)
                                : EnumSet.copyOf(b.gatewayResponses));
    }

    private static String staticValue(String value, String field) {
        Checks.requireText(value, "CORS " + field);
        if (value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException(
                    "CORS "
                            + field
                            + " '"
                            + value
                            + "' must not hold a single quote: it is written as the static"
                            + " value '"
                            + value
                            + "'");
        }
        return value;
    }

    /** Returns the console's defaults. */
    public static CorsOptions defaults() {
        return builder().build();
    }

    /** Returns options with the changes the consumer makes to the defaults. */
    public static CorsOptions of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** Returns a builder holding the console's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the {@code Access-Control-Allow-Origin} value ({@code *} by default). */
    public String allowOrigin() {
        return allowOrigin;
    }

    /** Returns the {@code Access-Control-Allow-Headers} value. */
    public String allowHeaders() {
        return allowHeaders;
    }

    /**
     * Returns the {@code Access-Control-Allow-Methods} value if set; absent means each resource's
     * own methods plus {@code OPTIONS}, sorted, or every method when the resource has {@code ANY}.
     */
    public Optional<String> allowMethods() {
        return Optional.ofNullable(allowMethods);
    }

    /** Returns the paths of the resources to enable; empty means every resource with a method. */
    public List<String> paths() {
        return paths;
    }

    /** Returns the gateway responses that get the headers too. */
    public Set<GatewayResponseType> gatewayResponses() {
        return gatewayResponses;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorsOptions c
                && allowOrigin.equals(c.allowOrigin)
                && allowHeaders.equals(c.allowHeaders)
                && Objects.equals(allowMethods, c.allowMethods)
                && paths.equals(c.paths)
                && gatewayResponses.equals(c.gatewayResponses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowOrigin, allowHeaders, allowMethods, paths, gatewayResponses);
    }

    @Override
    public String toString() {
        return "CorsOptions[origin="
                + allowOrigin
                + ", headers="
                + allowHeaders
                + ", methods="
                + allowMethods
                + ", paths="
                + paths
                + ", gatewayResponses="
                + gatewayResponses
                + "]";
    }

    /** Builds {@link CorsOptions}, starting from the console's defaults. */
    public static final class Builder {
        private String allowOrigin = "*";
        private String allowHeaders = CONSOLE_ALLOW_HEADERS;
        private String allowMethods;
        private List<String> paths = new ArrayList<>();
        private Set<GatewayResponseType> gatewayResponses =
                EnumSet.of(GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX);

        private Builder() {}

        /** Sets the allowed origin, e.g. {@code https://app.example.com} or {@code *}. */
        public Builder allowOrigin(String allowOrigin) {
            this.allowOrigin = allowOrigin;
            return this;
        }

        /** Sets the allowed request headers, comma-separated. */
        public Builder allowHeaders(String allowHeaders) {
            this.allowHeaders = allowHeaders;
            return this;
        }

        /** Sets the allowed methods, comma-separated, for every resource enabled. */
        public Builder allowMethods(String allowMethods) {
            this.allowMethods = allowMethods;
            return this;
        }

        /** Replaces the paths of the resources to enable; none means all. */
        public Builder paths(List<String> paths) {
            this.paths = new ArrayList<>(paths);
            return this;
        }

        /** Adds the path of a resource to enable. */
        public Builder addPath(String path) {
            paths.add(path);
            return this;
        }

        /** Replaces the gateway responses that get the headers; none leaves them alone. */
        public Builder gatewayResponses(Set<GatewayResponseType> gatewayResponses) {
            this.gatewayResponses = EnumSet.noneOf(GatewayResponseType.class);
            this.gatewayResponses.addAll(gatewayResponses);
            return this;
        }

        /** Validates and builds; a value holding a single quote is refused. */
        public CorsOptions build() {
            return new CorsOptions(this);
        }
    }
}
