package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.AuthorizerApis.clock;
import static dev.apigw.tests.AuthorizerApis.restApi;
import static dev.apigw.tests.AuthorizerApis.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.MethodSetting;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import dev.apigw.tests.lambda.TokenPolicyHandler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link Api#deploy}, {@link Api#rollback} and the canary operations return a new {@code Api} that
 * shares the account and the API's caches, so that state survives a redeploy as on AWS (reference
 * 9.1, 9.2, 9.4): a spent throttle burst stays spent, a cached authorizer answer keeps serving.
 */
class RedeployScenarioTest {
    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-05-06T07:00:00Z"));

    private Api throttled() {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .gateway(Gateway.builder().clock(clock).build())
                .restApi(CanaryScenarioTest.petsApi("v1"))
                .deploy(
                        "prod",
                        s ->
                                s.putMethodSetting(
                                        "*/*",
                                        MethodSetting.builder()
                                                .throttlingBurstLimit(2)
                                                .throttlingRateLimit(1)
                                                .build()))
                .build();
    }

    private static int status(Api api) {
        return api.handle(Request.of("GET", "/prod/pets")).statusCode();
    }

    @Test
    void deploy_burstSpentBefore_staysSpentAfter() {
        Api before = throttled();
        assertThat(status(before)).isEqualTo(200);
        assertThat(status(before)).isEqualTo(200);

        Api after = before.toBuilder().restApi(CanaryScenarioTest.petsApi("v2")).build();
        Api redeployed = after.deploy("prod");

        assertThat(redeployed.gateway()).isSameAs(before.gateway());
        assertThat(redeployed.handle(Request.of("GET", "/prod/pets")))
                .isGatewayResponse(GatewayResponseType.THROTTLED)
                .hasStatus(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(redeployed.handle(Request.of("GET", "/prod/pets")).bodyAsString())
                .startsWith("v2@");
        assertThat(status(redeployed)).isEqualTo(429);
        assertThat(status(before)).isEqualTo(429); // the old Api shares the bucket
    }

    @Test
    void rollback_burstSpentBefore_staysSpentAfter() {
        Api v1 = throttled();
        String first = v1.stage("prod").orElseThrow().deploymentId().orElseThrow();
        Api v2 = v1.toBuilder().restApi(CanaryScenarioTest.petsApi("v2")).build().deploy("prod");
        assertThat(status(v2)).isEqualTo(200);
        assertThat(status(v2)).isEqualTo(200);

        Api rolledBack = v2.rollback("prod", first);

        assertThat(status(rolledBack)).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rolledBack.handle(Request.of("GET", "/prod/pets")).bodyAsString())
                .startsWith("v1@" + first + "@");
    }

    @Test
    void deployCanaryAndPromote_burstSpentBefore_staysSpentAfter() {
        Api api = throttled();
        assertThat(status(api)).isEqualTo(200);
        assertThat(status(api)).isEqualTo(200);

        Api canaried = api.deployCanary("prod", c -> c.percentTraffic(100.0));
        Api promoted = canaried.promoteCanary("prod");
        Api removed = promoted.removeCanary("prod");

        assertThat(status(canaried)).isEqualTo(429);
        assertThat(status(promoted)).isEqualTo(429);
        assertThat(status(removed)).isEqualTo(429);
    }

    @Test
    void rollback_unknownDeployment_failsNamingIt() {
        assertThatThrownBy(() -> throttled().rollback("prod", "nope00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage prod: Deployment id does not exist: nope00");
    }

    private static Request call(String token) {
        return Request.builder()
                .httpMethod("GET")
                .target("/live/pets")
                .header("Authorization", token)
                .build();
    }

    @Test
    void deployAndRollback_cachedAuthorizerAnswer_keepsServing() {
        TokenPolicyHandler handler = new TokenPolicyHandler();
        ManualClock authClock = clock();
        Api v1 = AuthorizerApis.api(restApi(token().build(), b -> {}), handler, authClock);
        String first = v1.stage("live").orElseThrow().deploymentId().orElseThrow();
        assertThat(v1.handle(call("allow"))).hasStatus(200);

        Api v2 = v1.deploy("live");
        assertThat(v2.handle(call("allow"))).hasStatus(200);
        Api back = v2.rollback("live", first);
        assertThat(back.handle(call("allow"))).hasStatus(200);
        Api canary = back.deployCanary("live", c -> c.percentTraffic(100.0));
        assertThat(canary.handle(call("allow"))).hasStatus(200);

        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void flushStageAuthorizersCache_ofARedeployedApi_flushesTheSharedCacheAndTheCanarys() {
        TokenPolicyHandler handler = new TokenPolicyHandler();
        Api v1 = AuthorizerApis.api(restApi(token().build(), b -> {}), handler, clock());
        Api canary = v1.deployCanary("live", c -> c.percentTraffic(100.0));
        canary.handle(call("allow"));

        canary.flushStageAuthorizersCache("live");
        v1.handle(call("allow"));
        canary.handle(call("allow"));

        assertThat(handler.calls()).isEqualTo(2);
    }
}
