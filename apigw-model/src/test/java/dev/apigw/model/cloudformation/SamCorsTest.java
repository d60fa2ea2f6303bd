package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A SAM API's {@code Cors}: SAM's OPTIONS MOCK preflight on each path (reference 11.2). */
class SamCorsTest {
    private static String options(String parameters, String headers) {
        return """
                {"summary": "CORS support", "consumes": ["application/json"],
                 "produces": ["application/json"],
                 "x-amazon-apigateway-integration": {"type": "mock",
                   "requestTemplates": {"application/json": "{\\n  \\"statusCode\\" : 200\\n}\\n"},
                   "responses": {"default": {"statusCode": "200",
                     "responseParameters": {%s},
                     "responseTemplates": {"application/json": "{}\\n"}}}},
                 "responses": {"200": {"description": "Default response for CORS method",
                   "headers": {%s}}}}
                """
                .formatted(parameters, headers);
    }

    @Test
    void expand_corsOrigin_addsPreflightWithThePathsMethods() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Cors: "'https://example.com'"
                      DefinitionBody:
                        swagger: "2.0"
                        paths:
                          /a: {post: {}, get: {}}
                          /b: {x-amazon-apigateway-any-method: {}}
                """);

        assertThat(resources.at("/MyApi/Properties/Body/paths/~1a/options"))
                .isEqualTo(
                        json(
                                options(
                                        """
                        "method.response.header.Access-Control-Allow-Origin":
                          "'https://example.com'",
                        "method.response.header.Access-Control-Allow-Methods":
                          "'GET,OPTIONS,POST'"
                        """,
                                        """
                        "Access-Control-Allow-Origin": {"type": "string"},
                        "Access-Control-Allow-Methods": {"type": "string"}
                        """)));
        assertThat(
                        resources
                                .at(
                                        "/MyApi/Properties/Body/paths/~1b/options/"
                                                + "x-amazon-apigateway-integration/responses/default/responseParameters/"
                                                + "method.response.header.Access-Control-Allow-Methods")
                                .asText())
                .isEqualTo("'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
    }

    @Test
    void expand_corsConfiguration_writesEveryHeader() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Cors:
                        AllowOrigin: "'https://example.com'"
                        AllowHeaders: "'Content-Type'"
                        AllowMethods: "'GET'"
                        MaxAge: 600
                        AllowCredentials: true
                      DefinitionBody: {swagger: "2.0", paths: {/a: {get: {}}}}
                """);

        assertThat(resources.at("/MyApi/Properties/Body/paths/~1a/options"))
                .isEqualTo(
                        json(
                                options(
                                        """
                        "method.response.header.Access-Control-Allow-Origin":
                          "'https://example.com'",
                        "method.response.header.Access-Control-Allow-Headers": "'Content-Type'",
                        "method.response.header.Access-Control-Allow-Methods": "'GET'",
                        "method.response.header.Access-Control-Max-Age": 600,
                        "method.response.header.Access-Control-Allow-Credentials": "'true'"
                        """,
                                        """
                        "Access-Control-Allow-Origin": {"type": "string"},
                        "Access-Control-Allow-Headers": {"type": "string"},
                        "Access-Control-Allow-Methods": {"type": "string"},
                        "Access-Control-Max-Age": {"type": "integer"},
                        "Access-Control-Allow-Credentials": {"type": "string"}
                        """)));
    }

    @Test
    void expand_pathWithOptions_isLeftAlone() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Cors: "'*'"
                      DefinitionBody: {swagger: "2.0", paths: {/a: {options: {summary: own}}}}
                """);

        assertThat(resources.at("/MyApi/Properties/Body/paths/~1a/options"))
                .isEqualTo(json("{\"summary\": \"own\"}"));
    }

    @Test
    void expand_corsOnOpenApi3_wrapsHeadersInSchemas() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      OpenApiVersion: 3.0.1
                      Cors: "'*'"
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Get: {Type: Api, Properties: {RestApiId: MyApi, Path: /a, Method: get}}
                """);

        ObjectNode preflight =
                (ObjectNode) resources.at("/MyApi/Properties/Body/paths/~1a/options");
        assertThat(preflight.has("consumes")).isFalse();
        assertThat(preflight.at("/responses/200/headers"))
                .isEqualTo(
                        json(
                                """
                {"Access-Control-Allow-Origin": {"schema": {"type": "string"}},
                 "Access-Control-Allow-Methods": {"schema": {"type": "string"}}}
                """));
    }

    @Test
    void expand_defaultAuthorizer_coversThePreflightUnlessDisabled() {
        String template =
                """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Cors: "'*'"
                      Auth:
                        DefaultAuthorizer: Token
                        AddDefaultAuthorizerToCorsPreflight: %s
                        Authorizers: {Token: {FunctionArn: arn:fn}}
                      DefinitionBody:
                        swagger: "2.0"
                        paths: {/a: {get: {x-amazon-apigateway-integration: {type: mock}}}}
                """;

        assertThat(
                        expand(template.formatted("true"))
                                .at("/MyApi/Properties/Body/paths/~1a/options/security"))
                .isEqualTo(json("[{\"Token\": []}]"));
        assertThat(
                        expand(template.formatted("false"))
                                .at("/MyApi/Properties/Body/paths/~1a/options")
                                .has("security"))
                .isFalse();
    }

    @Test
    void expand_credentialsWithWildcardOrigin_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Cors: {AllowCredentials: true}
                """))
                .hasMessage(
                        "Resources.MyApi.Properties.Cors: Unable to add Cors configuration"
                                + " because 'AllowCredentials' can not be true when 'AllowOrigin' is"
                                + " \"'*'\" or not set");
    }

    @Test
    void expand_pathThatIsNotAnObject_failsNamingThePath() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Cors: "'*'"
                      DefinitionBody: {swagger: "2.0", paths: {/a: [get]}}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Resources.MyApi.Properties.DefinitionBody.paths./a: Value of '/a'"
                                + " path must be a dictionary according to Swagger spec.");
    }

    @Test
    void expand_unknownCorsProperty_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, Cors: {ExposeHeaders: x}}
                """))
                .hasMessage("Resources.MyApi.Properties.Cors: Invalid value for 'Cors' property");
    }
}
