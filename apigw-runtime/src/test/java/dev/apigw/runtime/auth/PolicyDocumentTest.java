package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How {@link PolicyDocument} reads IAM policy JSON (reference 8.3: the {@code policyDocument} of a
 * Lambda authorizer's output; reference 8.8: resource policies and their {@code execute-api:/*}
 * shorthand): the accepted forms, and malformed documents failing with the JSON place named.
 */
class PolicyDocumentTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123";
    private static final EvaluationContext ANONYMOUS =
            EvaluationContext.anonymous(Instant.parse("2026-01-01T00:00:00Z"));

    private static PolicyDocument authorizer(String json) {
        return PolicyDocument.parseAuthorizerPolicy(PolicyDocument.read(json));
    }

    private static PolicyDocument resource(String json) {
        return PolicyDocument.parseResourcePolicy(json, "us-east-1", "123456789012", "abc123");
    }

    private static PolicyDecision invoke(PolicyDocument document, String arn) {
        return PolicyEvaluator.evaluate(document, PolicyEvaluator.INVOKE, arn, ANONYMOUS);
    }

    /** The output of reference 8.3, verbatim but for the placeholders. */
    @Test
    void parseAuthorizerPolicy_referenceOutputExample_allowsItsResource() throws Exception {
        JsonNode output =
                PolicyDocument.read(
                        "{\"principalId\":\"user\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\","
                                + "\"Effect\":\"Allow\",\"Resource\":\""
                                + ARN
                                + "/prod/GET/pets\"}]},\"context\":{\"stringKey\":\"value\"}}");

        PolicyDocument document =
                PolicyDocument.parseAuthorizerPolicy(output.get("policyDocument"));

        assertThat(invoke(document, ARN + "/prod/GET/pets")).isEqualTo(PolicyDecision.ALLOW);
        assertThat(invoke(document, ARN + "/prod/POST/pets")).isEqualTo(PolicyDecision.NO_MATCH);
    }

    @Test
    void parse_statementAsSingleObjectAndStringAction_sameAsArray() {
        PolicyDocument document =
                authorizer(
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}}");

        assertThat(document.statements()).hasSize(1);
        assertThat(invoke(document, ARN + "/prod/GET/")).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void parse_arraysOfActionsAndResources_anyMatches() {
        PolicyDocument document =
                authorizer(
                        "{\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":[\"s3:GetObject\",\"execute-api:*\"],"
                                + "\"Resource\":[\""
                                + ARN
                                + "/prod/GET/a\",\""
                                + ARN
                                + "/prod/GET/b\"]}]}");

        assertThat(invoke(document, ARN + "/prod/GET/b")).isEqualTo(PolicyDecision.ALLOW);
        assertThat(invoke(document, ARN + "/prod/GET/c")).isEqualTo(PolicyDecision.NO_MATCH);
    }

    /** Reference 8.8: the OpenAPI shorthand {@code execute-api:/*} is the API's own ARN. */
    @Test
    void parseResourcePolicy_executeApiShorthand_expandsToApiArn() {
        PolicyDocument document =
                resource(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                                + "\"Resource\":\"execute-api:/*\"},{\"Effect\":\"Deny\","
                                + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                                + "\"NotResource\":\"execute-api:/prod/GET/*\"}]}");

        assertThat(invoke(document, ARN + "/prod/GET/pets")).isEqualTo(PolicyDecision.ALLOW);
        assertThat(invoke(document, ARN + "/prod/POST/pets")).isEqualTo(PolicyDecision.DENY);
        assertThat(invoke(document, "arn:aws:execute-api:us-east-1:123456789012:other/prod/GET/"))
                .isEqualTo(PolicyDecision.DENY);
    }

    @Test
    void parseAuthorizerPolicy_shorthand_isNotExpanded() {
        PolicyDocument document =
                authorizer(
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                                + "\"Resource\":\"execute-api:/*\"}]}");

        assertThat(invoke(document, ARN + "/prod/GET/pets")).isEqualTo(PolicyDecision.NO_MATCH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "[] | (document): must be a JSON object",
                "{\"Version\":\"2012-10-17\"} | Statement: is missing",
                "{\"Version\":\"2020-01-01\",\"Statement\":[]} | Version: must be",
                "{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"
                        + " | Statement[0].Effect: must be \"Allow\" or \"Deny\"",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}"
                        + " | Statement[0]: needs Action or NotAction",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}"
                        + " | Statement: needs Resource or NotResource",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"*\","
                        + "\"Resource\":\"*\"}] } | Statement[0]: has both Action and NotAction",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[\"a\",3]}]}"
                        + " | Statement[0].Resource[1]: must be a string",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}"
                        + " | Statement[0].Action: must be a string or a non-empty array",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Resources\":\"*\"}]} | Statement[0].Resources: unknown policy element",
                "{\"Statement\":[],\"Extra\":1} | Extra: unknown policy element",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"NumericLessThan\":{\"aws:EpochTime\":\"1\"}}}]}"
                        + " | Statement[0].Condition.NumericLessThan: unknown condition operator",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\","
                        + "\"10.0.0.300\"]}}}]} | Statement[0].Condition.IpAddress.aws:SourceIp:"
                        + " '10.0.0.300' is not an IP address",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}}]}"
                        + " | '10.0.0.0/33' is not an IP address",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"soon\"}}}]}"
                        + " | Statement[0].Condition.DateLessThan.aws:CurrentTime: 'soon' is not",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:Referer\":{}}}}]}"
                        + " | Statement[0].Condition.StringEquals.aws:Referer: must be a string",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":[]}]} | Statement[0].Condition: must be an object",
                "{\"Statement\": [ | not JSON"
            })
    void parseAuthorizerPolicy_malformed_failsNamingThePlace(String json, String message) {
        assertThatThrownBy(() -> authorizer(json))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageStartingWith("policy document: ")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"
                        + " | Statement[0]: needs Principal or NotPrincipal",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"me\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]} | Statement[0].Principal: must be \"*\"",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Aws\":\"*\"},"
                        + "\"Action\":\"*\",\"Resource\":\"*\"}]}"
                        + " | Statement[0].Principal.Aws: unknown principal type",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"bob\"},"
                        + "\"Action\":\"*\",\"Resource\":\"*\"}]}"
                        + " | Statement[0].Principal.AWS: 'bob' is neither an account id nor an ARN"
            })
    void parseResourcePolicy_malformedPrincipal_failsNamingThePlace(String json, String message) {
        assertThatThrownBy(() -> resource(json))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void read_syntaxError_namesLineAndColumn() {
        assertThatThrownBy(() -> resource("{\n  \"Statement\": [ x ]\n}"))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("line 2 column");
    }
}
