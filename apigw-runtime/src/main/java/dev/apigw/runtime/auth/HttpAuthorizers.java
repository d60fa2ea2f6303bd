package dev.apigw.runtime.auth;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorizers of one HTTP API (reference 8.5 to 8.7), each compiled once when the API is and
 * shared by the routes naming it, so that a JWT issuer's discovered key set and a Lambda
 * authorizer's result cache serve all of them. {@link #forRoute} gives each route its {@link
 * RouteAuthorizer}.
 */
public final class HttpAuthorizers {
    private final Map<String, HttpJwtAuthorizer> jwt = new HashMap<>();
    private final Map<String, HttpLambdaAuthorizer> lambda = new HashMap<>();
    private final RouteAuthorizer iam = new HttpIamAuthorizer();

    private HttpAuthorizers(HttpApi api, AuthorizerCaches caches) {
        for (HttpAuthorizer authorizer : api.authorizers().values()) {
            if (authorizer.authorizerType() == HttpAuthorizerType.JWT) {
                jwt.put(authorizer.authorizerId(), HttpJwtAuthorizer.compile(authorizer));
            } else {
                lambda.put(
                        authorizer.authorizerId(),
                        HttpLambdaAuthorizer.compile(authorizer, caches));
            }
        }
    }

    /**
     * Compiles the authorizers of {@code api}; fails with {@link IllegalArgumentException} naming
     * the authorizer whose identity sources or function cannot be used.
     */
    public static HttpAuthorizers compile(HttpApi api) {
        return compile(api, AuthorizerCaches.create());
    }

    /**
     * Compiles the authorizers of {@code api} against {@code caches} (the account's store's, for a
     * fleet); fails as {@link #compile(HttpApi)}.
     */
    public static HttpAuthorizers compile(HttpApi api, AuthorizerCaches caches) {
        return new HttpAuthorizers(api, caches);
    }

    /**
     * Returns the authorizer of {@code route}: none, IAM, its JWT authorizer with its scopes or its
     * Lambda authorizer. The model checked that a route's {@code authorizerId} names an authorizer
     * of the right type.
     */
    public RouteAuthorizer forRoute(Route route) {
        AuthorizationType type = route.authorizationType();
        if (type == AuthorizationType.NONE) {
            return RouteAuthorizer.NONE;
        }
        if (type == AuthorizationType.AWS_IAM) {
            return iam;
        }
        String id = route.authorizerId().orElse("");
        if (type == AuthorizationType.JWT) {
            HttpJwtAuthorizer authorizer = jwt.get(id);
            if (authorizer == null) {
                throw invalid(route, "JWT", "JWT");
            }
            List<String> scopes = route.authorizationScopes();
            return exchange -> authorizer.authorize(exchange, scopes);
        }
        HttpLambdaAuthorizer authorizer = lambda.get(id);
        if (authorizer == null) {
            throw invalid(route, "CUSTOM", "REQUEST");
        }
        return authorizer;
    }

    private IllegalStateException invalid(Route route, String type, String authorizerType) {
        return new IllegalStateException(
                route.routeKey()
                        + ": authorizationType "
                        + type
                        + " needs a compiled "
                        + authorizerType
                        + " authorizer, "
                        + route.authorizerId().orElse("")
                        + " is none");
    }
}
