package dev.apigw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP API's CORS configuration (reference section 11.2, {@code x-amazon-apigateway-cors}): API
 * Gateway answers preflight requests itself and adds these headers to every answer.
 *
 * @param allowOrigins {@code Access-Control-Allow-Origin}: origins, {@code *}, {@code https://*}
 * @param allowCredentials {@code Access-Control-Allow-Credentials}
 * @param exposeHeaders {@code Access-Control-Expose-Headers}
 * @param maxAge {@code Access-Control-Max-Age} in seconds, -1 to 86,400
 * @param allowMethods {@code Access-Control-Allow-Methods}
 * @param allowHeaders {@code Access-Control-Allow-Headers}
 */
public record CorsConfiguration(
        List<String> allowOrigins,
        boolean allowCredentials,
        List<String> exposeHeaders,
        Optional<Integer> maxAge,
        List<String> allowMethods,
        List<String> allowHeaders) {
    /** Validates and copies. */
    public CorsConfiguration {
        allowOrigins = Copies.list(allowOrigins);
        exposeHeaders = Copies.list(exposeHeaders);
        allowMethods = Copies.list(allowMethods);
        allowHeaders = Copies.list(allowHeaders);
        maxAge.ifPresent(age -> Checks.requireRange(age, -1, 86_400, "cors maxAge"));
        if (allowCredentials && allowOrigins.contains("*")) {
            throw new IllegalArgumentException(
                    "cors: allowCredentials cannot be true when allowOrigins contains *");
        }
    }

    /** Returns a new builder: nothing allowed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.allowOrigins = new ArrayList<>(allowOrigins);
        b.allowCredentials = allowCredentials;
        b.exposeHeaders = new ArrayList<>(exposeHeaders);
        b.maxAge = maxAge.orElse(null);
        b.allowMethods = new ArrayList<>(allowMethods);
        b.allowHeaders = new ArrayList<>(allowHeaders);
        return b;
    }

    /** Builds {@link CorsConfiguration}. */
    public static final class Builder {
        private List<String> allowOrigins = new ArrayList<>();
        private boolean allowCredentials;
        private List<String> exposeHeaders = new ArrayList<>();
        private Integer maxAge;
        private List<String> allowMethods = new ArrayList<>();
        private List<String> allowHeaders = new ArrayList<>();

        private Builder() {}

        /** Sets the allowed origins. */
        public Builder allowOrigins(String... origins) {
            this.allowOrigins = new ArrayList<>(List.of(origins));
            return this;
        }

        /** Sets whether credentials are allowed. */
        public Builder allowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
            return this;
        }

        /** Sets the headers browsers may read. */
        public Builder exposeHeaders(String... headers) {
            this.exposeHeaders = new ArrayList<>(List.of(headers));
            return this;
        }

        /** Sets how long browsers may cache a preflight answer, -1 to 86,400 seconds. */
        public Builder maxAge(Integer maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /** Sets the allowed methods. */
        public Builder allowMethods(String... methods) {
            this.allowMethods = new ArrayList<>(List.of(methods));
            return this;
        }

        /** Sets the allowed request headers. */
        public Builder allowHeaders(String... headers) {
            this.allowHeaders = new ArrayList<>(List.of(headers));
            return this;
        }

        /** Validates and builds. */
        public CorsConfiguration build() {
            return new CorsConfiguration(
                    allowOrigins,
                    allowCredentials,
                    exposeHeaders,
                    Optional.ofNullable(maxAge),
                    allowMethods,
                    allowHeaders);
        }
    }
}
