package dev.apigw.runtime.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a token of a Cognito user pool authorizer (reference 8.4): a signed JWT whose algorithm
 * is RS256 (so {@code alg: none}, HMAC and encrypted tokens are refused), whose {@code iss} is one
 * of the authorizer's pools, whose {@code kid} names an RSA key of that pool's key set and whose
 * signature that key verifies; {@code exp} must be after now and {@code nbf}, if present, not after
 * it, with no leeway. Hostile input is refused, never thrown. A refusal says why for the execution
 * log, never quoting the token.
 */
final class UserPoolTokenVerifier {
    private final Map<String, UserPoolArn> poolsByIssuer = new LinkedHashMap<>();

    /** Creates a verifier accepting the tokens of these pools. */
    UserPoolTokenVerifier(List<UserPoolArn> pools) {
        for (UserPoolArn pool : pools) {
            poolsByIssuer.put(pool.issuer(), pool);
        }
    }

    /** Returns the claims of a valid token, or why it is refused. */
    Outcome verify(String token, Map<String, UserPoolKeys> keySets, Instant now) {
        try {
            return check(token, keySets, now);
        } catch (ParseException | RuntimeException e) {
            return new Rejected("the token is not a well-formed JWT");
        }
    }

    private Outcome check(String token, Map<String, UserPoolKeys> keySets, Instant now)
            throws ParseException {
        Optional<SignedJWT> parsed = JwsTokens.parse(token);
        if (parsed.isEmpty()) {
            return new Rejected(JwsTokens.whyNotSigned(token));
        }
        SignedJWT signed = parsed.get();
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return new Rejected(
                    "the token's algorithm " + signed.getHeader().getAlgorithm() + " is not RS256");
        }
        JWTClaimsSet claims = signed.getJWTClaimsSet();
        UserPoolArn pool =
                claims.getIssuer() == null ? null : poolsByIssuer.get(claims.getIssuer());
        if (pool == null) {
            return new Rejected("the token's issuer is none of the authorizer's user pools");
        }
        switch (JwsTokens.verify(signed, keySets.get(pool.poolId()))) {
            case UNKNOWN_KEY:
                return new Rejected(
                        "the token's key id is not in the key set of user pool " + pool.poolId());
            case INVALID:
                return new Rejected("the token's signature does not verify");
            default:
                break;
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(now)) {
            return new Rejected("the token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now)) {
            return new Rejected("the token is not valid yet");
        }
        return new Verified(pool, claims);
    }

    /** What a verification found. */
    sealed interface Outcome permits Verified, Rejected {}

    /**
     * A valid token.
     *
     * @param pool the pool that issued it
     * @param claims its claims
     */
    record Verified(UserPoolArn pool, JWTClaimsSet claims) implements Outcome {}

    /**
     * A refused token.
     *
     * @param reason why, for the execution log
     */
    record Rejected(String reason) implements Outcome {}
}
