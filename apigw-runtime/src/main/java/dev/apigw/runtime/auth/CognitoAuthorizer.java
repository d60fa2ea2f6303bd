package dev.apigw.runtime.auth;

import dev.apigw.model.Authorizer;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code COGNITO_USER_POOLS} authorizer (reference 8.4). The token comes from the header its
 * {@code identitySource} names, bare or after {@code Bearer } (as AWS's own examples send it). A
 * method without {@code authorizationScopes} takes an ID token ({@code token_use: id}); one with
 * scopes an access token ({@code token_use: access}) whose {@code scope} claim holds any of them.
 * An {@code identityValidationExpression} must match the token's {@code aud} (access tokens have
 * none, so they fail it). The signature, issuer and lifetime are checked by {@link
 * UserPoolTokenVerifier} against the key sets the host bound, with the account's clock. Every
 * failure answers 401 UNAUTHORIZED {@code {"message":"Unauthorized"}}; a valid token's claims go to
 * {@code $context.authorizer.claims} and the proxy event's {@code requestContext.authorizer}.
 */
final class CognitoAuthorizer implements MethodAuthorizer {
    private static final String HEADER_SOURCE = "method.request.header.";
    private static final String BEARER = "bearer ";

    private final String header;
    private final Pattern audience;
    private final UserPoolTokenVerifier verifier;

    private CognitoAuthorizer(String header, Pattern audience, List<UserPoolArn> pools) {
        this.header = header;
        this.audience = audience;
        this.verifier = new UserPoolTokenVerifier(pools);
    }

    /**
     * Compiles a Cognito authorizer; fails with {@link IllegalArgumentException} when its identity
     * source is not one header, a provider ARN is not a user pool's or the validation expression
     * does not compile.
     */
    static CognitoAuthorizer compile(Authorizer authorizer) {
        try {
            return compileChecked(authorizer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "authorizer " + authorizer.name() + ": " + e.getMessage(), e);
        }
    }

    private static CognitoAuthorizer compileChecked(Authorizer authorizer) {
        String source = authorizer.identitySource().orElse("").strip();
        if (!source.startsWith(HEADER_SOURCE) || source.length() == HEADER_SOURCE.length()) {
            throw new IllegalArgumentException(
                    "identitySource must be one header, method.request.header.<Name>: " + source);
        }
        if (authorizer.providerArns().isEmpty()) {
            throw new IllegalArgumentException("providerARNs are required");
        }
        List<UserPoolArn> pools = new ArrayList<>();
        for (String arn : authorizer.providerArns()) {
            pools.add(UserPoolArn.parse(arn));
        }
        Pattern audience = null;
        if (authorizer.identityValidationExpression().isPresent()) {
            try {
                audience = Pattern.compile(authorizer.identityValidationExpression().get());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "identityValidationExpression does not compile: " + e.getDescription(), e);
            }
        }
        return new CognitoAuthorizer(source.substring(HEADER_SOURCE.length()), audience, pools);
    }

    @Override
    public Authorization authorize(Exchange exchange) {
        String token = token(exchange.request().headers().first(header).orElse(""));
        if (token.isEmpty()) {
            throw refuse(exchange, "no token in header " + header);
        }
        UserPoolTokenVerifier.Outcome outcome =
                verifier.verify(
                        token,
                        exchange.backends().binding(UserPoolKeys.BINDINGS).orElse(Map.of()),
                        exchange.requestTime());
        if (outcome instanceof UserPoolTokenVerifier.Rejected rejected) {
            throw refuse(exchange, rejected.reason());
        }
        UserPoolTokenVerifier.Verified valid = (UserPoolTokenVerifier.Verified) outcome;
        List<String> methodScopes = exchange.method().method().authorizationScopes();
        Object use = valid.claims().getClaim("token_use");
        List<String> tokenScopes = List.of();
        if (methodScopes.isEmpty()) {
            if (!"id".equals(use)) {
                throw refuse(exchange, "the method takes an ID token; token_use is " + use);
            }
        } else {
            if (!"access".equals(use)) {
                throw refuse(exchange, "the method takes an access token; token_use is " + use);
            }
            tokenScopes = scopes(valid.claims().getClaim("scope"));
            if (methodScopes.stream().noneMatch(tokenScopes::contains)) {
                throw refuse(exchange, "the token has none of the method's scopes");
            }
        }
        if (audience != null && !audienceMatches(valid.claims().getAudience())) {
            throw refuse(exchange, "the token's aud does not match identityValidationExpression");
        }
        exchange.trace()
                .add("authorizer", "Cognito token of user pool ", valid.pool().poolId() + " valid");
        AuthorizerOutput output =
                AuthorizerOutput.cognito(
                        ClaimStrings.of(valid.claims().toJSONObject()), tokenScopes);
        return new Authorization(exchange.withAuthorizerOutput(output), PolicyDecision.ALLOW);
    }

    private boolean audienceMatches(List<String> aud) {
        return aud != null && aud.stream().anyMatch(a -> BoundedMatch.matches(audience, a));
    }

    private static String token(String value) {
        String trimmed = value.strip();
        if (trimmed.length() > BEARER.length()
                && trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return trimmed.substring(BEARER.length()).strip();
        }
        return trimmed;
    }

    private static List<String> scopes(Object claim) {
        return claim instanceof String s && !s.isBlank()
                ? Arrays.asList(s.strip().split("\\s+"))
                : List.of();
    }

    private static GatewayException refuse(Exchange exchange, String reason) {
        exchange.trace().add("authorizer", "Unauthorized request: ", reason);
        return GatewayException.of(GatewayResponseType.UNAUTHORIZED);
    }
}
