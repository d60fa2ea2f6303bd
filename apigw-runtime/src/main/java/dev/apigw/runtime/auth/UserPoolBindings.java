package dev.apigw.runtime.auth;

import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.RestApi;
import java.util.Collection;
import java.util.Map;

/**
 * Checks, when an API is built, that the host bound a JSON Web Key Set for every user pool a served
 * {@code COGNITO_USER_POOLS} authorizer names (reference 8.4): without one no token of the pool
 * could ever be verified, so the build fails naming the authorizer and the pool.
 */
public final class UserPoolBindings {
    private UserPoolBindings() {}

    /**
     * Fails with {@link IllegalArgumentException} naming the first authorizer of these APIs whose
     * pool has no key set in {@code keySets} (by pool id).
     */
    public static void check(Collection<RestApi> served, Map<String, UserPoolKeys> keySets) {
        for (RestApi api : served) {
            for (Authorizer authorizer : api.authorizers().values()) {
                if (authorizer.type() != AuthorizerType.COGNITO_USER_POOLS) {
                    continue;
                }
                for (String arn : authorizer.providerArns()) {
                    String poolId = UserPoolArn.parse(arn).poolId();
                    if (!keySets.containsKey(poolId)) {
                        throw new IllegalArgumentException(
                                "authorizer "
                                        + authorizer.name()
                                        + ": no JSON Web Key Set is bound for user pool "
                                        + poolId);
                    }
                }
            }
        }
    }
}
