package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.idStartingWith;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Function events of {@code Type: Api}: the implicit API and explicit APIs' bodies (reference 2.1,
 * 4.3).
 */
class SamImplicitApiTest {
    private static final String URI =
            "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/"
                    + "functions/${%s.Arn}/invocations";

    private static String integration(String function) {
        return """
                {"x-amazon-apigateway-integration": {"type": "aws_proxy",
                  "httpMethod": "POST", "uri": {"Fn::Sub": "%s"}}, "responses": {}}
                """
                .formatted(URI.formatted(function));
    }

    @Test
    void expand_eventsWithoutRestApiId_makeServerlessRestApiWithProdStage() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: orders.Handler::handleRequest
                      Runtime: java21
                      CodeUri: target/orders.jar
                      Events:
                        List: {Type: Api, Properties: {Path: /orders, Method: GET}}
                        Any: {Type: Api, Properties: {Path: "/orders/{id}", Method: any}}
                        Queue: {Type: SQS, Properties: {Queue: arn}}
                """);

        assertThat(resources.get("ServerlessRestApi"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Body": {
                  "swagger": "2.0",
                  "info": {"version": "1.0", "title": {"Ref": "AWS::StackName"}},
                  "paths": {
                    "/orders": {"get": %s},
                    "/orders/{id}": {"x-amazon-apigateway-any-method": %s}}}}}
                """
                                        .formatted(
                                                integration("OrdersFunction"),
                                                integration("OrdersFunction"))));
        String deploymentId = idStartingWith(resources, "ServerlessRestApiDeployment");
        assertThat(resources.at("/ServerlessRestApiProdStage/Properties"))
                .isEqualTo(
                        json(
                                """
                {"RestApiId": {"Ref": "ServerlessRestApi"},
                 "DeploymentId": {"Ref": "%s"}, "StageName": "Prod"}
                """
                                        .formatted(deploymentId)));
        assertThat(resources.at("/OrdersFunction/Type").asText())
                .isEqualTo("AWS::Lambda::Function");
    }

    @Test
    void expand_noApiEvents_makesNoImplicitApi() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.B, Runtime: java21, CodeUri: x.jar}
                """);

        assertThat(resources.has("ServerlessRestApi")).isFalse();
    }

    @Test
    void expand_eventNamingExplicitApiWithoutBody_generatesItsBody() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Post:
                          Type: Api
                          Properties: {RestApiId: {Ref: MyApi}, Path: /items, Method: post}
                """);

        assertThat(resources.at("/MyApi/Properties/Body/paths"))
                .isEqualTo(json("{\"/items\": {\"post\": %s}}".formatted(integration("Fn"))));
        assertThat(resources.has("ServerlessRestApi")).isFalse();
    }

    @Test
    void expand_eventNamingApiWithOwnBody_leavesTheBodyAsWritten() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody: {swagger: "2.0", paths: {/own: {get: {}}}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Post:
                          Type: Api
                          Properties: {RestApiId: MyApi, Path: /items, Method: post}
                """);

        assertThat(resources.at("/MyApi/Properties/Body"))
                .isEqualTo(json("{\"swagger\": \"2.0\", \"paths\": {\"/own\": {\"get\": {}}}}"));
    }

    @Test
    void expand_mergeDefinitions_mergesTheMethodIntoTheOwnBody() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      MergeDefinitions: true
                      DefinitionBody:
                        swagger: "2.0"
                        paths: {/items: {post: {summary: add}}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Post:
                          Type: Api
                          Properties: {RestApiId: MyApi, Path: /items, Method: post}
                """);

        ObjectNode expected = (ObjectNode) json(integration("Fn"));
        expected.put("summary", "add");
        assertThat(resources.at("/MyApi/Properties/Body/paths/~1items/post")).isEqualTo(expected);
    }

    @Test
    void expand_requestParametersAndModel_areDeclaredOnTheOperation() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Models:
                        Order: {type: object, required: [id]}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Post:
                          Type: Api
                          Properties:
                            RestApiId: {Ref: MyApi}
                            Path: /orders
                            Method: post
                            RequestModel: {Model: Order, Required: true, ValidateBody: true}
                            RequestParameters:
                              - method.request.header.Authorization
                              - method.request.querystring.page: {Required: true, Caching: true}
                """);

        ObjectNode body = (ObjectNode) resources.at("/MyApi/Properties/Body");
        assertThat(body.at("/paths/~1orders/post"))
                .isEqualTo(
                        json(
                                """
                {"x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST",
                   "uri": {"Fn::Sub": "%s"},
                   "cacheKeyParameters": ["method.request.querystring.page"]},
                 "responses": {},
                 "parameters": [
                   {"in": "body", "name": "order", "schema": {"$ref": "#/definitions/order"},
                    "required": true},
                   {"in": "header", "name": "Authorization", "required": false,
                    "type": "string"},
                   {"in": "query", "name": "page", "required": true, "type": "string"}],
                 "x-amazon-apigateway-request-validator": "body-only"}
                """
                                        .formatted(URI.formatted("Fn"))));
        assertThat(body.get("x-amazon-apigateway-request-validators"))
                .isEqualTo(
                        json(
                                """
                {"body-only": {"validateRequestBody": true, "validateRequestParameters": false}}
                """));
        assertThat(body.get("definitions"))
                .isEqualTo(json("{\"order\": {\"type\": \"object\", \"required\": [\"id\"]}}"));
    }

    @Test
    void expand_requestModelOnOpenApi3_writesRequestBody() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      OpenApiVersion: '3.0.1'
                      Models: {Order: {type: object}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Post:
                          Type: Api
                          Properties:
                            RestApiId: MyApi
                            Path: /orders
                            Method: post
                            RequestModel: {Model: Order, Required: false}
                """);

        ObjectNode body = (ObjectNode) resources.at("/MyApi/Properties/Body");
        assertThat(body.at("/paths/~1orders/post/requestBody"))
                .isEqualTo(
                        json(
                                """
                {"content": {"application/json": {"schema":
                  {"$ref": "#/components/schemas/order"}}}, "required": false}
                """));
        assertThat(body.at("/components/schemas/order")).isEqualTo(json("{\"type\": \"object\"}"));
        assertThat(body.has("definitions")).isFalse();
    }

    @Test
    void expand_restApiIdOfMissingApi_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Get:
                          Type: Api
                          Properties: {RestApiId: {Ref: Missing}, Path: /a, Method: get}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Resources.Fn.Properties.Events.Get.Properties.RestApiId: RestApiId"
                                + " must be a valid reference to an 'AWS::Serverless::Api' resource in"
                                + " same template.");
    }

    @Test
    void expand_sameMethodTwice_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        A: {Type: Api, Properties: {Path: /a, Method: get}}
                        B: {Type: Api, Properties: {Path: /a, Method: GET}}
                """))
                .hasMessage(
                        "Resources.Fn.Properties.Events.B.Properties: API method \"get\""
                                + " defined multiple times for path \"/a\".");
    }

    @Test
    void expand_eventWithoutPath_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        A: {Type: Api, Properties: {Method: get}}
                """))
                .hasMessage(
                        "Resources.Fn.Properties.Events.A.Properties.Path: Api Event must"
                                + " have a String specified for 'Path'.");
    }

    @Test
    void expand_badRequestParameter_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        A:
                          Type: Api
                          Properties:
                            Path: /a
                            Method: get
                            RequestParameters: [method.request.body.x]
                """))
                .hasMessageStartingWith(
                        "Resources.Fn.Properties.Events.A.Properties"
                                + ".RequestParameters: Invalid value for 'RequestParameters' property.");
    }
}
