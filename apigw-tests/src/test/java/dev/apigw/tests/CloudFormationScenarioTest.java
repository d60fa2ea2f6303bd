package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.cloudformation.CloudFormationImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A CloudFormation template served through {@link Api#handle}: its stages and their variables
 * (reference 9.1), its usage plan and API keys (reference 8.2) and its gateway responses (reference
 * 3.2).
 */
class CloudFormationScenarioTest {
    private static final String TEMPLATE =
            """
            Parameters:
              Backend: {Type: String, Default: dev.example.com}
            Resources:
              OrdersApi:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: orders}
              Orders:
                Type: AWS::ApiGateway::Resource
                Properties:
                  RestApiId: !Ref OrdersApi
                  ParentId: !GetAtt OrdersApi.RootResourceId
                  PathPart: orders
              ListOrders:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref OrdersApi
                  ResourceId: !Ref Orders
                  HttpMethod: GET
                  AuthorizationType: NONE
                  ApiKeyRequired: true
                  Integration:
                    Type: MOCK
                    RequestTemplates: {application/json: '{"statusCode": 200}'}
                    IntegrationResponses:
                      - StatusCode: '200'
                        ResponseTemplates:
                          application/json: '{"backend": "$stageVariables.backend", "key": "$context.identity.apiKeyId"}'
                  MethodResponses: [{StatusCode: '200'}]
              NotFound:
                Type: AWS::ApiGateway::GatewayResponse
                Properties:
                  RestApiId: !Ref OrdersApi
                  ResponseType: MISSING_AUTHENTICATION_TOKEN
                  StatusCode: '404'
                  ResponseTemplates: {application/json: '{"message": "no such route"}'}
              Deployment:
                Type: AWS::ApiGateway::Deployment
                DependsOn: ListOrders
                Properties: {RestApiId: !Ref OrdersApi}
              Dev:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref OrdersApi
                  DeploymentId: !Ref Deployment
                  StageName: dev
                  Variables: {backend: !Ref Backend}
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref OrdersApi
                  DeploymentId: !Ref Deployment
                  StageName: prod
                  Variables: {backend: prod.example.com}
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                Properties:
                  ApiStages: [{ApiId: !Ref OrdersApi, Stage: !Ref Dev}]
              Key:
                Type: AWS::ApiGateway::ApiKey
                Properties: {Enabled: true}
              Disabled:
                Type: AWS::ApiGateway::ApiKey
                Properties: {Value: Disabled0123456789abcdef}
              PlanKey:
                Type: AWS::ApiGateway::UsagePlanKey
                Properties: {KeyId: !Ref Key, KeyType: API_KEY, UsagePlanId: !Ref Plan}
              PlanKey2:
                Type: AWS::ApiGateway::UsagePlanKey
                Properties: {KeyId: !Ref Disabled, KeyType: API_KEY, UsagePlanId: !Ref Plan}
            """;

    private static final GatewayDefinition DEFINITION =
            CloudFormationImporter.create().importText(TEMPLATE, Path.of("."));

    private static Api api(String stage) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .definition(DEFINITION, "OrdersApi", stage)
                .build();
    }

    private static Request withKey(String target, String key) {
        return Request.builder().httpMethod("GET").target(target).header("x-api-key", key).build();
    }

    @Test
    void handle_generatedKeyOfThePlan_servesTheStageWithItsVariables() {
        String key = DEFINITION.apiKeys().get("Key").value();

        Response response = api("dev").handle(withKey("/dev/orders", key));

        assertThat(response)
                .hasStatus(200)
                .hasBody(
                        "{\"backend\": \"dev.example.com\", \"key\": \""
                                + DEFINITION.apiKeys().get("Key").id()
                                + "\"}");
    }

    @Test
    void handle_noKeyOrDisabledKey_answersForbidden() {
        Api api = api("dev");

        assertThat(api.handle(Request.of("GET", "/dev/orders")))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
        assertThat(api.handle(withKey("/dev/orders", "Disabled0123456789abcdef")))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void handle_stageOutsideThePlan_refusesTheKey() {
        String key = DEFINITION.apiKeys().get("Key").value();

        assertThat(api("prod").handle(withKey("/prod/orders", key)))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void handle_unknownRoute_answersTheTemplatesGatewayResponse() {
        assertThat(api("dev").handle(Request.of("GET", "/dev/nothing")))
                .hasStatus(404)
                .hasBody("{\"message\": \"no such route\"}");
    }

    @Test
    void handle_allStages_servedTogether() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .definition(DEFINITION, "OrdersApi")
                        .build();

        assertThat(api.stages()).containsOnlyKeys("dev", "prod");
    }

    @Test
    void definition_unknownStage_failsNamingTheStages() {
        assertThatThrownBy(() -> api("qa"))
                .hasMessage("OrdersApi has no stage qa; its stages: [dev, prod]");
    }
}
