package dev.apigw.model;

import java.util.List;

/**
 * What an HTTP API JWT authorizer accepts (reference section 8.5): tokens issued by {@code issuer}
 * whose {@code aud} or {@code client_id} is one of {@code audience}.
 *
 * @param issuer the issuer URL, compared with the token's {@code iss}
 * @param audience the accepted audiences, at most 50
 */
public record JwtConfiguration(String issuer, List<String> audience) {
    /** Validates and copies. */
    public JwtConfiguration {
        Checks.requireText(issuer, "jwtConfiguration issuer");
        audience = Copies.list(audience);
        if (audience.size() > 50) {
            throw new IllegalArgumentException(
                    "jwtConfiguration audience has " + audience.size() + " entries, at most 50");
        }
    }
}
