package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How {@link PolicyEvaluator} decides (reference 8.8, and 8.3 for an authorizer's policy): explicit
 * deny wins, no applicable Allow is an implicit deny, wildcards in resources and actions,
 * principals, the condition operators on {@code aws:SourceIp}, {@code aws:CurrentTime} and string
 * keys, the reference's example policies, and every row of tables A and B.
 */
class PolicyEvaluatorTest {
    private static final String API = "arn:aws:execute-api:us-east-1:123456789012:abc123";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final EvaluationContext ANONYMOUS = EvaluationContext.anonymous(NOW);

    private static PolicyDocument resourcePolicy(String statements) {
        return PolicyDocument.parseResourcePolicy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}",
                "us-east-1",
                "123456789012",
                "abc123");
    }

    private static String statement(String effect, String resource, String condition) {
        return "{\"Effect\":\""
                + effect
                + "\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\""
                + resource
                + "\""
                + (condition.isEmpty() ? "" : ",\"Condition\":" + condition)
                + "}";
    }

    private static PolicyDecision decide(PolicyDocument policy, String arn, EvaluationContext c) {
        return PolicyEvaluator.evaluate(policy, PolicyEvaluator.INVOKE, arn, c);
    }

    @Test
    void evaluate_allowAndDenyBothApply_denyWins() {
        PolicyDocument policy =
                resourcePolicy(
                        statement("Allow", "execute-api:/*", "")
                                + ","
                                + statement("Deny", "execute-api:/prod/DELETE/*", "")
                                + ","
                                + statement("Allow", "execute-api:/prod/DELETE/*", ""));

        assertThat(decide(policy, API + "/prod/DELETE/pets/1", ANONYMOUS))
                .isEqualTo(PolicyDecision.DENY);
        assertThat(decide(policy, API + "/prod/GET/pets", ANONYMOUS))
                .isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void evaluate_noStatementApplies_noMatch() {
        PolicyDocument policy = resourcePolicy(statement("Allow", "execute-api:/test/*", ""));

        assertThat(decide(policy, API + "/prod/GET/pets", ANONYMOUS))
                .isEqualTo(PolicyDecision.NO_MATCH);
    }

    /** Reference 8.7's wildcard forms of the resource ARN, and {@code ?} for one character. */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "arn:aws:execute-api:*:*:*, /prod/GET/pets, ALLOW",
        "arn:aws:execute-api:us-east-1:*:abc123/*, /prod/GET/, ALLOW",
        "arn:aws:execute-api:us-east-1:*:abc123/test/*, /prod/GET/pets, NO_MATCH",
        "arn:aws:execute-api:us-east-1:*:abc123/test/*, /test/POST/pets/a1, ALLOW",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/pets, /beta/GET/pets, ALLOW",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/pets, /beta/GET/pets/1, NO_MATCH",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/???/pets, /prod/PUT/pets, ALLOW",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/???/pets, /prod/POST/pets, NO_MATCH",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/Pets, /prod/GET/pets, NO_MATCH",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/get/pets, /prod/GET/pets, NO_MATCH",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/*x, /prod/GET/*/x, ALLOW"
    })
    void evaluate_resourceWildcards_matchAsIam(String resource, String path, String decision) {
        PolicyDocument policy =
                PolicyDocument.parseAuthorizerPolicy(
                        PolicyDocument.read(
                                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\""
                                        + resource
                                        + "\"}]}"));

        assertThat(decide(policy, API + path, ANONYMOUS))
                .isEqualTo(PolicyDecision.valueOf(decision));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "execute-api:Invoke, ALLOW",
        "execute-api:invoke, ALLOW",
        "EXECUTE-API:*, ALLOW",
        "execute-api:Inv?ke, ALLOW",
        "*, ALLOW",
        "execute-api:InvalidateCache, NO_MATCH",
        "s3:*, NO_MATCH"
    })
    void evaluate_actionPatterns_matchIgnoringCase(String action, String decision) {
        PolicyDocument policy =
                resourcePolicy(
                        "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\""
                                + action
                                + "\",\"Resource\":\"execute-api:/*\"}");

        assertThat(decide(policy, API + "/prod/GET/pets", ANONYMOUS))
                .isEqualTo(PolicyDecision.valueOf(decision));
    }

    @Test
    void evaluate_notAction_appliesToOtherActions() {
        PolicyDocument policy =
                resourcePolicy(
                        "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":"
                                + "\"execute-api:Invoke\",\"Resource\":\"*\"},"
                                + statement("Allow", "*", ""));

        assertThat(decide(policy, API + "/prod/GET/", ANONYMOUS)).isEqualTo(PolicyDecision.ALLOW);
        assertThat(
                        PolicyEvaluator.evaluate(
                                policy,
                                "execute-api:InvalidateCache",
                                API + "/prod/GET/",
                                ANONYMOUS))
                .isEqualTo(PolicyDecision.DENY);
    }

    @Test
    void evaluate_accountAndArnPrincipals_matchOnlyThatCaller() {
        PolicyDocument policy =
                resourcePolicy(
                        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111122223333\","
                                + "\"arn:aws:iam::444455556666:root\","
                                + "\"arn:aws:iam::777788889999:user/alice\"]},"
                                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}");
        String arn = API + "/prod/GET/pets";

        assertThat(decide(policy, arn, ANONYMOUS)).isEqualTo(PolicyDecision.NO_MATCH);
        assertThat(decide(policy, arn, caller("111122223333", "user/x")))
                .isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, caller("444455556666", "role/r")))
                .isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, caller("777788889999", "user/alice")))
                .isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, caller("777788889999", "user/bob")))
                .isEqualTo(PolicyDecision.NO_MATCH);
    }

    @Test
    void evaluate_awsStarPrincipal_matchesAnonymousCaller() {
        PolicyDocument policy =
                resourcePolicy(
                        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}");

        assertThat(decide(policy, API + "/prod/GET/", ANONYMOUS)).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void evaluate_notPrincipal_appliesToEveryoneElse() {
        PolicyDocument policy =
                resourcePolicy(
                        statement("Allow", "*", "")
                                + ",{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":"
                                + "\"111122223333\"},\"Action\":\"*\",\"Resource\":\"*\"}");

        assertThat(decide(policy, API + "/p/GET/", ANONYMOUS)).isEqualTo(PolicyDecision.DENY);
        assertThat(decide(policy, API + "/p/GET/", caller("111122223333", "user/a")))
                .isEqualTo(PolicyDecision.ALLOW);
    }

    private static EvaluationContext caller(String account, String name) {
        return ANONYMOUS.withPrincipal(account, "arn:aws:iam::" + account + ":" + name);
    }

    /** Reference 8.8's first example: allow everyone, then deny the block 192.0.2.0/24. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "192.0.2.1, DENY",
        "192.0.2.255, DENY",
        "192.0.3.1, ALLOW",
        "2001:db8::1, ALLOW",
        "::ffff:192.0.2.7, DENY"
    })
    void evaluate_referenceSourceIpDenyExample_deniesTheBlock(String ip, String decision) {
        PolicyDocument policy =
                resourcePolicy(
                        statement("Allow", "execute-api:/*", "")
                                + ","
                                + statement(
                                        "Deny",
                                        "execute-api:/*",
                                        "{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\"]}}"));

        assertThat(decide(policy, API + "/prod/GET/pets", ANONYMOUS.withSourceIp(ip)))
                .isEqualTo(PolicyDecision.valueOf(decision));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2001:db8:1234::1, ALLOW",
        "2001:db8:1235::1, NO_MATCH",
        "203.0.113.9, ALLOW",
        "203.0.113.10, NO_MATCH",
        "not-an-ip, NO_MATCH"
    })
    void evaluate_ipv6AndBareAddress_matchByPrefix(String ip, String decision) {
        PolicyDocument policy =
                resourcePolicy(
                        statement(
                                "Allow",
                                "*",
                                "{\"IpAddress\":{\"aws:SourceIp\":[\"2001:DB8:1234::/48\","
                                        + "\"203.0.113.9\"]}}"));

        assertThat(decide(policy, API + "/prod/GET/", ANONYMOUS.withSourceIp(ip)))
                .isEqualTo(PolicyDecision.valueOf(decision));
    }

    @Test
    void evaluate_notIpAddress_holdsOutsideEveryBlockAndWithoutSourceIp() {
        PolicyDocument policy =
                resourcePolicy(
                        statement(
                                "Allow",
                                "*",
                                "{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\","
                                        + "\"192.168.0.0/16\"]}}"));
        String arn = API + "/prod/GET/";

        assertThat(decide(policy, arn, ANONYMOUS.withSourceIp("172.16.0.1")))
                .isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, ANONYMOUS.withSourceIp("192.168.4.4")))
                .isEqualTo(PolicyDecision.NO_MATCH);
        assertThat(decide(policy, arn, ANONYMOUS)).isEqualTo(PolicyDecision.ALLOW);
    }

    /** Reference 8.8's second example: deny unless the VPC endpoint is vpce-1a2b3c4d. */
    @Test
    void evaluate_referenceSourceVpceExample_deniesOtherEndpoints() {
        PolicyDocument policy =
                resourcePolicy(
                        statement("Allow", "execute-api:/*", "")
                                + ","
                                + statement(
                                        "Deny",
                                        "execute-api:/*",
                                        "{\"StringNotEquals\":{\"aws:SourceVpce\":"
                                                + "\"vpce-1a2b3c4d\"}}"));
        String arn = API + "/prod/GET/";

        assertThat(decide(policy, arn, ANONYMOUS.withKey("aws:SourceVpce", "vpce-1a2b3c4d")))
                .isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, ANONYMOUS.withKey("aws:sourcevpce", "vpce-99")))
                .isEqualTo(PolicyDecision.DENY);
        assertThat(decide(policy, arn, ANONYMOUS)).isEqualTo(PolicyDecision.DENY);
    }

    /** Reference 8.8's third example: allow only from the VPC vpc-2f09a348. */
    @Test
    void evaluate_referenceSourceVpcExample_allowsOnlyThatVpc() {
        PolicyDocument policy =
                resourcePolicy(
                        statement(
                                "Allow",
                                "execute-api:/*",
                                "{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-2f09a348\"}}"));
        String arn = API + "/prod/GET/";

        assertThat(decide(policy, arn, ANONYMOUS.withKey("aws:SourceVpc", "vpc-2f09a348")))
                .isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, ANONYMOUS.withKey("aws:SourceVpc", "VPC-2F09A348")))
                .isEqualTo(PolicyDecision.NO_MATCH);
        assertThat(decide(policy, arn, ANONYMOUS)).isEqualTo(PolicyDecision.NO_MATCH);
    }

    @Test
    void evaluate_stringLikeOnUserAgentAndPrincipalArn_wildcardsMatch() {
        PolicyDocument policy =
                resourcePolicy(
                        statement(
                                "Allow",
                                "*",
                                "{\"StringLike\":{\"aws:UserAgent\":\"curl/*\","
                                        + "\"aws:PrincipalArn\":\"arn:aws:iam::1111222233?3:*\"}}"));
        String arn = API + "/prod/GET/";
        EvaluationContext curl =
                ANONYMOUS
                        .withKey("aws:UserAgent", "curl/8.5.0")
                        .withPrincipal("111122223333", "arn:aws:iam::111122223333:user/a");

        assertThat(decide(policy, arn, curl)).isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, curl.withKey("aws:UserAgent", "Mozilla/5.0")))
                .isEqualTo(PolicyDecision.NO_MATCH);
        assertThat(decide(policy, arn, ANONYMOUS.withKey("aws:UserAgent", "curl/8")))
                .isEqualTo(PolicyDecision.NO_MATCH);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2026-06-01T11:59:59Z, NO_MATCH",
        "2026-06-01T12:00:00Z, NO_MATCH",
        "2026-06-01T12:00:01Z, ALLOW",
        "2026-06-30T23:59:59Z, ALLOW",
        "2026-07-01T00:00:00Z, NO_MATCH"
    })
    void evaluate_dateWindowOnCurrentTime_allowsInside(String now, String decision) {
        PolicyDocument policy =
                resourcePolicy(
                        statement(
                                "Allow",
                                "*",
                                "{\"DateGreaterThan\":{\"aws:CurrentTime\":"
                                        + "\"2026-06-01T12:00:00Z\"},\"DateLessThan\":"
                                        + "{\"aws:CurrentTime\":\"2026-07-01\"}}"));

        assertThat(
                        decide(
                                policy,
                                API + "/prod/GET/",
                                EvaluationContext.anonymous(Instant.parse(now))))
                .isEqualTo(PolicyDecision.valueOf(decision));
    }

    @Test
    void evaluate_ifExistsOperator_holdsWithoutTheKey() {
        PolicyDocument policy =
                resourcePolicy(
                        statement(
                                "Allow",
                                "*",
                                "{\"StringEqualsIfExists\":{\"aws:Referer\":\"https://a.example\"}}"));
        String arn = API + "/prod/GET/";

        assertThat(decide(policy, arn, ANONYMOUS)).isEqualTo(PolicyDecision.ALLOW);
        assertThat(decide(policy, arn, ANONYMOUS.withKey("aws:Referer", "https://b.example")))
                .isEqualTo(PolicyDecision.NO_MATCH);
    }

    /** Reference 8.8, tables A (same account) and B (another account), every row. */
    @ParameterizedTest(name = "identity {0}, resource policy {1}: A {2}, B {3}")
    @CsvSource({
        "ALLOW, ALLOW, ALLOW, ALLOW",
        "ALLOW, NO_MATCH, ALLOW, NO_MATCH",
        "ALLOW, DENY, DENY, DENY",
        "NO_MATCH, ALLOW, ALLOW, NO_MATCH",
        "NO_MATCH, NO_MATCH, NO_MATCH, NO_MATCH",
        "NO_MATCH, DENY, DENY, DENY",
        "DENY, ALLOW, DENY, DENY",
        "DENY, NO_MATCH, DENY, DENY",
        "DENY, DENY, DENY, DENY"
    })
    void combine_tablesAAndB_everyRow(
            PolicyDecision identity,
            PolicyDecision resource,
            PolicyDecision sameAccount,
            PolicyDecision crossAccount) {
        assertThat(PolicyEvaluator.combine(identity, resource, true)).isEqualTo(sameAccount);
        assertThat(PolicyEvaluator.combine(identity, resource, false)).isEqualTo(crossAccount);
    }
}
