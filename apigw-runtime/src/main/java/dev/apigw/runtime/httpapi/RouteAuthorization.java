package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.IamIdentity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the authorizer of an HTTP API route established about the caller (reference 8.5 to 8.7), for
 * the integration's event ({@code requestContext.authorizer.jwt|lambda|iam}, reference 2.4) and
 * {@code $context.authorizer.*} (reference 10.4, values not stringified). Absent from the exchange
 * for a route with {@code authorizationType NONE}.
 *
 * @param kind which authorizer ran
 * @param claims a JWT's claims, with their JSON types (empty unless {@code JWT})
 * @param scopes a JWT's scopes from {@code scope} or {@code scp} (empty unless {@code JWT})
 * @param lambdaContext a Lambda authorizer's {@code context}, with its JSON types (empty unless
 *     {@code LAMBDA})
 * @param principalId a 1.0 (or policy-answering) Lambda authorizer's {@code principalId}, if any
 * @param iam the SigV4 caller (present only for {@code IAM})
 */
public record RouteAuthorization(
        Kind kind,
        Map<String, Object> claims,
        List<String> scopes,
        Map<String, Object> lambdaContext,
        Optional<String> principalId,
        Optional<IamIdentity> iam) {
    /** Where the authorizer step keeps it in an exchange. */
    public static final AttributeKey<RouteAuthorization> KEY =
            AttributeKey.of("httpApiRouteAuthorization");

    /** The kinds of HTTP API authorization. */
    public enum Kind {
        /** A JWT authorizer (reference 8.5). */
        JWT,
        /** A Lambda authorizer (reference 8.6). */
        LAMBDA,
        /** IAM, SigV4 (reference 8.7). */
        IAM
    }

    /** Checks and copies. */
    public RouteAuthorization {
        Objects.requireNonNull(kind);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        scopes = List.copyOf(scopes);
        lambdaContext = Collections.unmodifiableMap(new LinkedHashMap<>(lambdaContext));
        Objects.requireNonNull(principalId);
        Objects.requireNonNull(iam);
    }

    /** Returns a JWT authorizer's outcome. */
    public static RouteAuthorization jwt(Map<String, Object> claims, List<String> scopes) {
        return new RouteAuthorization(
                Kind.JWT, claims, scopes, Map.of(), Optional.empty(), Optional.empty());
    }

    /** Returns a Lambda authorizer's outcome. */
    public static RouteAuthorization lambda(
            Map<String, Object> context, Optional<String> principalId) {
        return new RouteAuthorization(
                Kind.LAMBDA, Map.of(), List.of(), context, principalId, Optional.empty());
    }

    /** Returns an IAM authorization's outcome. */
    public static RouteAuthorization iam(IamIdentity identity) {
        return new RouteAuthorization(
                Kind.IAM, Map.of(), List.of(), Map.of(), Optional.empty(), Optional.of(identity));
    }
}
