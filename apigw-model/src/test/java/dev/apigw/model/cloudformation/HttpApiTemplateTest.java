package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.CloudFormationImporterTest.BASE;
import static dev.apigw.model.cloudformation.CloudFormationImporterTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.HttpStage;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Route;
import dev.apigw.model.RouteSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plain CloudFormation {@code AWS::ApiGatewayV2::*} resources of HTTP APIs into {@link
 * GatewayDefinition#httpApis()}: the API's properties, quick create, integrations (reference 2.3 to
 * 2.5, 4.2, 5.5), authorizers (8.5, 8.6), routes (7.2), stages (9.1, HTTP API stages), CORS (11.2),
 * and errors naming the resource.
 */
class HttpApiTemplateTest {
    private static final String TEMPLATE =
            """
            Resources:
              Orders:
                Type: AWS::ApiGatewayV2::Api
                Properties:
                  Name: orders
                  ProtocolType: HTTP
                  Description: the orders
                  Version: '2'
                  DisableExecuteApiEndpoint: true
                  Tags: {team: shop}
                  CorsConfiguration:
                    AllowOrigins: [https://shop.example]
                    AllowMethods: [GET, POST]
                    AllowHeaders: [content-type]
                    ExposeHeaders: [x-total]
                    AllowCredentials: true
                    MaxAge: 600
              OrderFunction:
                Type: AWS::Lambda::Function
                Properties: {Runtime: java17, Handler: a.B, Code: x.jar}
              LambdaIntegration:
                Type: AWS::ApiGatewayV2::Integration
                Properties:
                  ApiId: !Ref Orders
                  IntegrationType: AWS_PROXY
                  IntegrationUri: !GetAtt OrderFunction.Arn
                  PayloadFormatVersion: '1.0'
                  TimeoutInMillis: 5000
                  ResponseParameters:
                    '200':
                      ResponseParameters:
                        - {Destination: 'append:header.x-source', Source: lambda}
                        - {Destination: 'overwrite:statuscode', Source: '201'}
              ProxyIntegration:
                Type: AWS::ApiGatewayV2::Integration
                Properties:
                  ApiId: !Ref Orders
                  IntegrationType: HTTP_PROXY
                  IntegrationMethod: GET
                  IntegrationUri: https://backend.example/{proxy}
                  ConnectionType: INTERNET
                  RequestParameters: {'overwrite:header.x-stage': $context.stage}
              QueueIntegration:
                Type: AWS::ApiGatewayV2::Integration
                Properties:
                  ApiId: !Ref Orders
                  IntegrationType: AWS_PROXY
                  IntegrationSubtype: SQS-SendMessage
                  PayloadFormatVersion: '1.0'
                  CredentialsArn: arn:aws:iam::123456789012:role/send
                  RequestParameters: {QueueUrl: https://sqs/q, MessageBody: $request.body}
              Jwt:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties:
                  ApiId: !Ref Orders
                  Name: cognito
                  AuthorizerType: JWT
                  IdentitySource: [$request.header.Authorization]
                  JwtConfiguration: {Issuer: 'https://issuer.example', Audience: [shop]}
              Gate:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties:
                  ApiId: !Ref Orders
                  Name: gate
                  AuthorizerType: REQUEST
                  AuthorizerUri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrderFunction.Arn}/invocations'
                  AuthorizerPayloadFormatVersion: '2.0'
                  EnableSimpleResponses: true
                  IdentitySource: [$request.header.x-key, $context.sourceIp]
                  AuthorizerResultTtlInSeconds: 60
              GetOrder:
                Type: AWS::ApiGatewayV2::Route
                Properties:
                  ApiId: !Ref Orders
                  RouteKey: GET /orders/{id}
                  Target: !Sub 'integrations/${LambdaIntegration}'
                  AuthorizationType: JWT
                  AuthorizerId: !Ref Jwt
                  AuthorizationScopes: [orders/read]
                  OperationName: getOrder
              PostOrder:
                Type: AWS::ApiGatewayV2::Route
                Properties:
                  ApiId: !Ref Orders
                  RouteKey: POST /orders
                  Target: !Join [/, [integrations, !Ref QueueIntegration]]
                  AuthorizationType: CUSTOM
                  AuthorizerId: !GetAtt Gate.AuthorizerId
              Everything:
                Type: AWS::ApiGatewayV2::Route
                Properties:
                  ApiId: !GetAtt Orders.ApiId
                  RouteKey: $default
                  Target: !Sub 'integrations/${ProxyIntegration}'
                  AuthorizationType: AWS_IAM
              Prod:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: !Ref Orders
                  StageName: prod
                  DeploymentId: !Ref Deployment
                  Description: production
                  StageVariables: {table: orders}
                  DefaultRouteSettings: {ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5.5}
                  RouteSettings:
                    GET /orders/{id}: {DetailedMetricsEnabled: true, ThrottlingBurstLimit: 2}
                  AccessLogSettings:
                    DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:orders
                    Format: $context.requestId $context.routeKey
              Default:
                Type: AWS::ApiGatewayV2::Stage
                Properties: {ApiId: !Ref Orders, StageName: $default, AutoDeploy: true}
              Deployment:
                Type: AWS::ApiGatewayV2::Deployment
                DependsOn: [GetOrder, PostOrder]
                Properties: {ApiId: !Ref Orders}
            """;

    private static HttpApi orders() {
        return load(TEMPLATE, BASE).httpApi("Orders");
    }

    private static String template(String resources) {
        return """
                Resources:
                  Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: HTTP}}
                """
                + resources.indent(2);
    }

    @Test
    void importText_apiProperties_carriedOver() {
        GatewayDefinition def = load(TEMPLATE, BASE);
        HttpApi api = def.httpApi("Orders");

        assertThat(def.httpApis()).containsOnlyKeys("Orders");
        assertThat(def.webSocketApis()).isEmpty();
        assertThat(api.id()).matches("[a-z0-9]{10}");
        assertThat(api.name()).isEqualTo("orders");
        assertThat(api.description()).hasValue("the orders");
        assertThat(api.version()).hasValue("2");
        assertThat(api.disableExecuteApiEndpoint()).isTrue();
        assertThat(api.tags()).containsExactly(Map.entry("team", "shop"));
    }

    @Test
    void importText_corsConfiguration_carriedOver() {
        var cors = orders().corsConfiguration().orElseThrow();

        assertThat(cors.allowOrigins()).containsExactly("https://shop.example");
        assertThat(cors.allowMethods()).containsExactly("GET", "POST");
        assertThat(cors.allowHeaders()).containsExactly("content-type");
        assertThat(cors.exposeHeaders()).containsExactly("x-total");
        assertThat(cors.allowCredentials()).isTrue();
        assertThat(cors.maxAge()).hasValue(600);
    }

    @Test
    void importText_integrations_eachTypeCarriedOver() {
        HttpApi api = orders();
        Route get = api.route("GET /orders/{id}").orElseThrow();
        HttpIntegration lambda = api.integrations().get(get.integrationId().orElseThrow());
        HttpIntegration queue =
                api.integrations()
                        .get(api.route("POST /orders").orElseThrow().integrationId().orElseThrow());
        HttpIntegration proxy =
                api.integrations()
                        .get(api.route("$default").orElseThrow().integrationId().orElseThrow());

        assertThat(api.integrations()).hasSize(3);
        assertThat(lambda.integrationType()).isEqualTo(IntegrationType.AWS_PROXY);
        assertThat(lambda.integrationUri())
                .hasValue("arn:aws:lambda:us-east-1:123456789012:function:OrderFunction");
        assertThat(lambda.payloadFormatVersion()).isEqualTo("1.0");
        assertThat(lambda.timeoutInMillis()).isEqualTo(5000);
        assertThat(lambda.responseParameters())
                .containsEntry(
                        "200",
                        Map.of("append:header.x-source", "lambda", "overwrite:statuscode", "201"));
        assertThat(proxy.integrationType()).isEqualTo(IntegrationType.HTTP_PROXY);
        assertThat(proxy.integrationMethod()).hasValue("GET");
        assertThat(proxy.connectionType()).isEqualTo(ConnectionType.INTERNET);
        assertThat(proxy.requestParameters())
                .containsEntry("overwrite:header.x-stage", "$context.stage");
        assertThat(proxy.timeoutInMillis()).isEqualTo(HttpIntegration.MAX_TIMEOUT_MILLIS);
        assertThat(queue.integrationSubtype()).hasValue(IntegrationSubtype.SQS_SEND_MESSAGE);
        assertThat(queue.credentialsArn()).hasValue("arn:aws:iam::123456789012:role/send");
        assertThat(queue.requestParameters()).containsEntry("QueueUrl", "https://sqs/q");
    }

    @Test
    void importText_authorizers_jwtAndLambdaCarriedOver() {
        HttpApi api = orders();
        Route get = api.route("GET /orders/{id}").orElseThrow();
        Route post = api.route("POST /orders").orElseThrow();
        HttpAuthorizer jwt = api.authorizers().get(get.authorizerId().orElseThrow());
        HttpAuthorizer gate = api.authorizers().get(post.authorizerId().orElseThrow());

        assertThat(jwt.name()).isEqualTo("cognito");
        assertThat(jwt.authorizerType()).isEqualTo(HttpAuthorizerType.JWT);
        assertThat(jwt.identitySource()).containsExactly("$request.header.Authorization");
        assertThat(jwt.jwtConfiguration().orElseThrow().issuer())
                .isEqualTo("https://issuer.example");
        assertThat(jwt.jwtConfiguration().orElseThrow().audience()).containsExactly("shop");
        assertThat(gate.authorizerType()).isEqualTo(HttpAuthorizerType.REQUEST);
        assertThat(gate.authorizerUri().orElseThrow())
                .isEqualTo(
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                + "arn:aws:lambda:us-east-1:123456789012:function:OrderFunction"
                                + "/invocations");
        assertThat(gate.authorizerPayloadFormatVersion()).hasValue("2.0");
        assertThat(gate.enableSimpleResponses()).isTrue();
        assertThat(gate.identitySource())
                .containsExactly("$request.header.x-key", "$context.sourceIp");
        assertThat(gate.authorizerResultTtlInSeconds()).isEqualTo(60);
    }

    @Test
    void importText_routes_authorizationCarriedOver() {
        HttpApi api = orders();
        Route get = api.route("GET /orders/{id}").orElseThrow();

        assertThat(api.routes().keySet())
                .containsExactly("GET /orders/{id}", "POST /orders", "$default");
        assertThat(get.authorizationType()).isEqualTo(AuthorizationType.JWT);
        assertThat(get.authorizationScopes()).containsExactly("orders/read");
        assertThat(get.operationName()).hasValue("getOrder");
        assertThat(api.route("POST /orders").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.CUSTOM);
        assertThat(api.route("$default").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
    }

    @Test
    void importText_stages_settingsCarriedOver() {
        HttpApi api = orders();
        HttpStage prod = api.stages().get("prod");

        assertThat(api.stages().keySet()).containsExactly("prod", "$default");
        assertThat(api.stages().get("$default").autoDeploy()).isTrue();
        assertThat(prod.autoDeploy()).isFalse();
        assertThat(prod.description()).hasValue("production");
        assertThat(prod.stageVariables()).containsExactly(Map.entry("table", "orders"));
        assertThat(prod.defaultRouteSettings()).isEqualTo(new RouteSettings(false, 10, 5.5));
        assertThat(prod.settingsOf("GET /orders/{id}")).isEqualTo(new RouteSettings(true, 2, 5.5));
        assertThat(prod.accessLogSettings().orElseThrow().format())
                .isEqualTo("$context.requestId $context.routeKey");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "arn:aws:lambda:us-east-1:123456789012:function:orders | AWS_PROXY | 2.0 | POST",
                "https://backend.example/orders | HTTP_PROXY | 1.0 | ANY"
            })
    void importText_quickCreate_integrationRouteAndDefaultStage(
            String target, IntegrationType type, String version, String method) {
        HttpApi api =
                load(
                                """
                        Resources:
                          Quick:
                            Type: AWS::ApiGatewayV2::Api
                            Properties:
                              Name: quick
                              ProtocolType: HTTP
                              Target: %s
                              CredentialsArn: arn:aws:iam::123456789012:role/invoke
                        """
                                        .formatted(target),
                                BASE)
                        .httpApi("Quick");
        Route route = api.route("$default").orElseThrow();
        HttpIntegration integration = api.integrations().get(route.integrationId().orElseThrow());

        assertThat(api.routes()).hasSize(1);
        assertThat(integration.integrationType()).isEqualTo(type);
        assertThat(integration.integrationUri()).hasValue(target);
        assertThat(integration.payloadFormatVersion()).isEqualTo(version);
        assertThat(integration.integrationMethod()).hasValue(method);
        assertThat(integration.credentialsArn()).hasValue("arn:aws:iam::123456789012:role/invoke");
        assertThat(api.stages()).containsOnlyKeys(HttpStage.DEFAULT);
        assertThat(api.stages().get(HttpStage.DEFAULT).autoDeploy()).isTrue();
    }

    @Test
    void importText_quickCreateRouteKey_routeOfThatKey() {
        HttpApi api =
                load(
                                """
                        Resources:
                          Quick:
                            Type: AWS::ApiGatewayV2::Api
                            Properties:
                              Name: quick
                              ProtocolType: HTTP
                              Target: https://backend.example
                              RouteKey: GET /pets
                        """,
                                BASE)
                        .httpApi("Quick");

        assertThat(api.routes().keySet()).containsExactly("GET /pets");
    }

    @Test
    void importText_webSocketApi_isReadAsAWebSocketApiNotAnHttpApi() {
        GatewayDefinition def =
                load(
                        """
                        Resources:
                          Chat: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: c, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}}
                          Connect: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Chat, RouteKey: $connect}}
                        """,
                        BASE);

        assertThat(def.httpApis()).isEmpty();
        assertThat(def.webSocketApis()).containsOnlyKeys("Chat");
        assertThatThrownBy(() -> def.httpApi("Chat"))
                .hasMessage("Chat is a WebSocket API: read it with webSocketApi(\"Chat\")");
        assertThatThrownBy(() -> def.restApi("Chat"))
                .hasMessage("Chat is a WebSocket API: read it with webSocketApi(\"Chat\")");
    }

    @Test
    void httpApi_restApiOrUnknownName_failsNamingTheKind() {
        GatewayDefinition def =
                load(
                        """
                        Resources:
                          Rest: {Type: AWS::ApiGateway::RestApi, Properties: {Name: r}}
                          Http: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: h, ProtocolType: HTTP}}
                        """,
                        BASE);

        assertThatThrownBy(() -> def.httpApi("Rest"))
                .hasMessage("Rest is a REST API: read it with restApi(\"Rest\")");
        assertThatThrownBy(() -> def.restApi("Http"))
                .hasMessage("Http is an HTTP API: read it with httpApi(\"Http\")");
        assertThatThrownBy(() -> def.httpApi("Nope"))
                .hasMessage("the template has no HTTP API Nope; its HTTP APIs: [Http]");
    }

    @Test
    void importText_routeOfUnknownApi_failsNamingTheRoute() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        Lost: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: nope, RouteKey: GET /x}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.Lost.Properties.ApiId: no AWS::ApiGatewayV2::Api with the id"
                                + " nope in the template");
    }

    @Test
    void importText_unknownIntegrationType_failsNamingTheIntegration() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        Bad: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: LAMBDA, IntegrationUri: x}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith(
                        "Resources.Bad.Properties.IntegrationType: LAMBDA is not one of");
    }

    @Test
    void importText_restOnlyIntegrationType_failsNamingTheIntegration() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        Bad: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: MOCK}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith("Resources.Bad.Properties: integration ")
                .hasMessageContaining("integrationType MOCK is not supported by HTTP APIs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET  /x | must be $default or an HTTP method and a path",
                "FETCH /x | unknown method FETCH",
                "GET x | the path must start with /",
                "GET /{a+}/b | a greedy path variable must be the last segment"
            })
    void importText_routeKeyDoesNotParse_failsNamingTheRoute(String key, String reason) {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                "Bad: {Type: AWS::ApiGatewayV2::Route,"
                                                        + " Properties: {ApiId: !Ref Api,"
                                                        + " RouteKey: '"
                                                        + key
                                                        + "'}}\n"),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith("Resources.Bad.Properties.RouteKey: route key '" + key)
                .hasMessageContaining(reason);
    }

    @Test
    void importText_twoRoutesOfOneKey_failsNamingTheSecond() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        A: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: GET /x}}
                        B: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: GET /x}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.B.Properties.RouteKey: Route with key GET /x already exists"
                                + " for this API");
    }

    @Test
    void importText_targetOfUnknownIntegration_failsNamingTheRoute() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        A: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: GET /x, Target: integrations/abc}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.A.Properties.Target: Invalid integration identifier specified:"
                                + " abc");
    }

    @Test
    void importText_targetNotAnIntegration_fails() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        A: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: GET /x, Target: abc}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.A.Properties.Target: must be integrations/INTEGRATION_ID, was"
                                + " abc");
    }

    @Test
    void importText_jwtAuthorizerWithoutIssuer_failsNamingTheAuthorizer() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        J: {Type: AWS::ApiGatewayV2::Authorizer, Properties: {ApiId: !Ref Api, Name: j, AuthorizerType: JWT, IdentitySource: [$request.header.Authorization], JwtConfiguration: {Audience: [x]}}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith("Resources.J.Properties.JwtConfiguration.Issuer: ");
    }

    @Test
    void importText_twoStagesOfOneName_failsNamingTheSecond() {
        assertThatThrownBy(
                        () ->
                                load(
                                        template(
                                                """
                        S1: {Type: AWS::ApiGatewayV2::Stage, Properties: {ApiId: !Ref Api, StageName: prod}}
                        S2: {Type: AWS::ApiGatewayV2::Stage, Properties: {ApiId: !Ref Api, StageName: prod}}
                        """),
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage("Resources.S2.Properties.StageName: the stage prod already exists");
    }

    @Test
    void importText_apiWithoutNameOrBody_fails() {
        assertThatThrownBy(
                        () ->
                                load(
                                        "Resources: {A: {Type: AWS::ApiGatewayV2::Api,"
                                                + " Properties: {ProtocolType: HTTP}}}",
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.A.Properties.Name: is required when there is no Body or"
                                + " BodyS3Location");
    }

    @Test
    void importText_routeOfOtherApi_notAttached() {
        HttpApi api =
                load(
                                template(
                                        """
                        Other: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: o, ProtocolType: HTTP}}
                        R: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Other, RouteKey: GET /x}}
                        """),
                                BASE)
                        .httpApi("Api");

        assertThat(api.routes()).isEmpty();
        assertThat(List.copyOf(api.stages().keySet())).isEmpty();
    }
}
