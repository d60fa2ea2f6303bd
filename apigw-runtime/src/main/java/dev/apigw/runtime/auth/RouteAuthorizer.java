package dev.apigw.runtime.auth;

import dev.apigw.runtime.httpapi.RouteAuthorization;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorizes the caller of one HTTP API route the way its {@code authorizationType} says (reference
 * 8.5 to 8.7), compiled once per route ({@link HttpAuthorizers}). A refusal that AWS answers with a
 * fixed error is thrown as a {@link dev.apigw.runtime.pipeline.GatewayException}; a refused JWT,
 * whose 401 carries a {@code www-authenticate} challenge, is returned as an {@link Outcome} with
 * the challenge. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface RouteAuthorizer {
    /** Where a route keeps its compiled authorizer ({@code CompiledRoute#feature}). */
    AttributeKey<RouteAuthorizer> KEY = AttributeKey.of("httpRouteAuthorizer");

    /** The authorizer of a route with {@code authorizationType NONE}: everyone passes. */
    RouteAuthorizer NONE = exchange -> Outcome.open();

    /** Authorizes the routed exchange's caller; throws AWS's refusal when it cannot. */
    Outcome authorize(Exchange exchange);

    /**
     * What an authorizer decided.
     *
     * @param authorization what it established, empty for an open route
     * @param challenge the {@code www-authenticate} value of a refused JWT (reference 8.5); when
     *     present the request is refused with 401
     */
    record Outcome(Optional<RouteAuthorization> authorization, Optional<String> challenge) {
        /** Checks the parts. */
        public Outcome {
            Objects.requireNonNull(authorization);
            Objects.requireNonNull(challenge);
        }

        /** Returns the outcome of an open route. */
        public static Outcome open() {
            return new Outcome(Optional.empty(), Optional.empty());
        }

        /** Returns the outcome of an authorized caller. */
        public static Outcome authorized(RouteAuthorization authorization) {
            return new Outcome(Optional.of(authorization), Optional.empty());
        }

        /**
         * Returns the outcome of a refused JWT: {@code Bearer scope="" error="invalid_token"
         * error_description="<description>"} (reference 3.3, 8.5).
         */
        public static Outcome refusedToken(String description) {
            return new Outcome(
                    Optional.empty(),
                    Optional.of(
                            "Bearer scope=\"\" error=\"invalid_token\" error_description=\""
                                    + description
                                    + "\""));
        }
    }
}
