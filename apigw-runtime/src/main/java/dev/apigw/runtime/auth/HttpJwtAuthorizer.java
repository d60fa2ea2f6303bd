package dev.apigw.runtime.auth;

import dev.apigw.model.HttpAuthorizer;
import dev.apigw.runtime.httpapi.HttpResolution;
import dev.apigw.runtime.httpapi.RouteAuthorization;
import dev.apigw.runtime.pipeline.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP API JWT authorizer (reference 8.5), compiled once and shared by its routes: reads the
 * token from its one identity source, the token alone or after {@code Bearer }, finds the key set
 * of its issuer and has {@link HttpJwtVerifier} check the token at the account clock's time. The
 * issuer's key set is the one the host bound under the issuer URL ({@code Api.Builder.jwks}), or,
 * for a Cognito issuer ({@code https://cognito-idp.{region}.amazonaws.com/{poolId}}), under the
 * pool id; else it is discovered through the issuer's OpenID configuration on first use and kept
 * ({@link UserPoolKeys#discovered}, 1,500 ms timeouts; a failed discovery refuses the token and is
 * tried again by the next one). A missing or refused token is answered 401 with the {@code
 * www-authenticate} challenge (reference 3.3). Thread-safe.
 */
final class HttpJwtAuthorizer {
    /** The description of a request without a token (see docs/differences.md). */
    static final String MISSING = "the token is missing";

    private static final Pattern COGNITO_ISSUER =
            Pattern.compile("https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/([^/]+)");
    private static final String BEARER = "bearer ";

    private final String name;
    private final String issuer;
    private final String poolId;
    private final IdentitySources source;
    private final HttpJwtVerifier verifier;
    private final UserPoolKeys discovered;

    private HttpJwtAuthorizer(HttpAuthorizer authorizer, Duration timeout) {
        this.name = authorizer.name();
        this.issuer = authorizer.jwtConfiguration().orElseThrow().issuer();
        Matcher cognito = COGNITO_ISSUER.matcher(issuer);
        this.poolId = cognito.matches() ? cognito.group(1) : null;
        this.source = IdentitySources.parseHttp(authorizer.identitySource());
        this.verifier = new HttpJwtVerifier(authorizer.jwtConfiguration().orElseThrow());
        this.discovered = UserPoolKeys.discovered(issuer, timeout);
    }

    /**
     * Compiles a JWT authorizer; fails with {@link IllegalArgumentException} naming it when its
     * identity source or issuer cannot be used.
     */
    static HttpJwtAuthorizer compile(HttpAuthorizer authorizer) {
        return compile(authorizer, UserPoolKeys.FETCH_TIMEOUT);
    }

    /** Compiles a JWT authorizer whose key set discovery waits at most {@code timeout}. */
    static HttpJwtAuthorizer compile(HttpAuthorizer authorizer, Duration timeout) {
        try {
            return new HttpJwtAuthorizer(authorizer, timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "authorizer " + authorizer.name() + ": " + e.getMessage(), e);
        }
    }

    /** Authorizes the caller of a route requiring one of {@code routeScopes} (none: any). */
    RouteAuthorizer.Outcome authorize(Exchange exchange, List<String> routeScopes) {
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        List<String> values = source.values(exchange, resolution.stage().stageVariables());
        if (values == null) {
            return refuse(exchange, MISSING);
        }
        String token = values.get(0).strip();
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).strip();
        }
        if (token.isEmpty() || token.equalsIgnoreCase(BEARER.strip())) {
            return refuse(exchange, MISSING);
        }
        HttpJwtVerifier.Outcome outcome =
                verifier.verify(
                        token, keys(exchange), exchange.gateway().clock().instant(), routeScopes);
        if (outcome instanceof HttpJwtVerifier.Rejected rejected) {
            return refuse(exchange, rejected.description());
        }
        HttpJwtVerifier.Verified verified = (HttpJwtVerifier.Verified) outcome;
        exchange.trace().add("authorizer", "JWT authorizer " + name + " accepted the token");
        return RouteAuthorizer.Outcome.authorized(
                RouteAuthorization.jwt(verified.claims(), verified.scopes()));
    }

    private UserPoolKeys keys(Exchange exchange) {
        Map<String, UserPoolKeys> bound =
                exchange.backends().binding(UserPoolKeys.BINDINGS).orElse(Map.of());
        UserPoolKeys keys = bound.get(issuer);
        if (keys == null && poolId != null) {
            keys = bound.get(poolId);
        }
        return keys != null ? keys : discovered;
    }

    private RouteAuthorizer.Outcome refuse(Exchange exchange, String description) {
        exchange.trace()
                .add("authorizer", "JWT authorizer " + name + " refused the token: ", description);
        return RouteAuthorizer.Outcome.refusedToken(description);
    }

    @Override
    public String toString() {
        return "HttpJwtAuthorizer[" + name + ", " + issuer + "]";
    }
}
