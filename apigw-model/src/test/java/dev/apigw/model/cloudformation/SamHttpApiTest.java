package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.CloudFormationImporterTest.BASE;
import static dev.apigw.model.cloudformation.CloudFormationImporterTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.HttpStage;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Route;
import dev.apigw.model.RouteSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SAM's {@code AWS::Serverless::HttpApi}, its implicit {@code ServerlessHttpApi} and the {@code
 * HttpApi} events of functions, imported through the transform into {@link
 * GatewayDefinition#httpApis()}: routes (reference 7.2), Lambda proxy integrations with payload 2.0
 * by default (2.4), JWT and Lambda authorizers (8.5, 8.6), CORS (11.2), the stage and its route
 * settings (9.1, HTTP API stages), {@code Globals.HttpApi}.
 */
class SamHttpApiTest {
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:%s";
    private static final String INVOCATION =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + FUNCTION_ARN
                    + "/invocations";

    private static GatewayDefinition sam(String yaml) {
        return load("Transform: AWS::Serverless-2016-10-31\n" + yaml, BASE);
    }

    /** A template whose function {@code Hello} has these events (YAML at the left margin). */
    private static String hello(String events) {
        return """
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: x.jar
                      Events:
                """
                + events.indent(8);
    }

    private static HttpIntegration integrationOf(HttpApi api, String routeKey) {
        Route route = api.route(routeKey).orElseThrow();
        return api.integrations().get(route.integrationId().orElseThrow());
    }

    @Test
    void importText_eventsWithoutApiId_implicitServerlessHttpApi() {
        GatewayDefinition def =
                sam(
                        """
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: target/hello.jar
                      Events:
                        Get: {Type: HttpApi, Properties: {Path: '/hello/{name}', Method: get}}
                        Any: {Type: HttpApi, Properties: {Path: /any, Method: any, PayloadFormatVersion: '1.0', TimeoutInMillis: 3000}}
                        Catch: {Type: HttpApi}
                """);
        HttpApi api = def.httpApi("ServerlessHttpApi");
        HttpIntegration get = integrationOf(api, "GET /hello/{name}");

        assertThat(def.httpApis()).containsOnlyKeys("ServerlessHttpApi");
        assertThat(def.functions()).containsOnlyKeys("Hello");
        assertThat(api.name()).isEqualTo(BASE.openApi().stackName());
        assertThat(api.tags()).containsEntry("httpapi:createdBy", "SAM");
        assertThat(api.routes().keySet())
                .containsExactly("GET /hello/{name}", "ANY /any", "$default");
        assertThat(get.integrationType()).isEqualTo(IntegrationType.AWS_PROXY);
        assertThat(get.integrationUri()).hasValue(INVOCATION.formatted("Hello"));
        assertThat(get.payloadFormatVersion()).isEqualTo("2.0");
        assertThat(get.timeoutInMillis()).isEqualTo(HttpIntegration.MAX_TIMEOUT_MILLIS);
        assertThat(integrationOf(api, "ANY /any").payloadFormatVersion()).isEqualTo("1.0");
        assertThat(integrationOf(api, "ANY /any").timeoutInMillis()).isEqualTo(3000);
        assertThat(api.stages()).containsOnlyKeys(HttpStage.DEFAULT);
        assertThat(api.stages().get(HttpStage.DEFAULT).autoDeploy()).isTrue();
    }

    @Test
    void importText_noHttpApiEvents_noImplicitApi() {
        GatewayDefinition def =
                sam(
                        """
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: java17, Handler: a.B, CodeUri: x.jar}
                """);

        assertThat(def.httpApis()).isEmpty();
    }

    @Test
    void importText_explicitHttpApi_propertiesAndStage() {
        HttpApi api =
                sam("""
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Name: shop
                      Description: the shop
                      StageName: v1
                      DisableExecuteApiEndpoint: true
                      Tags: {team: shop}
                      StageVariables: {table: orders}
                      DefaultRouteSettings: {ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50}
                      RouteSettings:
                        GET /orders: {ThrottlingBurstLimit: 5}
                      AccessLogSettings: {DestinationArn: arn:aws:logs:us-east-1:1:log-group:x, Format: $context.requestId}
                      CorsConfiguration:
                        AllowOrigins: [https://shop.example]
                        AllowMethods: [GET]
                        MaxAge: 60
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: x.jar
                      Events:
                        List:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Shop
                            Path: /orders
                            Method: GET
                        Post:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Shop
                            Path: /orders
                            Method: POST
                            RouteSettings: {DetailedMetricsEnabled: true}
                """)
                        .httpApi("Shop");
        HttpStage stage = api.stages().get("v1");

        assertThat(api.name()).isEqualTo("shop");
        assertThat(api.description()).hasValue("the shop");
        assertThat(api.disableExecuteApiEndpoint()).isTrue();
        assertThat(api.tags()).containsEntry("team", "shop");
        assertThat(api.corsConfiguration().orElseThrow().allowOrigins())
                .containsExactly("https://shop.example");
        assertThat(api.corsConfiguration().orElseThrow().maxAge()).hasValue(60);
        assertThat(api.routes().keySet()).containsExactly("GET /orders", "POST /orders");
        assertThat(api.stages()).containsOnlyKeys("v1");
        assertThat(stage.autoDeploy()).isTrue();
        assertThat(stage.stageVariables()).containsEntry("table", "orders");
        assertThat(stage.settingsOf("GET /orders")).isEqualTo(new RouteSettings(false, 5, 50.0));
        assertThat(stage.settingsOf("POST /orders")).isEqualTo(new RouteSettings(true, 100, 50.0));
        assertThat(stage.accessLogSettings().orElseThrow().format())
                .isEqualTo("$context.requestId");
    }

    @Test
    void importText_corsConfigurationTrue_everyOrigin() {
        HttpApi api =
                sam("""
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties: {CorsConfiguration: true}
                """)
                        .httpApi("Shop");

        assertThat(api.corsConfiguration().orElseThrow().allowOrigins()).containsExactly("*");
        assertThat(api.corsConfiguration().orElseThrow().allowMethods()).isEmpty();
    }

    @Test
    void importText_authorizers_jwtDefaultAndLambdaPerRoute() {
        HttpApi api =
                sam("""
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        DefaultAuthorizer: Cognito
                        Authorizers:
                          Cognito:
                            IdentitySource: $request.header.X-Token
                            AuthorizationScopes: [shop/read]
                            JwtConfiguration:
                              issuer: https://cognito-idp.us-east-1.amazonaws.com/pool
                              audience: [client]
                          Gate:
                            FunctionArn: !GetAtt GateFunction.Arn
                            FunctionInvokeRole: arn:aws:iam::123456789012:role/invoke
                            AuthorizerPayloadFormatVersion: '2.0'
                            EnableSimpleResponses: true
                            Identity:
                              Headers: [x-key]
                              QueryStrings: [token]
                              StageVariables: [stage]
                              Context: [sourceIp]
                              ReauthorizeEvery: 120
                  GateFunction:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: java17, Handler: a.Gate, CodeUri: x.jar}
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: x.jar
                      Events:
                        Read: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /orders, Method: get}}
                        Write:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Shop
                            Path: /orders
                            Method: post
                            Auth: {Authorizer: Cognito, AuthorizationScopes: [shop/write]}
                        Gated: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /gated, Method: get, Auth: {Authorizer: Gate}}}
                        Open: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /open, Method: get, Auth: {Authorizer: NONE}}}
                """)
                        .httpApi("Shop");
        Route read = api.route("GET /orders").orElseThrow();
        Route gated = api.route("GET /gated").orElseThrow();
        HttpAuthorizer cognito = api.authorizers().get(read.authorizerId().orElseThrow());
        HttpAuthorizer gate = api.authorizers().get(gated.authorizerId().orElseThrow());

        assertThat(read.authorizationType()).isEqualTo(AuthorizationType.JWT);
        assertThat(read.authorizationScopes()).containsExactly("shop/read");
        assertThat(api.route("POST /orders").orElseThrow().authorizationScopes())
                .containsExactly("shop/write");
        assertThat(api.route("GET /open").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.NONE);
        assertThat(cognito.name()).isEqualTo("Cognito");
        assertThat(cognito.authorizerType()).isEqualTo(HttpAuthorizerType.JWT);
        assertThat(cognito.identitySource()).containsExactly("$request.header.X-Token");
        assertThat(cognito.jwtConfiguration().orElseThrow().issuer())
                .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/pool");
        assertThat(cognito.jwtConfiguration().orElseThrow().audience()).containsExactly("client");
        assertThat(gated.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(gate.authorizerType()).isEqualTo(HttpAuthorizerType.REQUEST);
        assertThat(gate.authorizerUri()).hasValue(INVOCATION.formatted("GateFunction"));
        assertThat(gate.authorizerPayloadFormatVersion()).hasValue("2.0");
        assertThat(gate.enableSimpleResponses()).isTrue();
        assertThat(gate.authorizerCredentialsArn())
                .hasValue("arn:aws:iam::123456789012:role/invoke");
        assertThat(gate.identitySource())
                .containsExactly(
                        "$request.header.x-key",
                        "$request.querystring.token",
                        "$stageVariables.stage",
                        "$context.sourceIp");
        assertThat(gate.authorizerResultTtlInSeconds()).isEqualTo(120);
    }

    @Test
    void importText_jwtAuthorizerWithoutIdentitySource_authorizationHeader() {
        HttpApi api =
                sam("""
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          Jwt: {JwtConfiguration: {issuer: https://issuer.example, audience: [a]}}
                """)
                        .httpApi("Shop");

        assertThat(api.authorizers().values().iterator().next().identitySource())
                .containsExactly("$request.header.Authorization");
    }

    @Test
    void importText_iamDefaultAuthorizer_awsIamRoutes() {
        HttpApi api =
                sam("""
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth: {EnableIamAuthorizer: true, DefaultAuthorizer: AWS_IAM}
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: x.jar
                      Events:
                        Read: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /orders, Method: get}}
                """)
                        .httpApi("Shop");

        assertThat(api.route("GET /orders").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
    }

    @Test
    void importText_globalsHttpApi_appliedToExplicitAndImplicitApis() {
        GatewayDefinition def =
                sam(
                        """
                Globals:
                  HttpApi:
                    CorsConfiguration: {AllowOrigins: [https://a.example]}
                    StageVariables: {mode: global}
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties: {StageVariables: {table: t}}
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: x.jar
                      Events:
                        Get: {Type: HttpApi, Properties: {Path: /hello, Method: get}}
                """);

        assertThat(def.httpApi("Shop").stages().get(HttpStage.DEFAULT).stageVariables())
                .containsExactly(Map.entry("mode", "global"), Map.entry("table", "t"));
        assertThat(
                        def.httpApi("ServerlessHttpApi")
                                .corsConfiguration()
                                .orElseThrow()
                                .allowOrigins())
                .containsExactly("https://a.example");
    }

    @Test
    void importText_eventNamingAnUnknownApi_fails() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        hello(
                                                """
                Get: {Type: HttpApi, Properties: {ApiId: !Ref Nope, Path: /hello, Method: get}}
                """)))
                .hasMessage(
                        "Resources.Hello.Properties.Events.Get.Properties.ApiId: ApiId must be a"
                                + " valid reference to an 'AWS::Serverless::HttpApi' resource in"
                                + " same template.");
    }

    @Test
    void importText_eventNamingAnUnknownAuthorizer_fails() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        hello(
                                                """
                Get: {Type: HttpApi, Properties: {Path: /hello, Method: get, Auth: {Authorizer: Who}}}
                """)))
                .hasMessage(
                        "Resources.Hello.Properties.Events.Get.Properties.Auth.Authorizer: Unable"
                                + " to set Authorizer [Who] on API method [GET /hello] because it"
                                + " wasn't defined in the API's Authorizers.");
    }

    @Test
    void importText_defaultAuthorizerNotDefined_fails() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        """
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties: {Auth: {DefaultAuthorizer: Who}}
                """))
                .hasMessage(
                        "Resources.Shop.Properties.Auth.DefaultAuthorizer: Unable to set"
                                + " DefaultAuthorizer because 'Who' was not defined in"
                                + " 'Authorizers'.");
    }

    @Test
    void importText_lambdaAuthorizerWithoutPayloadVersion_fails() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        """
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties: {Auth: {Authorizers: {Gate: {FunctionArn: arn:aws:lambda:us-east-1:1:function:g}}}}
                """))
                .hasMessage(
                        "Resources.Shop.Properties.Auth.Authorizers.Gate: 'AuthorizerPayloadFormatVersion'"
                                + " must be specified for Lambda Authorizers.");
    }

    @Test
    void importText_eventWithPathButNoMethod_fails() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        hello(
                                                """
                Get: {Type: HttpApi, Properties: {Path: /hello}}
                """)))
                .hasMessageStartingWith(
                        "Resources.Hello.Properties.Events.Get.Properties.Method: HttpApi Event"
                                + " must have a String specified for 'Method'");
    }

    @Test
    void importText_twoEventsOfOneRoute_fails() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        hello(
                                                """
                A: {Type: HttpApi, Properties: {Path: /hello, Method: get}}
                B: {Type: HttpApi, Properties: {Path: /hello, Method: GET}}
                """)))
                .hasMessage(
                        "Resources.Hello.Properties.Events.B.Properties: the route GET /hello is"
                                + " defined multiple times on ServerlessHttpApi");
    }

    @Test
    void importText_eventRouteKeyDoesNotParse_failsNamingTheRoute() {
        assertThatThrownBy(
                        () ->
                                sam(
                                        hello(
                                                """
                A: {Type: HttpApi, Properties: {Path: hello, Method: get}}
                """)))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.HelloARoute.Properties.RouteKey: route key 'GET hello': the"
                                + " path must start with /");
    }
}
