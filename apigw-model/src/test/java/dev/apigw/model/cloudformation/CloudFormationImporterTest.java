package dev.apigw.model.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ApiKey;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.RestApi;
import dev.apigw.model.RestApiDefinition;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plain CloudFormation {@code AWS::ApiGateway::*} resources into a {@link GatewayDefinition}: the
 * resource tree, methods, stages and method settings (reference 9.1), usage plans and keys
 * (reference 8.2), functions, and errors naming the property path.
 */
class CloudFormationImporterTest {
    static final Path DIR = Path.of("/templates");

    private static final String TEMPLATE =
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Stage: {Type: String, Default: dev, AllowedValues: [dev, prod]}
              Greeting: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              OrdersApi:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: !Sub 'orders-${Stage}'
                  ApiKeySourceType: HEADER
                  BinaryMediaTypes: [image/png]
                  EndpointConfiguration: {Types: [REGIONAL]}
              Orders:
                Type: AWS::ApiGateway::Resource
                Properties:
                  RestApiId: !Ref OrdersApi
                  ParentId: !GetAtt OrdersApi.RootResourceId
                  PathPart: orders
              Order:
                Type: AWS::ApiGateway::Resource
                Properties:
                  RestApiId: !Ref OrdersApi
                  ParentId: !Ref Orders
                  PathPart: '{id}'
              Validator:
                Type: AWS::ApiGateway::RequestValidator
                Properties: {RestApiId: !Ref OrdersApi, Name: params, ValidateRequestParameters: true}
              GetOrder:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref OrdersApi
                  ResourceId: !Ref Order
                  HttpMethod: get
                  AuthorizationType: NONE
                  ApiKeyRequired: true
                  RequestValidatorId: !Ref Validator
                  RequestParameters: {method.request.path.id: true}
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrderFunction.Arn}/invocations'
              ListOrders:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref OrdersApi
                  ResourceId: !Ref Orders
                  HttpMethod: GET
                  AuthorizationType: AWS_IAM
                  Integration:
                    Type: MOCK
                    RequestTemplates: {application/json: '{"statusCode": 200}'}
                    IntegrationResponses:
                      - StatusCode: '200'
                        ResponseTemplates: {application/json: !Sub '{"greeting": "${Greeting}"}'}
                  MethodResponses:
                    - StatusCode: '200'
              NotFound:
                Type: AWS::ApiGateway::GatewayResponse
                Properties:
                  RestApiId: !Ref OrdersApi
                  ResponseType: MISSING_AUTHENTICATION_TOKEN
                  StatusCode: '404'
                  ResponseTemplates: {application/json: '{"message": "no such route"}'}
              Deployment:
                Type: AWS::ApiGateway::Deployment
                DependsOn: [GetOrder, ListOrders]
                Properties: {RestApiId: !Ref OrdersApi, Description: first}
              DevStage:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref OrdersApi
                  DeploymentId: !Ref Deployment
                  StageName: !Ref Stage
                  Variables: {backend: !If [IsProd, prod.example.com, dev.example.com]}
                  CacheClusterEnabled: true
                  CacheClusterSize: '0.5'
                  TracingEnabled: true
                  MethodSettings:
                    - {ResourcePath: '/*', HttpMethod: '*', ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5}
                    - {ResourcePath: '/~1orders~1{id}', HttpMethod: GET, CachingEnabled: true, CacheTtlInSeconds: 60}
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                DependsOn: DevStage
                Properties:
                  UsagePlanName: basic
                  ApiStages:
                    - ApiId: !Ref OrdersApi
                      Stage: !Ref DevStage
                      Throttle: {'/orders/GET': {BurstLimit: 2, RateLimit: 1}}
                  Throttle: {BurstLimit: 20, RateLimit: 10}
                  Quota: {Limit: 1000, Period: MONTH}
              GivenKey:
                Type: AWS::ApiGateway::ApiKey
                Properties: {Name: given, Value: abcdefghij0123456789, Enabled: true}
              GeneratedKey:
                Type: AWS::ApiGateway::ApiKey
                Properties: {Name: generated, Enabled: true}
              DisabledKey:
                Type: AWS::ApiGateway::ApiKey
                Properties: {Value: zyxwvutsrq9876543210}
              PlanKey:
                Type: AWS::ApiGateway::UsagePlanKey
                Properties: {KeyId: !Ref GivenKey, KeyType: API_KEY, UsagePlanId: !Ref Plan}
              PlanKey2:
                Type: AWS::ApiGateway::UsagePlanKey
                Properties: {KeyId: !Ref GeneratedKey, KeyType: API_KEY, UsagePlanId: !Ref Plan}
              Domain:
                Type: AWS::ApiGateway::DomainName
                Properties: {DomainName: api.example.com, EndpointConfiguration: {Types: [REGIONAL]}}
              Mapping:
                Type: AWS::ApiGateway::BasePathMapping
                Properties: {DomainName: !Ref Domain, BasePath: v1, RestApiId: !Ref OrdersApi, Stage: !Ref DevStage}
              OrderFunction:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
                  Runtime: java17
                  Handler: orders.Handler::handleRequest
                  Code: target/orders.jar
                  Timeout: 10
                  MemorySize: 512
                  Environment: {Variables: {TABLE: orders}}
              ProdOnly:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties: {Runtime: java17, Handler: x.Y, Code: x.jar}
              HttpApi:
                Type: AWS::ApiGatewayV2::Api
                Properties: {Name: http, ProtocolType: HTTP}
            """;

    static final TemplateOptions BASE =
            TemplateOptions.builder()
                    .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                    .build();

    private static final TemplateOptions OPTIONS = BASE.copy(o -> o.parameter("Greeting", "hello"));

    static GatewayDefinition load(String template, TemplateOptions options) {
        return CloudFormationImporter.create(options).importText(template, DIR);
    }

    @Test
    void importText_restApiResources_buildTheResourceTreeAndMethods() {
        RestApiDefinition def = load(TEMPLATE, OPTIONS).restApi("OrdersApi");
        RestApi api = def.restApi();

        assertThat(api.name()).isEqualTo("orders-dev");
        assertThat(api.binaryMediaTypes()).containsExactly("image/png");
        assertThat(api.resources()).containsKeys("/", "/orders", "/orders/{id}");
        Method get = api.resource("/orders/{id}").orElseThrow().method("GET").orElseThrow();
        assertThat(get.apiKeyRequired()).isTrue();
        assertThat(get.requestParameters()).containsEntry("method.request.path.id", true);
        assertThat(api.requestValidators().get(get.requestValidatorId().orElseThrow()).name())
                .isEqualTo("params");
        assertThat(get.integration().orElseThrow().uri())
                .contains(
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                + "arn:aws:lambda:us-east-1:123456789012:function:stack-orders"
                                + "/invocations");
        Method list = api.resource("/orders").orElseThrow().method("GET").orElseThrow();
        assertThat(list.authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(list.integration().orElseThrow().type()).isEqualTo(IntegrationType.MOCK);
        assertThat(
                        list.integration()
                                .orElseThrow()
                                .integrationResponses()
                                .get("200")
                                .responseTemplates())
                .containsEntry("application/json", "{\"greeting\": \"hello\"}");
        assertThat(api.gatewayResponses().get(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN))
                .satisfies(r -> assertThat(r.statusCode()).hasValue(404));
    }

    @Test
    void importText_stage_carriesVariablesSettingsAndItsDeployment() {
        RestApiDefinition def = load(TEMPLATE, OPTIONS).restApi("OrdersApi");

        assertThat(def.deployments()).containsOnlyKeys("Deployment");
        assertThat(def.deployments().get("Deployment").createdDate())
                .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        Stage stage = def.stage("dev").orElseThrow();
        assertThat(stage.deploymentId()).hasValue(def.deployments().get("Deployment").id());
        assertThat(stage.variables()).containsEntry("backend", "dev.example.com");
        assertThat(stage.cacheClusterEnabled()).isTrue();
        assertThat(stage.cacheClusterSize()).hasValue("0.5");
        assertThat(stage.tracingEnabled()).isTrue();
        assertThat(stage.methodSettings()).containsOnlyKeys("*/*", "orders/{id}/GET");
        assertThat(stage.methodSettings().get("*/*").throttle().burstLimit()).isEqualTo(10);
        assertThat(stage.methodSettings().get("orders/{id}/GET").cacheTtlInSeconds()).isEqualTo(60);
    }

    @Test
    void importText_parameterValue_choosesTheConditionalBranchesAndResources() {
        GatewayDefinition def = load(TEMPLATE, OPTIONS.copy(o -> o.parameter("Stage", "prod")));

        assertThat(def.restApi("OrdersApi").stage("prod").orElseThrow().variables())
                .containsEntry("backend", "prod.example.com");
        assertThat(def.functions()).containsOnlyKeys("OrderFunction", "ProdOnly");
        assertThat(load(TEMPLATE, OPTIONS).functions()).containsOnlyKeys("OrderFunction");
    }

    @Test
    void importText_usagePlan_holdsItsStagesLimitsAndKeys() {
        GatewayDefinition def = load(TEMPLATE, OPTIONS);
        String apiId = def.restApi("OrdersApi").restApi().id();

        UsagePlan plan = def.usagePlans().get("Plan");
        assertThat(plan.name()).isEqualTo("basic");
        assertThat(plan.covers(apiId, "dev")).isTrue();
        assertThat(plan.apiStages().get(0).throttle().get("/orders/GET").burstLimit()).isEqualTo(2);
        assertThat(plan.throttle().orElseThrow().rateLimit()).isEqualTo(10.0);
        assertThat(plan.quota().orElseThrow().period()).isEqualTo(QuotaPeriodType.MONTH);
        assertThat(plan.apiKeyIds())
                .containsExactlyInAnyOrder(
                        def.apiKeys().get("GivenKey").id(), def.apiKeys().get("GeneratedKey").id());
    }

    @Test
    void importText_apiKeys_generatedWithoutValueAndDisabledByDefault() {
        GatewayDefinition def = load(TEMPLATE, OPTIONS);

        ApiKey given = def.apiKeys().get("GivenKey");
        assertThat(given.value()).isEqualTo("abcdefghij0123456789");
        assertThat(def.isGenerated("GivenKey")).isFalse();
        ApiKey generated = def.apiKeys().get("GeneratedKey");
        assertThat(generated.value()).matches("[A-Za-z0-9]{40}");
        assertThat(def.isGenerated("GeneratedKey")).isTrue();
        assertThat(def.apiKeys().get("DisabledKey").enabled()).isFalse();
        assertThat(load(TEMPLATE, OPTIONS).apiKeys().get("GeneratedKey").value())
                .isNotEqualTo(generated.value());
    }

    @Test
    void importText_domainAndFunctions_readWithTheirReferences() {
        GatewayDefinition def = load(TEMPLATE, OPTIONS);

        assertThat(def.domainNames().get("Domain").domainName()).isEqualTo("api.example.com");
        assertThat(def.basePathMappings().get("Mapping").basePath()).isEqualTo("v1");
        assertThat(def.basePathMappings().get("Mapping").stage()).isEqualTo("dev");
        assertThat(def.basePathMappings().get("Mapping").restApiId())
                .isEqualTo(def.restApi("OrdersApi").restApi().id());
        FunctionConfiguration f = def.functions().get("OrderFunction");
        assertThat(f.functionName()).isEqualTo("stack-orders");
        assertThat(f.isJava()).isTrue();
        assertThat(f.handler()).isEqualTo("orders.Handler::handleRequest");
        assertThat(f.codeUri()).hasValue(DIR.resolve("target/orders.jar"));
        assertThat(f.samBuildDirectory()).hasValue(DIR.resolve(".aws-sam/build/OrderFunction"));
        assertThat(f.timeout()).isEqualTo(10);
        assertThat(f.memorySize()).isEqualTo(512);
        assertThat(f.environment()).containsEntry("TABLE", "orders");
    }

    @Test
    void importText_httpApi_inHttpApisNotRestApis() {
        GatewayDefinition def = load(TEMPLATE, OPTIONS);

        assertThat(def.httpApis()).containsOnlyKeys("HttpApi");
        assertThat(def.webSocketApis()).isEmpty();
        assertThatThrownBy(() -> def.restApi("HttpApi"))
                .hasMessage("HttpApi is an HTTP API: read it with httpApi(\"HttpApi\")");
        assertThatThrownBy(() -> def.restApi("Nope"))
                .hasMessage("the template has no REST API Nope; its REST APIs: [OrdersApi]");
    }

    @Test
    void importText_sameTemplateTwice_givesTheSameIds() {
        assertThat(load(TEMPLATE, OPTIONS).restApi("OrdersApi").restApi())
                .isEqualTo(load(TEMPLATE, OPTIONS).restApi("OrdersApi").restApi());
    }

    @Test
    void importText_missingParameterValue_failsNamingTheParameter() {
        assertThatThrownBy(() -> load(TEMPLATE, TemplateOptions.defaults()))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Parameters.Greeting: no value and no Default"
                                + " (give one: --parameter Greeting=VALUE)");
    }

    @Test
    void importText_valueNotAllowed_failsNamingTheParameter() {
        assertThatThrownBy(() -> load(TEMPLATE, OPTIONS.copy(o -> o.parameter("Stage", "qa"))))
                .hasMessage("Parameters.Stage: value qa is not one of [\"dev\",\"prod\"]");
    }

    @Test
    void importText_unknownParameterGiven_fails() {
        assertThatThrownBy(() -> load(TEMPLATE, OPTIONS.copy(o -> o.parameter("Nope", "x"))))
                .hasMessage("Parameters: the template declares no parameter Nope");
    }

    @Test
    void importText_badPropertyValue_failsNamingThePropertyPath() {
        String bad = TEMPLATE.replace("ThrottlingBurstLimit: 10", "ThrottlingBurstLimit: many");

        assertThatThrownBy(() -> load(bad, OPTIONS))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.DevStage.Properties.MethodSettings[0].ThrottlingBurstLimit:"
                                + " expected an integer, found many");
    }

    /** Quota and throttle values AWS refuses (reference 8.2, 9.4) fail naming the property. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Quota: {Limit: 1000, Period: YEAR}|Resources.Plan.Properties.Quota.Period:"
                        + " YEAR is not one of [DAY, WEEK, MONTH]",
                "Quota: {Limit: lots, Period: MONTH}|Resources.Plan.Properties.Quota.Limit:"
                        + " expected an integer, found lots",
                "Quota: {Limit: -5, Period: MONTH}|Resources.Plan.Properties.Quota.Limit:"
                        + " must be at least 0, found -5",
                "Quota: {Limit: 5, Offset: -1, Period: MONTH}|Resources.Plan.Properties.Quota"
                        + ".Offset: must be at least 0, found -1",
                "Quota: {Limit: 5, Offset: 5, Period: MONTH}|Resources.Plan.Properties.Quota"
                        + ".Offset: quota offset 5 must be below the limit 5",
                "Quota: {Limit: 5, Offset: 1, Period: DAY}|Resources.Plan.Properties.Quota"
                        + ".Offset: Usage Plan quota offset must be zero in the DAY period",
                "Throttle: {BurstLimit: -20, RateLimit: 10}|Resources.Plan.Properties.Throttle"
                        + ".BurstLimit: must be at least 0, found -20",
                "Throttle: {BurstLimit: 20, RateLimit: fast}|Resources.Plan.Properties.Throttle"
                        + ".RateLimit: expected a number, found fast",
                "Throttle: {BurstLimit: 20, RateLimit: -1}|Resources.Plan.Properties.Throttle"
                        + ".RateLimit: must be a number of at least 0, found -1.0"
            })
    void importText_badQuotaOrThrottle_failsNamingTheProperty(String replacement, String message) {
        String property = replacement.substring(0, replacement.indexOf(':'));
        String original =
                property.equals("Quota")
                        ? "Quota: {Limit: 1000, Period: MONTH}"
                        : "Throttle: {BurstLimit: 20, RateLimit: 10}";
        String bad = TEMPLATE.replace(original, replacement);

        assertThatThrownBy(() -> load(bad, OPTIONS))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void importText_negativeMethodThrottle_failsNamingTheProperty() {
        String bad =
                TEMPLATE.replace(
                        "'/orders/GET': {BurstLimit: 2, RateLimit: 1}",
                        "'/orders/GET': {BurstLimit: 2, RateLimit: -3}");

        assertThatThrownBy(() -> load(bad, OPTIONS))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith(
                        "Resources.Plan.Properties.ApiStages[0].Throttle./orders/GET.RateLimit:");
    }

    @Test
    void importText_cacheTtlOver3600_failsNamingTheMethodSetting() {
        String bad = TEMPLATE.replace("CacheTtlInSeconds: 60", "CacheTtlInSeconds: 3601");

        assertThatThrownBy(() -> load(bad, OPTIONS))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.DevStage.Properties.MethodSettings[1]:"
                                + " cacheTtlInSeconds must be between 0 and 3600, was 3601");
    }

    @Test
    void importText_unknownCacheClusterSize_failsNamingTheStage() {
        String bad = TEMPLATE.replace("CacheClusterSize: '0.5'", "CacheClusterSize: '2'");

        assertThatThrownBy(() -> load(bad, OPTIONS))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessage(
                        "Resources.DevStage.Properties: stage dev: cacheClusterSize '2' must be"
                                + " one of [0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237]");
    }

    @Test
    void importText_unknownRef_failsNamingTheName() {
        String bad = TEMPLATE.replace("ParentId: !Ref Orders", "ParentId: !Ref Ordrs");

        assertThatThrownBy(() -> load(bad, OPTIONS))
                .hasMessage(
                        "Ref Ordrs: not a parameter, a pseudo-parameter or a resource of the"
                                + " template");
    }

    @Test
    void importText_bodyError_namesThePathInsideTheBody() {
        String template =
                """
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Body:
                        openapi: 3.0.1
                        info: {title: t, version: '1'}
                        paths:
                          /a:
                            get:
                              x-amazon-apigateway-integration: {type: bogus}
                """;

        assertThatThrownBy(() -> load(template, BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith(
                        "Resources.Api.Properties.Body.paths./a.get.x-amazon-apigateway-integration");
    }

    @Test
    void importText_bodyWithSubstitutions_resolvesTheTemplatesIntrinsicsFirst() {
        String template =
                """
                Parameters:
                  Title: {Type: String, Default: from-param}
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Body:
                        openapi: 3.0.1
                        info: {title: !Ref Title, version: '1'}
                        paths:
                          /a:
                            get:
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: {Runtime: java21, Handler: a.B, Code: build/fn.zip}
                """;

        RestApi api = load(template, BASE).restApi("Api").restApi();

        assertThat(api.name()).isEqualTo("from-param");
        assertThat(
                        api.resource("/a")
                                .orElseThrow()
                                .method("GET")
                                .orElseThrow()
                                .integration()
                                .orElseThrow()
                                .uri())
                .contains(
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                + "arn:aws:lambda:us-east-1:123456789012:function:Fn/invocations");
    }

    @Test
    void importText_deploymentStageName_createsTheStageWithItsDescription() {
        String template =
                """
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties: {Name: a}
                  Any:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !GetAtt Api.RootResourceId
                      HttpMethod: ANY
                      AuthorizationType: NONE
                      Integration: {Type: MOCK}
                  Deployment:
                    Type: AWS::ApiGateway::Deployment
                    DependsOn: Any
                    Properties:
                      RestApiId: !Ref Api
                      StageName: v1
                      StageDescription:
                        Variables: {a: b}
                        ThrottlingRateLimit: 3
                        MethodSettings: [{ResourcePath: /, HttpMethod: ANY, MetricsEnabled: true}]
                """;

        RestApiDefinition def = load(template, BASE).restApi("Api");

        assertThat(def.stages()).containsOnlyKeys("Deployment.Stage");
        Stage stage = def.stage("v1").orElseThrow();
        assertThat(stage.variables()).containsEntry("a", "b");
        assertThat(stage.methodSettings().get("*/*").throttle().rateLimit()).isEqualTo(3.0);
        assertThat(stage.methodSettings().get("/ANY").metricsEnabled()).isTrue();
        assertThat(def.restApi().resource("/").orElseThrow().method("ANY")).isPresent();
    }

    private static final String CANARY_TEMPLATE =
            """
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: a}
              Any:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: ANY
                  AuthorizationType: NONE
                  Integration: {Type: MOCK}
              First:
                Type: AWS::ApiGateway::Deployment
                DependsOn: Any
                Properties: {RestApiId: !Ref Api}
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  DeploymentId: !Ref First
                  StageName: %s
                  Variables: {color: blue, size: m}
              Canary:
                Type: AWS::ApiGateway::Deployment
                DependsOn: Prod
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
                  DeploymentCanarySettings:
                    PercentTraffic: 12.5
                    StageVariableOverrides: {color: green}
                    UseStageCache: true
            """;

    @Test
    void importText_deploymentCanarySettings_becomesTheStagesCanary() {
        RestApiDefinition def = load(CANARY_TEMPLATE.formatted("prod"), BASE).restApi("Api");

        assertThat(def.stages()).containsOnlyKeys("Prod");
        Stage stage = def.stage("prod").orElseThrow();
        assertThat(stage.deploymentId()).contains(def.deployments().get("First").id());
        CanarySettings canary = stage.canarySettings().orElseThrow();
        assertThat(canary.deploymentId()).isEqualTo(def.deployments().get("Canary").id());
        assertThat(canary.percentTraffic()).isEqualTo(12.5);
        assertThat(canary.stageVariableOverrides()).containsExactly(Map.entry("color", "green"));
        assertThat(canary.useStageCache()).isTrue();
    }

    @Test
    void importText_deploymentCanarySettingsWithoutTheStage_failsWithAwsMessage() {
        assertThatThrownBy(() -> load(CANARY_TEMPLATE.formatted("dev"), BASE))
                .hasMessage(
                        "Resources.Canary.Properties.StageName: Invalid deployment content"
                                + " specified.Stage prod must already be created before making a"
                                + " canary release deployment");
    }

    @Test
    void importText_twoStagesOfOneName_fail() {
        String template =
                """
                Resources:
                  Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: a}}
                  D: {Type: AWS::ApiGateway::Deployment, Properties: {RestApiId: !Ref Api, StageName: dev}}
                  S: {Type: AWS::ApiGateway::Stage, Properties: {RestApiId: !Ref Api, DeploymentId: !Ref D, StageName: dev}}
                """;

        assertThatThrownBy(() -> load(template, BASE))
                .hasMessage(
                        "Resources.S.Properties.StageName: the stage dev already exists (made by"
                                + " D.Stage)");
    }

    @Test
    void importText_notATemplate_failsClearly() {
        assertThatThrownBy(() -> load("- a\n- b\n", BASE))
                .hasMessage("a template must be a JSON or YAML map");
        assertThatThrownBy(() -> load("Parameters: {}\n", BASE))
                .hasMessage("Resources: a template must declare at least one resource");
    }
}
