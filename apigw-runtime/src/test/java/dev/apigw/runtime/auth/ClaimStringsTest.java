package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference 8.4 and 2.1: the claims API Gateway hands on are strings. */
class ClaimStringsTest {
    @Test
    void of_claimsOfEveryType_renderedAsAwsEventsShowThem() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "user-1");
        claims.put("email_verified", true);
        claims.put("auth_time", 1513492092L);
        claims.put("exp", 1513495692L);
        claims.put("iat", 1513492092L);
        claims.put("cognito:groups", List.of("admins", "editors"));
        claims.put("custom:level", 2.0);
        claims.put("custom:ratio", 2.5);

        Map<String, Object> strings = ClaimStrings.of(claims);

        assertThat(strings)
                .containsExactly(
                        Map.entry("sub", "user-1"),
                        Map.entry("email_verified", "true"),
                        Map.entry("auth_time", "1513492092"),
                        Map.entry("exp", "Sun Dec 17 07:28:12 UTC 2017"),
                        Map.entry("iat", "Sun Dec 17 06:28:12 UTC 2017"),
                        Map.entry("cognito:groups", "[admins editors]"),
                        Map.entry("custom:level", "2"),
                        Map.entry("custom:ratio", "2.5"));
    }

    @Test
    void of_objectClaim_givesItsJson() {
        Map<String, Object> claims = Map.of("address", Map.of("country", "NZ"));

        assertThat(ClaimStrings.of(claims)).containsEntry("address", "{\"country\":\"NZ\"}");
    }
}
