package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@code Auth.UsagePlan}: SAM's usage plan, API key and usage-plan key (reference 8.2). */
class SamUsagePlanTest {
    private static String api(String id, String usagePlan) {
        return """
                  %s:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth:
                        ApiKeyRequired: true
                        UsagePlan: %s
                """
                .formatted(id, usagePlan);
    }

    @Test
    void expand_perApi_makesPlanKeyAndPlanKeyNamedAfterTheApi() {
        ObjectNode resources =
                expand(
                        "Resources:\n"
                                + api(
                                        "MyApi",
                                        """
                {CreateUsagePlan: PER_API, UsagePlanName: gold, Description: d,
                 Quota: {Limit: 100, Period: DAY}, Throttle: {RateLimit: 5, BurstLimit: 10}}
                """
                                                .strip()));

        assertThat(resources.get("MyApiUsagePlan"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::UsagePlan", "DependsOn": ["MyApi"],
                 "Properties": {"ApiStages": [{"ApiId": {"Ref": "MyApi"},
                   "Stage": {"Ref": "MyApiprodStage"}}],
                   "UsagePlanName": "gold", "Description": "d",
                   "Quota": {"Limit": 100, "Period": "DAY"},
                   "Throttle": {"RateLimit": 5, "BurstLimit": 10}}}
                """));
        assertThat(resources.get("MyApiApiKey"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::ApiKey", "DependsOn": ["MyApiUsagePlan"],
                 "Properties": {"Enabled": true, "StageKeys": [{"RestApiId": {"Ref": "MyApi"},
                   "StageName": {"Ref": "MyApiprodStage"}}]}}
                """));
        assertThat(resources.get("MyApiUsagePlanKey"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::UsagePlanKey", "DependsOn": ["MyApiApiKey"],
                 "Properties": {"KeyId": {"Ref": "MyApiApiKey"}, "KeyType": "API_KEY",
                   "UsagePlanId": {"Ref": "MyApiUsagePlan"}}}
                """));
    }

    @Test
    void expand_single_isPerApi() {
        ObjectNode resources = expand("Resources:\n" + api("MyApi", "{CreateUsagePlan: SINGLE}"));

        assertThat(resources.has("MyApiUsagePlan")).isTrue();
        assertThat(resources.has("MyApiApiKey")).isTrue();
    }

    @Test
    void expand_shared_makesOnePlanForEveryApi() {
        ObjectNode resources =
                expand(
                        "Resources:\n"
                                + api("First", "{CreateUsagePlan: SHARED}")
                                + api("Second", "{CreateUsagePlan: SHARED}"));

        assertThat(resources.get("ServerlessUsagePlan"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::UsagePlan", "DependsOn": ["First", "Second"],
                 "Properties": {"ApiStages": [
                   {"ApiId": {"Ref": "First"}, "Stage": {"Ref": "FirstprodStage"}},
                   {"ApiId": {"Ref": "Second"}, "Stage": {"Ref": "SecondprodStage"}}]}}
                """));
        assertThat(resources.get("ServerlessApiKey"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::ApiKey", "DependsOn": ["ServerlessUsagePlan"],
                 "Properties": {"Enabled": true, "StageKeys": [
                   {"RestApiId": {"Ref": "First"}, "StageName": {"Ref": "FirstprodStage"}},
                   {"RestApiId": {"Ref": "Second"}, "StageName": {"Ref": "SecondprodStage"}}]}}
                """));
        assertThat(resources.get("ServerlessUsagePlanKey"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::UsagePlanKey", "DependsOn": ["ServerlessApiKey"],
                 "Properties": {"KeyId": {"Ref": "ServerlessApiKey"}, "KeyType": "API_KEY",
                   "UsagePlanId": {"Ref": "ServerlessUsagePlan"}}}
                """));
        assertThat(resources.has("FirstUsagePlan")).isFalse();
    }

    @Test
    void expand_none_makesNothing() {
        ObjectNode resources = expand("Resources:\n" + api("MyApi", "{CreateUsagePlan: NONE}"));

        assertThat(resources.size()).isEqualTo(3);
    }

    @Test
    void expand_unknownKind_fails() {
        assertThatThrownBy(() -> expand("Resources:\n" + api("MyApi", "{CreateUsagePlan: ALL}")))
                .hasMessage(
                        "Resources.MyApi.Properties.Auth.UsagePlan.CreateUsagePlan:"
                                + " 'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].");
    }

    @Test
    void expand_missingKind_fails() {
        assertThatThrownBy(() -> expand("Resources:\n" + api("MyApi", "{UsagePlanName: x}")))
                .hasMessage(
                        "Resources.MyApi.Properties.Auth.UsagePlan: 'CreateUsagePlan' is a"
                                + " required field for UsagePlan.");
    }
}
