package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A Lambda authorizer's answer, parsed and checked (reference 8.3, output). */
class AuthorizerAnswerTest {
    private static final String ARN = "arn:aws:execute-api:ap-south-1:111122223333:api1/live";

    private static AuthorizerAnswer parse(String json) {
        return AuthorizerAnswer.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String answer(String statements, String more) {
        return "{\"principalId\":\"user|a1b2\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":"
                + statements
                + "}"
                + more
                + "}";
    }

    private static String statement(String effect, String resource) {
        return "{\"Action\":\"execute-api:Invoke\",\"Effect\":\""
                + effect
                + "\",\"Resource\":\""
                + resource
                + "\"}";
    }

    private static final Exchange EXCHANGE =
            TestExchanges.builder()
                    .method("/pets", "GET", m -> {})
                    .routed(
                            Request.builder()
                                    .httpMethod("GET")
                                    .target("/test/pets")
                                    .sourceIp("10.0.0.1")
                                    .build());

    @Test
    void parse_awsSampleShape_keepsEveryField() {
        AuthorizerAnswer answer =
                parse(
                        answer(
                                "[" + statement("Allow", ARN + "/GET/pets") + "]",
                                ",\"context\":{\"stringKey\":\"value\",\"numberKey\":1,"
                                        + "\"booleanKey\":true,\"decimal\":1.5},"
                                        + "\"usageIdentifierKey\":\"key123\""));

        assertThat(answer.principalId()).isEqualTo("user|a1b2");
        assertThat(answer.context())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("stringKey", "value"),
                        org.assertj.core.api.Assertions.entry("numberKey", 1),
                        org.assertj.core.api.Assertions.entry("booleanKey", true),
                        org.assertj.core.api.Assertions.entry(
                                "decimal", new BigDecimal("1.5").doubleValue()));
        assertThat(answer.usageIdentifierKey()).isEqualTo("key123");
        AuthorizerOutput output = answer.output(12);
        assertThat(output.principalId()).isEqualTo("user|a1b2");
        assertThat(output.integrationLatency()).isEqualTo(12);
        assertThat(output.usageIdentifier()).contains("key123");
        assertThat(answer.cachedOutput().integrationLatency()).isZero();
        assertThat(output.templateView())
                .containsEntry("numberKey", "1")
                .containsEntry("booleanKey", "true");
    }

    @Test
    void parse_withoutContextOrKey_hasEmptyContextAndNoKey() {
        AuthorizerAnswer answer =
                parse(
                        answer(
                                statement("Allow", "*"),
                                ",\"context\":null,\"usageIdentifierKey\":null"));

        assertThat(answer.context()).isEmpty();
        assertThat(answer.usageIdentifierKey()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "nope",
                "null",
                "[]",
                "\"x\"",
                "{}",
                "{\"policyDocument\":{\"Statement\":[]}}",
                "{\"principalId\":null,\"policyDocument\":{\"Statement\":[]}}",
                "{\"principalId\":[\"a\"],\"policyDocument\":{\"Statement\":[]}}",
                "{\"principalId\":\"u\"}",
                "{\"principalId\":\"u\",\"policyDocument\":null}",
                "{\"principalId\":\"u\",\"policyDocument\":[]}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"}]}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[]},\"context\":[]}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[]},\"context\":{\"a\":{}}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[]},\"context\":{\"a\":[1]}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[]},\"context\":{\"a\":null}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[]},\"usageIdentifierKey\":{}}"
            })
    void parse_malformed_failsSayingWhy(String json) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(AuthorizerAnswer.Malformed.class)
                .hasMessageNotContaining("null pointer");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Allow|" + ARN + "/GET/pets|ALLOW",
                "Allow|" + ARN + "/*/pets|ALLOW",
                "Allow|" + ARN + "/G?T/*|ALLOW",
                "Allow|arn:aws:execute-api:*:*:*/*/*/*|ALLOW",
                "Allow|" + ARN + "/POST/pets|NO_MATCH",
                "Allow|" + ARN + "/GET/pets/*|NO_MATCH",
                "Deny|" + ARN + "/*|DENY",
                "Deny|" + ARN + "/POST/*|NO_MATCH"
            })
    void decide_resourcePattern_decidesTheMethodArn(
            String effect, String resource, PolicyDecision expected) {
        AuthorizerAnswer answer = parse(answer("[" + statement(effect, resource) + "]", ""));

        assertThat(answer.decide(ARN + "/GET/pets", EXCHANGE)).isEqualTo(expected);
    }

    @Test
    void decide_allowAndDenyBothCovering_denies() {
        AuthorizerAnswer answer =
                parse(
                        answer(
                                "["
                                        + statement("Allow", "*")
                                        + ","
                                        + statement("Deny", ARN + "/GET/*")
                                        + "]",
                                ""));

        assertThat(answer.decide(ARN + "/GET/pets", EXCHANGE)).isEqualTo(PolicyDecision.DENY);
        assertThat(answer.decide(ARN + "/POST/pets", EXCHANGE)).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void decide_conditionOnSourceIp_readsTheRequest() {
        AuthorizerAnswer answer =
                parse(
                        answer(
                                "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                                        + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":"
                                        + "{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]",
                                ""));

        assertThat(answer.decide(ARN + "/GET/pets", EXCHANGE)).isEqualTo(PolicyDecision.ALLOW);
    }
}
