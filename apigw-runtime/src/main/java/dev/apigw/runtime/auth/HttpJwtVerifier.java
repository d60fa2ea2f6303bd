package dev.apigw.runtime.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.model.JwtConfiguration;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a token for an HTTP API JWT authorizer as AWS does (reference 8.5, "Authorizing API
 * requests with a JWT authorizer"): a signed JWT with an RSA algorithm ({@code alg: none}, HMAC, EC
 * and encrypted tokens are refused) whose {@code kid} names a key of the issuer's key set that
 * verifies its signature; {@code iss} equal to the configured issuer; {@code aud}, or when it has
 * none {@code client_id}, one of the configured audiences; {@code exp} after now; {@code nbf} and
 * {@code iat}, when present, not after now; and, when the route has {@code authorizationScopes},
 * one of them among the token's {@code scope} (space-separated) or {@code scp} (an array or a
 * space-separated string). A refusal carries the {@code error_description} of the 401: AWS's
 * documented text for the audience, ours worded alike for the others (see docs/differences.md).
 * Hostile input is refused, never thrown. Immutable and thread-safe.
 */
final class HttpJwtVerifier {
    static final String NOT_A_JWT = "the token is not a valid JWT";
    static final String BAD_ISSUER = "the token does not have a valid issuer";
    static final String BAD_AUDIENCE = "the token does not have a valid audience";
    static final String EXPIRED = "the token has expired";
    static final String BAD_SCOPE = "the token does not have a valid scope";
    static final String UNSUPPORTED_ALGORITHM = "the token's signing algorithm is not supported";

    private final String issuer;
    private final Set<String> audience;

    HttpJwtVerifier(JwtConfiguration configuration) {
        this.issuer = configuration.issuer();
        this.audience = Set.copyOf(configuration.audience());
    }

    /** Returns the claims and scopes of a valid token, or why it is refused. */
    Outcome verify(String token, UserPoolKeys keys, Instant now, List<String> routeScopes) {
        try {
            return check(token, keys, now, routeScopes);
        } catch (ParseException | RuntimeException e) {
            return new Rejected(NOT_A_JWT);
        }
    }

    private Outcome check(String token, UserPoolKeys keys, Instant now, List<String> routeScopes)
            throws ParseException {
        Optional<SignedJWT> parsed = JwsTokens.parse(token);
        if (parsed.isEmpty()) {
            return new Rejected(JwsTokens.whyNotSigned(token));
        }
        SignedJWT signed = parsed.get();
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!JWSAlgorithm.Family.RSA.contains(alg)) {
            return new Rejected(UNSUPPORTED_ALGORITHM);
        }
        switch (JwsTokens.verify(signed, keys)) {
            case UNKNOWN_KEY:
                return new Rejected("the token's key id is not in the issuer's key set");
            case INVALID:
                return new Rejected("the token's signature is invalid");
            default:
                break;
        }
        JWTClaimsSet claims = signed.getJWTClaimsSet();
        if (!issuer.equals(claims.getIssuer())) {
            return new Rejected(BAD_ISSUER);
        }
        List<String> aud = claims.getAudience();
        String clientId = claims.getStringClaim("client_id");
        boolean audienceValid =
                aud.isEmpty()
                        ? clientId != null && audience.contains(clientId)
                        : aud.stream().anyMatch(a -> a != null && audience.contains(a));
        if (!audienceValid) {
            return new Rejected(BAD_AUDIENCE);
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(now)) {
            return new Rejected(EXPIRED);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now)) {
            return new Rejected("the token is not valid yet");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(now)) {
            return new Rejected("the token was issued in the future");
        }
        if (routeScopes.isEmpty()) {
            return new Verified(claims.toJSONObject(), List.of());
        }
        List<String> scopes = scopes(claims);
        if (scopes.stream().noneMatch(routeScopes::contains)) {
            return new Rejected(BAD_SCOPE);
        }
        return new Verified(claims.toJSONObject(), scopes);
    }

    /** Returns the token's scopes: {@code scope}'s, then {@code scp}'s. */
    private static List<String> scopes(JWTClaimsSet claims) {
        List<String> scopes = new ArrayList<>();
        addScopes(scopes, claims.getClaim("scope"));
        addScopes(scopes, claims.getClaim("scp"));
        return scopes;
    }

    private static void addScopes(List<String> scopes, Object claim) {
        if (claim instanceof String text) {
            for (String scope : text.split(" ")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        } else if (claim instanceof List<?> list) {
            for (Object scope : list) {
                if (scope instanceof String text) {
                    scopes.add(text);
                }
            }
        }
    }

    /** What a verification found. */
    sealed interface Outcome permits Verified, Rejected {}

    /**
     * A valid token.
     *
     * @param claims its claims with their JSON types, in the token's order
     * @param scopes its scopes when the route asks for scopes, else empty
     */
    record Verified(Map<String, Object> claims, List<String> scopes) implements Outcome {}

    /**
     * A refused token.
     *
     * @param description the {@code error_description} of the answer
     */
    record Rejected(String description) implements Outcome {}
}
