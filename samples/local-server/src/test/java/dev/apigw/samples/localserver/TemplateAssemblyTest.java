package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.HttpApi;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --template} serves and says at start. Which stage without {@code --stage}: An {@code
 * AWS::Serverless::Api} without {@code OpenApiVersion} has two stages on AWS, its {@code StageName}
 * and the stage {@code Stage} that SAM's deployment adds for backwards compatibility (the SAM
 * specification of {@code OpenApiVersion}; reference 9.1): the declared one is served, and a line
 * says how to reach the other. The template's usage plans of the served stage need no warning:
 * their quota (reference 8.2) and throttle (reference 9.4) are enforced.
 */
class TemplateAssemblyTest {
    private static final String MOCK_BODY =
            """
                  DefinitionBody:
                    swagger: '2.0'
                    info: {title: orders, version: '1'}
                    paths:
                      /orders:
                        get:
                          x-amazon-apigateway-integration:
                            type: mock
                            requestTemplates: {application/json: '{"statusCode": 200}'}
                            responses: {default: {statusCode: '200'}}
                          responses: {'200': {description: ok}}
            """;

    @TempDir Path dir;

    @Test
    void template_samApiWithoutOpenApiVersion_servesItsStageName() throws Exception {
        ApiAssembly assembly = build(samApi("prod", ""), List.of());
        try {
            assertThat(assembly.stage()).isEqualTo("prod");
            assertThat(assembly.warnings().lines())
                    .anySatisfy(
                            l ->
                                    assertThat(l)
                                            .contains("OrdersApi")
                                            .contains("'Stage'")
                                            .contains("--stage Stage"));
        } finally {
            assembly.resources().close();
        }
    }

    @Test
    void template_samStageChosen_servesIt() throws Exception {
        ApiAssembly assembly = build(samApi("prod", ""), List.of("--stage", "Stage"));
        try {
            assertThat(assembly.stage()).isEqualTo("Stage");
        } finally {
            assembly.resources().close();
        }
    }

    @Test
    void template_samApiWithOpenApiVersion_servesItsOnlyStage() throws Exception {
        ApiAssembly assembly = build(samApi("prod", "      OpenApiVersion: '2.0'\n"), List.of());
        try {
            assertThat(assembly.stage()).isEqualTo("prod");
            assertThat(assembly.warnings().lines()).noneMatch(l -> l.contains("'Stage'"));
        } finally {
            assembly.resources().close();
        }
    }

    @Test
    void template_deploymentStageAndStageResource_asksForOne() throws Exception {
        String template =
                """
                Resources:
                  OrdersApi:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: orders
                  Ping:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref OrdersApi
                      ResourceId: !GetAtt OrdersApi.RootResourceId
                      HttpMethod: GET
                      AuthorizationType: NONE
                      Integration: {Type: MOCK}
                  Deployment:
                    Type: AWS::ApiGateway::Deployment
                    DependsOn: Ping
                    Properties:
                      RestApiId: !Ref OrdersApi
                      StageName: dev
                  ProdStage:
                    Type: AWS::ApiGateway::Stage
                    Properties:
                      RestApiId: !Ref OrdersApi
                      DeploymentId: !Ref Deployment
                      StageName: prod
                """;
        assertThatThrownBy(() -> build(template, List.of()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("dev, prod")
                .hasMessageContaining("choose one with --stage");
    }

    @Test
    void template_samUsagePlanWithThrottleAndQuota_warnsOfNeither() throws Exception {
        String auth =
                """
                      Auth:
                        ApiKeyRequired: true
                        UsagePlan:
                          CreateUsagePlan: PER_API
                          Quota: {Limit: 100, Period: DAY}
                          Throttle: {RateLimit: 5, BurstLimit: 2}
                """;
        ApiAssembly assembly = build(samApi("prod", auth), List.of());
        try {
            assertThat(assembly.warnings().lines())
                    .noneMatch(line -> line.contains("throttle") || line.contains("quota"));
        } finally {
            assembly.resources().close();
        }
    }

    @Test
    void template_apiWithoutStage_servedOnTheGivenStageWithItsVariables() throws Exception {
        String template =
                """
                Resources:
                  Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: bare}}
                  Get:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !GetAtt Api.RootResourceId
                      HttpMethod: GET
                      AuthorizationType: NONE
                      Integration:
                        Type: MOCK
                        RequestTemplates: {application/json: '{"statusCode": 200}'}
                        IntegrationResponses:
                          - StatusCode: '200'
                            ResponseTemplates: {application/json: '$stageVariables.v'}
                      MethodResponses: [{StatusCode: '200'}]
                """;
        ApiAssembly assembly =
                build(template, List.of("--stage", "local", "--stage-var", "v=given"));
        try {
            assertThat(assembly.stage()).isEqualTo("local");
            assertThat(assembly.warnings().lines())
                    .contains("Api has no stage in the template: serving it on local");
            assertThat(assembly.api().handle(Request.of("GET", "/local/")).bodyAsString())
                    .isEqualTo("given");
        } finally {
            assembly.resources().close();
        }
    }

    @Test
    void template_httpApi_servedOnItsStage() throws Exception {
        String template =
                """
                Resources:
                  Http: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: h, ProtocolType: HTTP}}
                  Pets:
                    Type: AWS::ApiGatewayV2::Route
                    Properties: {ApiId: !Ref Http, RouteKey: GET /pets}
                  Live:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties: {ApiId: !Ref Http, StageName: live}
                """;

        ApiAssembly assembly = build(template, List.of("--api", "Http"));

        assertThat(assembly.stage()).isEqualTo("live");
        assertThat(assembly.api().httpApi()).map(HttpApi::name).contains("h");
        Response response = assembly.api().handle(Request.get("/live/pets"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().first("apigw-requestid")).isPresent();
    }

    @Test
    void template_onlyAWebSocketApi_isLeftToTheWebSocketEndpoint() {
        String template =
                """
                Resources:
                  Ws: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: w, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}}
                """;

        assertThatThrownBy(() -> build(template, List.of()))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("Ws is a WebSocket API: the server serves it on ws://");
    }

    private static String samApi(String stageName, String extra) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrdersApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: %s
                %s%s"""
                .formatted(stageName, extra, MOCK_BODY);
    }

    private ApiAssembly build(String template, List<String> flags) throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        List<String> args = new ArrayList<>(List.of("--template", file.toString()));
        args.addAll(flags);
        return ApiAssembly.build(
                ServerOptions.parse(args), "http://127.0.0.1:1", null, Gateway::create);
    }
}
