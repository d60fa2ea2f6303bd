package dev.apigw.runtime.auth;

import dev.apigw.model.Authorizer;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.pipeline.AttributeKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment's authorizers (reference 8.3, 8.4), each compiled once when the deployment is: its
 * identity sources parsed, its validation expression compiled, its result cache found in the API's
 * {@link AuthorizerCaches}. Methods find theirs by {@code authorizerId}.
 */
public final class CompiledAuthorizers {
    /** The deployment's compiled authorizers. */
    public static final AttributeKey<CompiledAuthorizers> KEY = AttributeKey.of("authorizers");

    private final Map<String, MethodAuthorizer> byId;

    private CompiledAuthorizers(Map<String, MethodAuthorizer> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * Compiles every authorizer of the API; fails with {@link IllegalArgumentException} naming the
     * authorizer at fault.
     */
    public static CompiledAuthorizers compile(RestApi api) {
        return compile(api, AuthorizerCaches.create());
    }

    /**
     * Compiles every authorizer of the API, each Lambda authorizer caching its answers in {@code
     * caches} (the API's, shared by its deployments); fails with {@link IllegalArgumentException}
     * naming the authorizer at fault.
     */
    public static CompiledAuthorizers compile(RestApi api, AuthorizerCaches caches) {
        Map<String, MethodAuthorizer> byId = new LinkedHashMap<>();
        for (Authorizer authorizer : api.authorizers().values()) {
            byId.put(authorizer.id(), compile(authorizer, caches));
        }
        return new CompiledAuthorizers(byId);
    }

    private static MethodAuthorizer compile(Authorizer authorizer, AuthorizerCaches caches) {
        return switch (authorizer.type()) {
            case COGNITO_USER_POOLS -> CognitoAuthorizer.compile(authorizer);
            case TOKEN, REQUEST -> LambdaAuthorizer.compile(authorizer, caches);
        };
    }

    /** Returns the compiled authorizer of this id, if the API has one. */
    public Optional<MethodAuthorizer> get(String authorizerId) {
        return Optional.ofNullable(byId.get(authorizerId));
    }
}
