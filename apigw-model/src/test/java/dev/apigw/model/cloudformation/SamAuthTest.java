package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A SAM API's {@code Auth} and events' {@code Auth} in the body (reference 8.1-8.4, 8.7, 8.2). */
class SamAuthTest {
    private static final String AUTHORIZER_URI =
            "arn:aws:apigateway:${AWS::Region}:lambda:path/"
                    + "2015-03-31/functions/${__FunctionArn__}/invocations";

    private static String api(String auth, String events) {
        return """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth:
                %s
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                %s
                """
                .formatted(auth.indent(8), events.indent(8));
    }

    private static JsonNode body(ObjectNode resources) {
        return resources.at("/MyApi/Properties/Body");
    }

    @Test
    void expand_lambdaTokenAuthorizer_writesSecurityDefinitionAndDefault() {
        ObjectNode resources =
                expand(
                        api(
                                """
                DefaultAuthorizer: Token
                Authorizers:
                  Token:
                    FunctionArn: {Fn::GetAtt: [AuthFn, Arn]}
                    FunctionInvokeRole: arn:aws:iam::123456789012:role/invoke
                    Identity:
                      Header: X-Token
                      ValidationExpression: "Bearer .*"
                      ReauthorizeEvery: 60
                """,
                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """));

        assertThat(body(resources).get("securityDefinitions"))
                .isEqualTo(
                        json(
                                """
                {"Token": {"type": "apiKey", "name": "X-Token", "in": "header",
                  "x-amazon-apigateway-authtype": "custom",
                  "x-amazon-apigateway-authorizer": {"type": "token",
                    "authorizerUri": {"Fn::Sub": ["%s",
                      {"__FunctionArn__": {"Fn::GetAtt": ["AuthFn", "Arn"]}}]},
                    "authorizerResultTtlInSeconds": 60,
                    "authorizerCredentials": "arn:aws:iam::123456789012:role/invoke",
                    "identityValidationExpression": "Bearer .*"}}}
                """
                                        .formatted(AUTHORIZER_URI)));
        assertThat(body(resources).at("/paths/~1a/get/security"))
                .isEqualTo(json("[{\"Token\": []}]"));
    }

    @Test
    void expand_requestAuthorizerAndCognito_writeTheirSources() {
        ObjectNode resources =
                expand(
                        api(
                                """
                DefaultAuthorizer: Request
                Authorizers:
                  Request:
                    FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
                    FunctionPayloadType: REQUEST
                    Identity:
                      Headers: [Authorization]
                      QueryStrings: [token]
                      StageVariables: [v]
                      Context: [identity.sourceIp]
                  Pool:
                    UserPoolArn: [arn:pool1, arn:pool2]
                    AuthorizationScopes: [orders/read]
                    Identity: {Header: Auth}
                """,
                                """
                Get:
                  Type: Api
                  Properties:
                    RestApiId: MyApi
                    Path: /a
                    Method: get
                    Auth: {Authorizer: Pool}
                Put:
                  Type: Api
                  Properties:
                    RestApiId: MyApi
                    Path: /a
                    Method: put
                    Auth: {Authorizer: Pool, AuthorizationScopes: [orders/write]}
                Post: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: post}}
                """));

        JsonNode definitions = body(resources).get("securityDefinitions");
        assertThat(definitions.get("Request"))
                .isEqualTo(
                        json(
                                """
                {"type": "apiKey", "name": "Unused", "in": "header",
                 "x-amazon-apigateway-authtype": "custom",
                 "x-amazon-apigateway-authorizer": {"type": "request",
                   "authorizerUri": {"Fn::Sub": ["%s", {"__FunctionArn__":
                     "arn:aws:lambda:us-east-1:123456789012:function:auth"}]},
                   "identitySource": "method.request.header.Authorization,\
                 method.request.querystring.token, stageVariables.v,\
                 context.identity.sourceIp"}}
                """
                                        .formatted(AUTHORIZER_URI)));
        assertThat(definitions.get("Pool"))
                .isEqualTo(
                        json(
                                """
                {"type": "apiKey", "name": "Auth", "in": "header",
                 "x-amazon-apigateway-authtype": "cognito_user_pools",
                 "x-amazon-apigateway-authorizer": {"type": "cognito_user_pools",
                   "providerARNs": ["arn:pool1", "arn:pool2"]}}
                """));
        assertThat(body(resources).at("/paths/~1a/get/security"))
                .isEqualTo(json("[{\"Pool\": [\"orders/read\"]}]"));
        assertThat(body(resources).at("/paths/~1a/put/security"))
                .isEqualTo(json("[{\"Pool\": [\"orders/write\"]}]"));
        assertThat(body(resources).at("/paths/~1a/post/security"))
                .isEqualTo(json("[{\"Request\": []}]"));
    }

    @Test
    void expand_authorizerNone_leavesSamsNoneMarker() {
        ObjectNode resources =
                expand(
                        api(
                                """
                DefaultAuthorizer: Token
                Authorizers:
                  Token: {FunctionArn: arn:fn}
                """,
                                """
                Open:
                  Type: Api
                  Properties:
                    RestApiId: MyApi
                    Path: /open
                    Method: get
                    Auth: {Authorizer: NONE}
                """));

        assertThat(body(resources).at("/paths/~1open/get/security"))
                .isEqualTo(json("[{\"NONE\": []}]"));
    }

    @Test
    void expand_awsIamDefault_addsSigv4DefinitionAndCallerCredentials() {
        ObjectNode resources =
                expand(
                        api(
                                """
                DefaultAuthorizer: AWS_IAM
                """,
                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """));

        assertThat(body(resources).get("securityDefinitions"))
                .isEqualTo(
                        json(
                                """
                {"AWS_IAM": {"type": "apiKey", "name": "Authorization", "in": "header",
                  "x-amazon-apigateway-authtype": "awsSigv4"}}
                """));
        assertThat(body(resources).at("/paths/~1a/get/security"))
                .isEqualTo(json("[{\"AWS_IAM\": []}]"));
        assertThat(
                        body(resources)
                                .at("/paths/~1a/get/x-amazon-apigateway-integration/credentials")
                                .asText())
                .isEqualTo("arn:aws:iam::*:user/*");
    }

    @Test
    void expand_apiKeyRequired_addsApiKeyUnlessTheEventSaysFalse() {
        ObjectNode resources =
                expand(
                        api(
                                """
                ApiKeyRequired: true
                """,
                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                Free:
                  Type: Api
                  Properties:
                    RestApiId: MyApi
                    Path: /free
                    Method: get
                    Auth: {ApiKeyRequired: false}
                """));

        assertThat(body(resources).at("/securityDefinitions/api_key"))
                .isEqualTo(
                        json(
                                """
                {"type": "apiKey", "name": "x-api-key", "in": "header"}
                """));
        assertThat(body(resources).at("/paths/~1a/get/security"))
                .isEqualTo(json("[{\"api_key\": []}]"));
        assertThat(body(resources).at("/paths/~1free/get/security")).isEqualTo(json("[]"));
    }

    @Test
    void expand_resourcePolicy_writesSamsStatements() {
        ObjectNode resources =
                expand(
                        api(
                                """
                ResourcePolicy:
                  IpRangeWhitelist: [10.0.0.0/8]
                  AwsAccountBlacklist: ['111122223333']
                  CustomStatements:
                    - {Effect: Allow, Principal: "*", Action: execute-api:Invoke,
                       Resource: execute-api:/*}
                """,
                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: "/a/{id}", Method: get}}
                """));

        String resource =
                """
                [{"Fn::Sub": ["execute-api:/${__Stage__}/GET/a/*", {"__Stage__": "prod"}]}]
                """;
        assertThat(body(resources).get("x-amazon-apigateway-policy"))
                .isEqualTo(
                        json(
                                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": %1$s,
                   "Principal": {"AWS": ["111122223333"]}},
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": %1$s,
                   "Principal": "*"},
                  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": %1$s,
                   "Principal": "*",
                   "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}},
                  {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
                   "Resource": "execute-api:/*"}]}
                """
                                        .formatted(resource)));
    }

    @Test
    void expand_vpcBlockList_writesStringEqualsCondition() {
        ObjectNode resources =
                expand(
                        api(
                                """
                ResourcePolicy:
                  SourceVpcBlacklist: [vpc-1, vpce-2]
                """,
                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """));

        assertThat(body(resources).at("/x-amazon-apigateway-policy/Statement/1/Condition"))
                .isEqualTo(
                        json(
                                """
                        {"StringEquals": {"aws:SourceVpc": ["vpc-1"],
                          "aws:SourceVpce": ["vpce-2"]}}
                        """));
    }

    @Test
    void expand_unknownDefaultAuthorizer_failsNamingThePath() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        api(
                                                """
                DefaultAuthorizer: Foo
                Authorizers:
                  Token: {FunctionArn: arn:fn}
                """,
                                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Resources.MyApi.Properties.Auth.DefaultAuthorizer: Unable to set"
                                + " DefaultAuthorizer because 'Foo' was not defined in 'Authorizers'.");
    }

    @Test
    void expand_eventNamingUnknownAuthorizer_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        api(
                                                """
                Authorizers:
                  Token: {FunctionArn: arn:fn}
                """,
                                                """
                Get:
                  Type: Api
                  Properties:
                    RestApiId: MyApi
                    Path: /a
                    Method: get
                    Auth: {Authorizer: Other}
                """)))
                .hasMessage(
                        "Resources.Fn.Properties.Events.Get.Properties.Auth.Authorizer:"
                                + " Unable to set Authorizer [Other] on API method [get] for path [/a]"
                                + " because it wasn't defined in the API's Authorizers.");
    }

    @Test
    void expand_requestAuthorizerWithoutIdentity_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        api(
                                                """
                Authorizers:
                  Request: {FunctionArn: arn:fn, FunctionPayloadType: REQUEST}
                """,
                                                """
                Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """)))
                .hasMessage(
                        "Resources.MyApi.Properties.Auth.Authorizers.Request: Request"
                                + " Authorizer must specify Identity with at least one of Headers,"
                                + " QueryStrings, StageVariables, or Context.");
    }

    @Test
    void expand_authOnApiWithUri_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionUri: api.yaml
                      Auth: {ApiKeyRequired: true}
                """))
                .hasMessage(
                        "Resources.MyApi.Properties.Auth: Auth works only with inline"
                                + " Swagger specified in 'DefinitionBody' property.");
    }

    @Test
    void expand_authOnOpenApi3_movesDefinitionsToSecuritySchemes() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      OpenApiVersion: 3.0.1
                      Auth:
                        ApiKeyRequired: true
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """);

        assertThat(body(resources).has("securityDefinitions")).isFalse();
        assertThat(body(resources).at("/components/securitySchemes"))
                .isEqualTo(
                        json(
                                """
                {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}}
                """));
        assertThat(body(resources).at("/paths/~1a/get/security"))
                .isEqualTo(json("[{\"api_key\": []}]"));
    }
}
