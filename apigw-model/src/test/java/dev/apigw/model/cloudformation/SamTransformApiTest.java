package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.idStartingWith;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static dev.apigw.model.cloudformation.SamTemplates.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** An explicit {@code AWS::Serverless::Api} as RestApi, Deployment and Stage (reference 9.1). */
class SamTransformApiTest {
    private static final String BODY =
            """
            Resources:
              MyApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Name: orders
                  Description: the orders API
                  DefinitionBody:
                    swagger: "2.0"
                    info: {title: orders}
                    paths:
                      /orders:
                        get:
                          x-amazon-apigateway-integration: {type: mock}
              Bucket:
                Type: AWS::S3::Bucket
            """;

    @Test
    void expand_apiWithBody_givesRestApiDeploymentAndStage() {
        ObjectNode resources = expand(BODY);

        assertThat(resources.get("MyApi"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::RestApi",
                 "Properties": {"Name": "orders", "Description": "the orders API",
                   "Body": {"swagger": "2.0", "info": {"title": "orders"},
                     "paths": {"/orders": {"get": {
                       "x-amazon-apigateway-integration": {"type": "mock"}}}}}}}
                """));
        String deploymentId = idStartingWith(resources, "MyApiDeployment");
        assertThat(deploymentId).matches("MyApiDeployment[0-9a-f]{10}");
        String hash = resources.get(deploymentId).at("/Properties/Description").asText();
        assertThat(hash).matches("RestApi deployment id: [0-9a-f]{40}");
        assertThat(hash.substring(23, 33)).isEqualTo(deploymentId.substring(15));
        assertThat(resources.get(deploymentId))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::Deployment",
                 "Properties": {"RestApiId": {"Ref": "MyApi"}, "Description": "%s",
                   "StageName": "Stage"}}
                """
                                        .formatted(hash)));
        assertThat(resources.get("MyApiprodStage"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::Stage",
                 "Properties": {"RestApiId": {"Ref": "MyApi"},
                   "DeploymentId": {"Ref": "%s"}, "StageName": "prod"}}
                """
                                        .formatted(deploymentId)));
        assertThat(resources.get("Bucket")).isEqualTo(json("{\"Type\": \"AWS::S3::Bucket\"}"));
    }

    @Test
    void expand_template_removesTransformAndLeavesInputUntouched() {
        ObjectNode template = template(BODY);
        ObjectNode before = template.deepCopy();

        ObjectNode out = SamTransform.expand(template);

        assertThat(out.has("Transform")).isFalse();
        assertThat(template).isEqualTo(before);
    }

    @Test
    void expand_sameBodyTwice_givesSameDeploymentId() {
        String first = idStartingWith(expand(BODY), "MyApiDeployment");
        String second = idStartingWith(expand(BODY), "MyApiDeployment");
        String changed =
                idStartingWith(expand(BODY.replace("/orders", "/items")), "MyApiDeployment");

        assertThat(first).isEqualTo(second).isNotEqualTo(changed);
    }

    @Test
    void expand_stageSettings_goToTheStage() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: {Ref: Stage}
                      Variables: {backend: example.com}
                      MethodSettings:
                        - {HttpMethod: "*", ResourcePath: "/*", ThrottlingRateLimit: 10}
                      CacheClusterEnabled: true
                      CacheClusterSize: "0.5"
                      CanarySetting: {PercentTraffic: 10}
                      TracingEnabled: true
                      AccessLogSetting: {DestinationArn: arn, Format: $context.requestId}
                      Tags: {team: orders}
                """);

        String deploymentId = idStartingWith(resources, "MyApiDeployment");
        assertThat(resources.get("MyApiStage"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::Stage",
                 "Properties": {"RestApiId": {"Ref": "MyApi"},
                   "DeploymentId": {"Ref": "%s"}, "StageName": {"Ref": "Stage"},
                   "Variables": {"backend": "example.com"},
                   "MethodSettings": [{"HttpMethod": "*", "ResourcePath": "/*",
                     "ThrottlingRateLimit": 10}],
                   "CacheClusterEnabled": true, "CacheClusterSize": "0.5",
                   "CanarySetting": {"PercentTraffic": 10}, "TracingEnabled": true,
                   "AccessLogSetting": {"DestinationArn": "arn",
                     "Format": "$context.requestId"},
                   "Tags": [{"Key": "team", "Value": "orders"}]}}
                """
                                        .formatted(deploymentId)));
    }

    @Test
    void expand_stageNameNotAlphanumeric_hashesTheStageId() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: my-stage}
                """);

        assertThat(idStartingWith(resources, "MyApiStage")).matches("MyApiStage[0-9a-f]{10}");
    }

    @Test
    void expand_restApiProperties_areCopiedAndBinaryTypesUnescapedInTheBody() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      BinaryMediaTypes: [image~1png]
                      MinimumCompressionSize: 1024
                      ApiKeySourceType: HEADER
                      EndpointConfiguration: {Type: PRIVATE, VPCEndpointIds: [vpce-1]}
                """);

        ObjectNode api = (ObjectNode) resources.get("MyApi").get("Properties");
        assertThat(api.get("BinaryMediaTypes")).isEqualTo(json("[\"image~1png\"]"));
        assertThat(api.at("/Body/x-amazon-apigateway-binary-media-types"))
                .isEqualTo(json("[\"image/png\"]"));
        assertThat(api.get("MinimumCompressionSize").intValue()).isEqualTo(1024);
        assertThat(api.get("ApiKeySourceType").asText()).isEqualTo("HEADER");
        assertThat(api.get("EndpointConfiguration"))
                .isEqualTo(json("{\"Types\": [\"PRIVATE\"], \"VpcEndpointIds\": [\"vpce-1\"]}"));
        assertThat(api.get("Parameters"))
                .isEqualTo(json("{\"endpointConfigurationTypes\": \"PRIVATE\"}"));
    }

    @Test
    void expand_endpointConfigurationString_setsTypes() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, EndpointConfiguration: REGIONAL}
                """);

        assertThat(resources.at("/MyApi/Properties/EndpointConfiguration"))
                .isEqualTo(json("{\"Types\": [\"REGIONAL\"]}"));
    }

    @Test
    void expand_definitionUri_givesBodyS3Location() {
        ObjectNode local =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, DefinitionUri: ./openapi.yaml}
                """);
        ObjectNode s3 =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, DefinitionUri: "s3://b/k.yaml?versionId=3"}
                """);

        assertThat(local.at("/MyApi/Properties"))
                .isEqualTo(json("{\"BodyS3Location\": \"./openapi.yaml\"}"));
        assertThat(s3.at("/MyApi/Properties/BodyS3Location"))
                .isEqualTo(json("{\"Bucket\": \"b\", \"Key\": \"k.yaml\", \"Version\": \"3\"}"));
        assertThat(idStartingWith(local, "MyApiDeployment")).matches("MyApiDeployment[0-9a-f]{10}");
    }

    @Test
    void expand_openApiVersion3_writesOpenApiAndNoExtraStage() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, OpenApiVersion: 3.0.1}
                """);

        assertThat(resources.at("/MyApi/Properties/Body"))
                .isEqualTo(
                        json(
                                """
                {"openapi": "3.0.1", "info": {"version": "1.0",
                  "title": {"Ref": "AWS::StackName"}}, "paths": {}}
                """));
        assertThat(
                        resources
                                .get(idStartingWith(resources, "MyApiDeployment"))
                                .at("/Properties")
                                .has("StageName"))
                .isFalse();
    }

    @Test
    void expand_gatewayResponses_goToTheBodyWithPrefixes() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      GatewayResponses:
                        UNAUTHORIZED:
                          StatusCode: 401
                          ResponseParameters:
                            Headers: {Access-Control-Allow-Origin: "'*'"}
                            QueryStrings: {q: "'x'"}
                          ResponseTemplates: {application/json: '{"m": "no"}'}
                """);

        assertThat(resources.at("/MyApi/Properties/Body/x-amazon-apigateway-gateway-responses"))
                .isEqualTo(
                        json(
                                """
                        {"UNAUTHORIZED": {
                          "responseParameters": {
                            "gatewayresponse.header.Access-Control-Allow-Origin": "'*'",
                            "gatewayresponse.querystring.q": "'x'"},
                          "responseTemplates": {"application/json": "{\\"m\\": \\"no\\"}"},
                          "statusCode": "401"}}
                        """));
    }

    @Test
    void expand_unknownGatewayResponseParameter_failsNamingThePath() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      GatewayResponses:
                        DEFAULT_4XX: {ResponseParameters: {Cookies: {a: b}}}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Resources.MyApi.Properties.GatewayResponses.DEFAULT_4XX"
                                + ".ResponseParameters: Invalid gateway response parameter 'Cookies'");
    }

    @Test
    void expand_bodyAndUri_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionUri: a.yaml
                      DefinitionBody: {swagger: "2.0", paths: {}}
                """))
                .hasMessage(
                        "Resources.MyApi.Properties: Specify either 'DefinitionUri' or"
                                + " 'DefinitionBody' property and not both.");
    }

    @Test
    void expand_httpApi_apiAndDefaultStage() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  Http:
                    Type: AWS::Serverless::HttpApi
                    Properties: {StageName: prod}
                """);

        assertThat(resources)
                .isEqualTo(
                        json(
                                """
                {"Http": {"Type": "AWS::ApiGatewayV2::Api",
                  "Properties": {"ProtocolType": "HTTP", "Name": {"Ref": "AWS::StackName"},
                    "Tags": {"httpapi:createdBy": "SAM"}}},
                 "HttpprodStage": {"Type": "AWS::ApiGatewayV2::Stage",
                  "Properties": {"ApiId": {"Ref": "Http"}, "StageName": "prod",
                    "AutoDeploy": true}}}
                """));
    }

    @Test
    void expand_missingStageName_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {Name: x}
                """))
                .hasMessageStartingWith("Resources.MyApi.Properties.StageName: ");
    }

    @Test
    void expand_apiPropertiesNotAnObject_failsNamingThem() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi: {Type: AWS::Serverless::Api, Properties: [a]}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Resources.MyApi.Properties: must be an object");
    }

    @Test
    void expand_refsToStageAndDeployment_nameTheGeneratedResources() {
        ObjectNode out =
                SamTransform.expand(
                        template(
                                """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod}
                  Plan:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages: [{ApiId: {Ref: MyApi}, Stage: {Ref: MyApi.Stage}}]
                Outputs:
                  Url:
                    Value: {Fn::Sub: "https://${MyApi}.execute-api/${MyApi.Stage}/"}
                  Deployment:
                    Value: {Ref: MyApi.Deployment}
                """));

        String deploymentId = idStartingWith((ObjectNode) out.get("Resources"), "MyApiDeployment");
        assertThat(out.at("/Resources/Plan/Properties/ApiStages/0/Stage"))
                .isEqualTo(json("{\"Ref\": \"MyApiprodStage\"}"));
        assertThat(out.at("/Outputs/Url/Value"))
                .isEqualTo(
                        json("{\"Fn::Sub\": \"https://${MyApi}.execute-api/${MyApiprodStage}/\"}"));
        assertThat(out.at("/Outputs/Deployment/Value/Ref").asText()).isEqualTo(deploymentId);
    }
}
