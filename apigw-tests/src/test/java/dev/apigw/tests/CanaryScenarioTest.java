package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.cloudformation.CloudFormationImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.EchoEventHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Canary releases through {@link Api#handle} (reference 9.2): the share of requests the canary
 * serves, drawn from the account's seeded random source; the canary's deployment and stage variable
 * overrides; {@code $context.isCanaryRequest} (reference 1.2); promotion and removal; a canary read
 * from a CloudFormation template.
 */
class CanaryScenarioTest {
    private static final int REQUESTS = 10_000;

    /** An account limit the share tests never reach: they send 10,000 requests at once. */
    private static final ThrottleSettings UNTHROTTLED =
            new ThrottleSettings(Integer.MAX_VALUE, 1e9);

    /**
     * {@code GET /pets} answers {@code version@deploymentId@$stageVariables.color@tier@canary} (a
     * MOCK response template).
     */
    static RestApi petsApi(String version) {
        return RestApi.builder()
                .id("canary1234")
                .name("canary")
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"statusCode\": 200}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .putResponseTemplate(
                                                                                                                "application/json",
                                                                                                                version
                                                                                                                        + "@$context.deploymentId"
                                                                                                                        + "@$stageVariables.color"
                                                                                                                        + "@$stageVariables.tier"
                                                                                                                        + "@$context.isCanaryRequest")))))
                .build();
    }

    /** Returns {@code v1} deployed to {@code prod} with {@code v2} as its canary. */
    private static Api canaried(long seed, Consumer<CanarySettings.Builder> canary) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .gateway(
                        Gateway.builder()
                                .random(new SplittableRandom(seed))
                                .accountThrottle(UNTHROTTLED)
                                .build())
                .restApi(petsApi("v1"))
                .deploy("prod", s -> s.putVariable("color", "blue").putVariable("tier", "m"))
                .build()
                .toBuilder()
                .restApi(petsApi("v2"))
                .deployCanary("prod", canary)
                .build();
    }

    private static String get(Api api) {
        return api.handle(Request.of("GET", "/prod/pets")).bodyAsString();
    }

    private static String stageDeployment(Api api) {
        return api.stage("prod").orElseThrow().deploymentId().orElseThrow();
    }

    private static String canaryDeployment(Api api) {
        return api.stage("prod").orElseThrow().canarySettings().orElseThrow().deploymentId();
    }

    @ParameterizedTest(name = "{0}% with seed {1}")
    @CsvSource({
        "0.0, 1",
        "0.1, 2",
        "10.0, 3",
        "10.0, 4",
        "50.0, 5",
        "50.0, 6",
        "99.9, 7",
        "100.0, 8"
    })
    void handle_tenThousandRequests_canaryShareWithinTheBinomialBound(double percent, long seed) {
        Api api = canaried(seed, c -> c.percentTraffic(percent));

        int canary = 0;
        for (int i = 0; i < REQUESTS; i++) {
            if (get(api).startsWith("v2@")) {
                canary++;
            }
        }

        double p = percent / 100.0;
        double mean = REQUESTS * p;
        double bound = 4.5 * Math.sqrt(REQUESTS * p * (1 - p));
        if (percent == 0.0 || percent == 100.0) {
            assertThat(canary).isEqualTo((int) mean);
        } else {
            assertThat((double) canary).isBetween(mean - bound, mean + bound);
        }
    }

    @Test
    void handle_canaryRequest_seesItsDeploymentOverriddenVariablesAndIsCanaryTrue() {
        Api api =
                canaried(
                        11,
                        c ->
                                c.percentTraffic(100.0)
                                        .putStageVariableOverride("color", "green")
                                        .putStageVariableOverride("extra", "x"));

        assertThat(get(api)).isEqualTo("v2@" + canaryDeployment(api) + "@green@m@true");
    }

    @Test
    void handle_stageRequest_seesItsOwnDeploymentVariablesAndIsCanaryFalse() {
        Api api = canaried(12, c -> c.percentTraffic(0.0).putStageVariableOverride("color", "x"));

        assertThat(get(api)).isEqualTo("v1@" + stageDeployment(api) + "@blue@m@false");
    }

    @Test
    void handle_canaryWithoutOverrides_seesTheStageVariables() {
        Api api = canaried(13, c -> c.percentTraffic(100.0));

        assertThat(get(api)).isEqualTo("v2@" + canaryDeployment(api) + "@blue@m@true");
    }

    @Test
    void handle_stageWithoutCanary_isCanaryRequestIsUnsetAndNotAContextKey() {
        RestApi keys =
                petsApi("v1").toBuilder()
                        .resource(
                                "/keys",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "#foreach($k in $context.keySet())#if($k == 'isCanaryRequest')found#end#end")))))
                        .build();
        Api plain =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(keys)
                        .deploy("prod")
                        .build();
        Api canaried = plain.deployCanary("prod", c -> c.percentTraffic(50.0));

        assertThat(get(plain)).endsWith("@");
        assertThat(plain.handle(Request.of("GET", "/prod/keys")).bodyAsString()).isEmpty();
        assertThat(canaried.handle(Request.of("GET", "/prod/keys")).bodyAsString())
                .isEqualTo("found");
    }

    @Test
    void handle_lambdaProxyOnTheCanary_eventCarriesTheCanaryDeploymentAndVariables() {
        RestApi proxy = LambdaProxyScenarioTest.proxyApi("/pets", "GET", "echo", b -> {});
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                        .restApi(proxy)
                        .deploy("prod", s -> s.putVariable("color", "blue"))
                        .build()
                        .deployCanary(
                                "prod",
                                c ->
                                        c.percentTraffic(100.0)
                                                .putStageVariableOverride("color", "green"));

        JsonNode event = LambdaProxyScenarioTest.event(api.handle(Request.of("GET", "/prod/pets")));

        assertThat(event.get("stageVariables").toString()).isEqualTo("{\"color\":\"green\"}");
        assertThat(event.get("requestContext").get("deploymentId").asText())
                .isEqualTo(canaryDeployment(api));
        assertThat(event.get("requestContext").has("isCanaryRequest")).isFalse();
    }

    @Test
    void promoteCanary_canary_servesItsDeploymentToEveryoneWithMergedVariables() {
        Api api =
                canaried(
                        21, c -> c.percentTraffic(10.0).putStageVariableOverride("color", "green"));
        String canaryId = canaryDeployment(api);

        Api promoted = api.promoteCanary("prod");

        assertThat(promoted.stage("prod").orElseThrow().variables())
                .isEqualTo(Map.of("color", "green", "tier", "m"));
        assertThat(promoted.stage("prod").orElseThrow().canarySettings())
                .contains(new CanarySettings(0.0, canaryId, Map.of("color", "green"), false));
        for (int i = 0; i < 1_000; i++) {
            assertThat(get(promoted)).isEqualTo("v2@" + canaryId + "@green@m@false");
        }
    }

    @Test
    void promoteCanary_noCanary_failsWithAwsMessage() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("v1"))
                        .deploy("prod")
                        .build();

        assertThatThrownBy(() -> api.promoteCanary("prod"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Promotion not available. Canary does not exist.");
    }

    @Test
    void removeCanary_canary_everyRequestServedByTheStage() {
        Api api = canaried(31, c -> c.percentTraffic(50.0));

        Api removed = api.removeCanary("prod");

        assertThat(removed.stage("prod").orElseThrow().canarySettings()).isEmpty();
        for (int i = 0; i < 1_000; i++) {
            assertThat(get(removed)).isEqualTo("v1@" + stageDeployment(api) + "@blue@m@");
        }
    }

    @Test
    void deployCanary_noSuchStage_failsWithAwsMessage() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("v1"))
                        .deploy("prod")
                        .build();

        assertThatThrownBy(() -> api.deployCanary("beta", c -> c.percentTraffic(5.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid deployment content specified.Stage beta must already be created"
                                + " before making a canary release deployment");
    }

    @Test
    void build_canaryOfUnknownDeployment_failsWithAwsMessage() {
        Api.Builder builder =
                Api.builder().restApi(petsApi("v1")).deploy("prod").build().toBuilder()
                        .stage(
                                "prod",
                                s ->
                                        s.canarySettings(
                                                new CanarySettings(
                                                        10.0, "nope00", Map.of(), false)));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage prod canarySettings: Deployment id does not exist: nope00");
    }

    @Test
    void deployCanary_cognitoAuthorizerWithoutKeySet_failsNamingThePool() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("v1"))
                        .deploy("prod")
                        .build();
        Api.Builder withCognito =
                api.toBuilder()
                        .restApi(
                                r ->
                                        r.authorizer(
                                                Authorizer.builder()
                                                        .name("users")
                                                        .type(AuthorizerType.COGNITO_USER_POOLS)
                                                        .identitySource(
                                                                "method.request.header.Authorization")
                                                        .providerArns(
                                                                List.of(
                                                                        "arn:aws:cognito-idp:us-east-1:"
                                                                                + "123456789012:userpool/"
                                                                                + "us-east-1_AbCdEf123"))
                                                        .build()));

        assertThatThrownBy(() -> withCognito.deployCanary("prod", c -> {}).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer users")
                .hasMessageContaining("us-east-1_AbCdEf123");
    }

    private static final String TEMPLATE =
            """
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: canary}
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: GET
                  AuthorizationType: NONE
                  MethodResponses: [{StatusCode: 200}]
                  Integration:
                    Type: MOCK
                    RequestTemplates: {application/json: '{"statusCode": 200}'}
                    IntegrationResponses:
                      - StatusCode: 200
                        ResponseTemplates:
                          application/json: '$context.deploymentId@$stageVariables.color@$context.isCanaryRequest'
              First:
                Type: AWS::ApiGateway::Deployment
                DependsOn: Get
                Properties: {RestApiId: !Ref Api}
              Second:
                Type: AWS::ApiGateway::Deployment
                DependsOn: Get
                Properties: {RestApiId: !Ref Api}
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  DeploymentId: !Ref First
                  StageName: prod
                  Variables: {color: blue}
                  CanarySetting:
                    DeploymentId: !Ref Second
                    PercentTraffic: 100
                    StageVariableOverrides: {color: green}
              Beta:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  DeploymentId: !Ref First
                  StageName: beta
                  Variables: {color: blue}
              Third:
                Type: AWS::ApiGateway::Deployment
                DependsOn: Beta
                Properties:
                  RestApiId: !Ref Api
                  StageName: beta
                  DeploymentCanarySettings:
                    PercentTraffic: 100
                    StageVariableOverrides: {color: red}
            """;

    @Test
    void handle_templateStageCanarySetting_routesToTheCanary() {
        GatewayDefinition definition =
                CloudFormationImporter.create().importText(TEMPLATE, Path.of("."));
        String second = definition.restApi("Api").deployments().get("Second").id();

        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .definition(definition, "Api", "prod")
                        .build();

        assertThat(api.handle(Request.of("GET", "/prod"))).hasBody(second + "@green@true");
    }

    @Test
    void handle_templateDeploymentCanarySettings_routesToTheCanary() {
        GatewayDefinition definition =
                CloudFormationImporter.create().importText(TEMPLATE, Path.of("."));
        String third = definition.restApi("Api").deployments().get("Third").id();

        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .definition(definition, "Api")
                        .build();

        assertThat(api.handle(Request.of("GET", "/beta"))).hasBody(third + "@red@true");
    }
}
