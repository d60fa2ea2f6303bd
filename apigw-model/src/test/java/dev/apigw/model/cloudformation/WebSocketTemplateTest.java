package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.CloudFormationImporterTest.BASE;
import static dev.apigw.model.cloudformation.CloudFormationImporterTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.LoggingLevel;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketIntegrationResponse;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketRouteSettings;
import dev.apigw.model.WebSocketStage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code AWS::ApiGatewayV2::*} resources of WebSocket APIs into {@link
 * GatewayDefinition#webSocketApis()} (reference sections 5.4, 7.3, 8.3, 9.1): a chat template in
 * the manner of AWS's simple-websockets-chat-app, the other resources (authorizer, route and
 * integration responses, non-proxy integrations), the API still listed as not served, and errors
 * naming the resource.
 */
class WebSocketTemplateTest {
    private static final Path CHAT =
            Path.of("src/test/resources/cloudformation/websocket/chat-app.yaml");

    private static final String HEAD =
            """
            Resources:
              Chat:
                Type: AWS::ApiGatewayV2::Api
                Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
              Fn:
                Type: AWS::Lambda::Function
                Properties: {Runtime: java17, Handler: a.B, Code: x.jar}
              Integ:
                Type: AWS::ApiGatewayV2::Integration
                Properties: {ApiId: !Ref Chat, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn}
            """;

    private static WebSocketApi chat() {
        GatewayDefinition def = CloudFormationImporter.create(BASE).importFile(CHAT);
        return def.webSocketApi("ChatWebSocket");
    }

    @Test
    void importFile_chatApp_readsApiRoutesIntegrationsAndStage() {
        WebSocketApi api = chat();

        assertThat(api.name()).isEqualTo("ChatWebSocket");
        assertThat(api.description()).contains("Broadcasts each message to every connected client");
        assertThat(api.routeSelectionExpression().text()).isEqualTo("$request.body.action");
        assertThat(api.apiKeySelectionExpression()).isEqualTo(WebSocketApi.API_KEY_HEADER);
        assertThat(api.routes().keySet()).containsExactly("$connect", "$disconnect", "sendmessage");
        assertThat(api.integrations()).hasSize(3);
        assertThat(api.authorizers()).isEmpty();
        WebSocketRoute send = api.route("sendmessage").orElseThrow();
        assertThat(send.operationName()).contains("SendRoute");
        assertThat(send.authorizationType()).isEqualTo(AuthorizationType.NONE);
        assertThat(send.isTwoWay()).isFalse();
        WebSocketIntegration integration =
                api.integrations().get(send.integrationId().orElseThrow());
        assertThat(integration.integrationType()).isEqualTo(IntegrationType.AWS_PROXY);
        assertThat(integration.description()).contains("Broadcasts the message");
        assertThat(integration.timeoutInMillis()).isEqualTo(10_000);
        assertThat(integration.integrationUri().orElseThrow())
                .startsWith("arn:aws:apigateway:")
                .endsWith(":function:chat-send-message/invocations");
        WebSocketIntegration connect =
                api.integrations()
                        .get(api.route("$connect").orElseThrow().integrationId().orElseThrow());
        assertThat(connect.integrationUri().orElseThrow())
                .endsWith(":function:chat-on-connect/invocations");
        assertThat(connect.timeoutInMillis()).isEqualTo(29_000);
    }

    @Test
    void importFile_chatApp_readsStageSettingsAndVariables() {
        WebSocketStage stage = chat().stages().get("production");

        assertThat(stage.description()).contains("The chat's only stage");
        assertThat(stage.stageVariables()).containsExactly(Map.entry("table", "chat_connections"));
        assertThat(stage.defaultRouteSettings())
                .isEqualTo(new WebSocketRouteSettings(false, false, LoggingLevel.ERROR, 50, 100.0));
        assertThat(stage.settingsOf("sendmessage"))
                .isEqualTo(new WebSocketRouteSettings(true, true, LoggingLevel.ERROR, 10, 100.0));
    }

    @Test
    void importFile_chatApp_isReadAsAWebSocketApi() {
        GatewayDefinition def = CloudFormationImporter.create(BASE).importFile(CHAT);

        assertThat(def.webSocketApis()).containsOnlyKeys("ChatWebSocket");
        assertThat(def.restApis()).isEmpty();
        assertThat(def.httpApis()).isEmpty();
        assertThat(def.functions())
                .containsOnlyKeys(
                        "OnConnectFunction", "OnDisconnectFunction", "SendMessageFunction");
        assertThatThrownBy(() -> def.httpApi("ChatWebSocket"))
                .hasMessage(
                        "ChatWebSocket is a WebSocket API: read it with"
                                + " webSocketApi(\"ChatWebSocket\")");
        assertThat(def.toString()).contains("webSocketApis=[ChatWebSocket]");
    }

    @Test
    void webSocketApi_otherKindOrUnknownName_failsNamingIt() {
        GatewayDefinition def =
                load(
                        HEAD
                                + """
                                  Http: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: h, ProtocolType: HTTP}}
                                  Rest: {Type: AWS::ApiGateway::RestApi, Properties: {Name: r}}
                                """,
                        BASE);

        assertThatThrownBy(() -> def.webSocketApi("Http"))
                .hasMessage("Http is an HTTP API: read it with httpApi(\"Http\")");
        assertThatThrownBy(() -> def.webSocketApi("Rest"))
                .hasMessage("Rest is a REST API: read it with restApi(\"Rest\")");
        assertThatThrownBy(() -> def.webSocketApi("Nope"))
                .hasMessage("the template has no WebSocket API Nope; its WebSocket APIs: [Chat]");
    }

    @Test
    void importText_authorizerResponsesAndNonProxyIntegration_areRead() {
        WebSocketApi api =
                load(
                                HEAD
                                        + """
                                          Auth:
                                            Type: AWS::ApiGatewayV2::Authorizer
                                            Properties:
                                              ApiId: !Ref Chat
                                              Name: token-check
                                              AuthorizerType: REQUEST
                                              AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                                              IdentitySource: [route.request.querystring.token, route.request.header.Origin]
                                          Connect:
                                            Type: AWS::ApiGatewayV2::Route
                                            Properties:
                                              ApiId: !Ref Chat
                                              RouteKey: $connect
                                              AuthorizationType: CUSTOM
                                              AuthorizerId: !Ref Auth
                                              ApiKeyRequired: true
                                              RequestParameters:
                                                route.request.querystring.token: {Required: true}
                                              Target: !Join ['/', [integrations, !Ref Integ]]
                                          Echo:
                                            Type: AWS::ApiGatewayV2::Route
                                            Properties:
                                              ApiId: !Ref Chat
                                              RouteKey: echo
                                              RouteResponseSelectionExpression: $default
                                              ModelSelectionExpression: \\$default
                                              RequestModels: {$default: EchoModel}
                                              Target: !Sub integrations/${Mock}
                                          EchoResponse:
                                            Type: AWS::ApiGatewayV2::RouteResponse
                                            Properties: {ApiId: !Ref Chat, RouteId: !Ref Echo, RouteResponseKey: $default}
                                          Mock:
                                            Type: AWS::ApiGatewayV2::Integration
                                            Properties:
                                              ApiId: !Ref Chat
                                              IntegrationType: MOCK
                                              PassthroughBehavior: NEVER
                                              TemplateSelectionExpression: \\$default
                                              RequestTemplates: {$default: '{"statusCode": 200}'}
                                              IntegrationResponseSelectionExpression: ${integration.response.statuscode}
                                              RequestParameters: {integration.request.header.x: context.connectionId}
                                          MockOk:
                                            Type: AWS::ApiGatewayV2::IntegrationResponse
                                            Properties:
                                              ApiId: !Ref Chat
                                              IntegrationId: !Ref Mock
                                              IntegrationResponseKey: /2\\d\\d/
                                              ContentHandlingStrategy: CONVERT_TO_TEXT
                                              TemplateSelectionExpression: \\$default
                                              ResponseTemplates: {$default: '{"echo": "$context.connectionId"}'}
                                          EchoModel:
                                            Type: AWS::ApiGatewayV2::Model
                                            Properties: {ApiId: !Ref Chat, Name: EchoModel, Schema: {type: object}}
                                          Stage:
                                            Type: AWS::ApiGatewayV2::Stage
                                            Properties:
                                              ApiId: !Ref Chat
                                              StageName: dev
                                              AccessLogSettings: {DestinationArn: arn:aws:logs:us-east-1:1:log-group:g, Format: $context.requestId}
                                        """,
                                BASE)
                        .webSocketApi("Chat");

        WebSocketRoute connect = api.route("$connect").orElseThrow();
        assertThat(connect.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(connect.apiKeyRequired()).isTrue();
        assertThat(connect.requestParameters())
                .containsExactly(Map.entry("route.request.querystring.token", true));
        assertThat(api.authorizers().get(connect.authorizerId().orElseThrow()).identitySource())
                .containsExactly("route.request.querystring.token", "route.request.header.Origin");
        WebSocketRoute echo = api.route("echo").orElseThrow();
        assertThat(echo.isTwoWay()).isTrue();
        assertThat(echo.requestModels()).containsExactly(Map.entry("$default", "EchoModel"));
        assertThat(echo.modelSelectionExpression().orElseThrow().evaluate(v -> "x"))
                .isEqualTo("$default");
        WebSocketIntegration mock = api.integrations().get(echo.integrationId().orElseThrow());
        assertThat(mock.integrationType()).isEqualTo(IntegrationType.MOCK);
        assertThat(mock.passthroughBehavior()).isEqualTo(PassthroughBehavior.NEVER);
        assertThat(mock.requestTemplates()).containsOnlyKeys("$default");
        assertThat(mock.requestParameters())
                .containsExactly(Map.entry("integration.request.header.x", "context.connectionId"));
        assertThat(mock.integrationResponseSelectionExpression().orElseThrow().variables())
                .hasSize(1);
        WebSocketIntegrationResponse ok = mock.integrationResponses().get("/2\\d\\d/");
        assertThat(ok.isPattern()).isTrue();
        assertThat(ok.contentHandlingStrategy()).contains(ContentHandlingStrategy.CONVERT_TO_TEXT);
        assertThat(ok.responseTemplates()).containsOnlyKeys("$default");
        assertThat(api.stages().get("dev").accessLogSettings()).isPresent();
    }

    @Test
    void importText_apiWithoutRouteSelectionExpression_failsNamingIt() {
        assertThatThrownBy(
                        () ->
                                load(
                                        """
                                        Resources:
                                          Chat: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: chat, ProtocolType: WEBSOCKET}}
                                        """,
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.Chat.Properties.RouteSelectionExpression: is required for a"
                                + " WebSocket API");
    }

    @Test
    void importText_customRouteKeyStartingWithDollar_failsNamingTheRoute() {
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  Send:
                                                    Type: AWS::ApiGatewayV2::Route
                                                    Properties: {ApiId: !Ref Chat, RouteKey: $sendmessage}
                                                """,
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.Send.Properties: route $sendmessage: a custom route key must not"
                                + " start with $ (the predefined keys are $connect, $disconnect and"
                                + " $default)");
    }

    @Test
    void importText_authorizationOnAnotherRouteThanConnect_failsNamingTheRoute() {
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  Send:
                                                    Type: AWS::ApiGatewayV2::Route
                                                    Properties: {ApiId: !Ref Chat, RouteKey: sendmessage, AuthorizationType: AWS_IAM}
                                                """,
                                        BASE))
                .hasMessage(
                        "Resources.Send.Properties: route sendmessage: authorizationType AWS_IAM:"
                                + " authorization is only supported on the $connect route");
    }

    @Test
    void importText_routeTargetingAMissingIntegration_failsNamingTheRoute() {
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  Send:
                                                    Type: AWS::ApiGatewayV2::Route
                                                    Properties: {ApiId: !Ref Chat, RouteKey: sendmessage, Target: integrations/nope123}
                                                """,
                                        BASE))
                .hasMessage(
                        "Resources.Send.Properties.Target: Invalid integration identifier"
                                + " specified: nope123");
    }

    @Test
    void importText_otherResourceErrors_nameTheResource() {
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  A: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Chat, RouteKey: a}}
                                                  B: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Chat, RouteKey: a}}
                                                """,
                                        BASE))
                .hasMessage(
                        "Resources.B.Properties.RouteKey: Route with key a already exists for this"
                                + " API");
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  R: {Type: AWS::ApiGatewayV2::IntegrationResponse, Properties: {ApiId: !Ref Chat, IntegrationId: gone, IntegrationResponseKey: $default}}
                                                """,
                                        BASE))
                .hasMessage(
                        "Resources.R.Properties.IntegrationId: no integration gone in this API");
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  J:
                                                    Type: AWS::ApiGatewayV2::Authorizer
                                                    Properties: {ApiId: !Ref Chat, Name: j, AuthorizerType: JWT, IdentitySource: [route.request.header.Authorization]}
                                                """,
                                        BASE))
                .hasMessage(
                        "Resources.J.Properties.AuthorizerType: JWT: a WebSocket API takes only"
                                + " REQUEST (Lambda) authorizers");
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  S:
                                                    Type: AWS::ApiGatewayV2::Stage
                                                    Properties: {ApiId: !Ref Chat, StageName: dev, RouteSettings: {join: {ThrottlingBurstLimit: 1}}}
                                                """,
                                        BASE))
                .hasMessage(
                        "Resources.S.Properties.RouteSettings.join: Unable to find Route by key join"
                                + " within the provided RouteSettings");
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  S:
                                                    Type: AWS::ApiGatewayV2::Stage
                                                    Properties: {ApiId: !Ref Chat, StageName: $default}
                                                """,
                                        BASE))
                .hasMessageStartingWith("Resources.S.Properties: stage $default:");
        assertThatThrownBy(
                        () ->
                                load(
                                        HEAD
                                                + """
                                                  I2:
                                                    Type: AWS::ApiGatewayV2::Integration
                                                    Properties: {ApiId: !Ref Chat, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn, TimeoutInMillis: 30000}
                                                """,
                                        BASE))
                .hasMessageEndingWith("timeoutInMillis must be between 50 and 29000, was 30000");
    }
}
