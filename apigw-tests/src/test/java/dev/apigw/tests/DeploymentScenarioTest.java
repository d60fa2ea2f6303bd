package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deployments and stages through {@link Api#handle} (reference 9.1): a stage serves a frozen
 * snapshot, a change is served only once deployed, rollback repoints a stage, stage variables
 * change without redeploying.
 */
class DeploymentScenarioTest {
    /** {@code GET /pets} answers {@code body} (a MOCK response template) and the deployment id. */
    private static RestApi petsApi(String body) {
        return RestApi.builder()
                .name("deployments")
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
                                                                                                                body
                                                                                                                        + "@$context.deploymentId@$stageVariables.v")))))
                .build();
    }

    private static String get(Api api, String path) {
        return api.handle(Request.of("GET", path)).bodyAsString();
    }

    private static String deploymentId(Api api, String stage) {
        return api.stage(stage).orElseThrow().deploymentId().orElseThrow();
    }

    @Test
    void handle_twoStagesOnTwoDeployments_serveTheirOwnDefinitions() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("first"))
                        .deploy("blue")
                        .restApi(petsApi("second"))
                        .deploy("green")
                        .build();

        assertThat(get(api, "/blue/pets")).startsWith("first@");
        assertThat(get(api, "/green/pets")).startsWith("second@");
        assertThat(deploymentId(api, "blue")).isNotEqualTo(deploymentId(api, "green"));
    }

    @Test
    void handle_changedDefinitionNotDeployed_isNotServed() {
        Api deployed =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("old"))
                        .deploy("dev")
                        .build();

        Api changed =
                deployed.toBuilder()
                        .restApi(
                                petsApi("new").toBuilder()
                                        .resource(
                                                "/cats",
                                                r ->
                                                        r.method(
                                                                "GET",
                                                                m ->
                                                                        m.integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK))))
                                        .build())
                        .build();

        assertThat(get(changed, "/dev/pets")).startsWith("old@");
        assertThat(changed.handle(Request.of("GET", "/dev/cats"))).hasStatus(403);
        assertThat(changed.restApi().resource("/cats")).isPresent();
    }

    @Test
    void handle_changedDefinitionDeployed_isServed() {
        Api deployed =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("old"))
                        .deploy("dev")
                        .build();

        Api redeployed = deployed.toBuilder().restApi(petsApi("new")).deploy("dev").build();

        assertThat(get(redeployed, "/dev/pets")).startsWith("new@");
        assertThat(get(deployed, "/dev/pets")).startsWith("old@");
        assertThat(redeployed.deployments()).hasSize(2);
        assertThat(deploymentId(redeployed, "dev")).isNotEqualTo(deploymentId(deployed, "dev"));
    }

    @Test
    void handle_gatewayResponseChangedNotDeployed_isNotServed() {
        Api deployed =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("x"))
                        .deploy("dev")
                        .build();
        RestApi customised =
                deployed.restApi().toBuilder()
                        .gatewayResponse(
                                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                                g -> g.statusCode(404))
                        .build();

        Api notDeployed = deployed.toBuilder().restApi(customised).build();
        Api redeployed = notDeployed.toBuilder().deploy("dev").build();

        assertThat(notDeployed.handle(Request.of("GET", "/dev/nope"))).hasStatus(403);
        assertThat(redeployed.handle(Request.of("GET", "/dev/nope"))).hasStatus(404);
    }

    @Test
    void handle_rollback_servesTheOldDeploymentAgain() {
        Api v1 =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("v1"))
                        .deploy("dev")
                        .build();
        String oldId = deploymentId(v1, "dev");
        Api v2 = v1.toBuilder().restApi(petsApi("v2")).deploy("dev").build();

        Api rolledBack = v2.toBuilder().rollback("dev", oldId).build();

        assertThat(get(v2, "/dev/pets")).startsWith("v2@");
        assertThat(get(rolledBack, "/dev/pets")).isEqualTo("v1@" + oldId + "@");
        assertThat(deploymentId(rolledBack, "dev")).isEqualTo(oldId);
        assertThat(rolledBack.deployments()).containsKeys(oldId, deploymentId(v2, "dev"));
    }

    @Test
    void handle_stageVariablesChanged_takeEffectWithoutRedeploying() {
        Api before =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("same"))
                        .deploy("dev", s -> s.putVariable("v", "one"))
                        .build();

        Api after = before.toBuilder().stage("dev", s -> s.putVariable("v", "two")).build();

        String id = deploymentId(before, "dev");
        assertThat(get(before, "/dev/pets")).isEqualTo("same@" + id + "@one");
        assertThat(get(after, "/dev/pets")).isEqualTo("same@" + id + "@two");
        assertThat(after.deployments()).hasSize(1);
    }

    @Test
    void handle_deploymentIdContextVariable_equalsTheStagesDeployment() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("a"))
                        .deploy("one")
                        .deploy("two")
                        .build();

        assertThat(get(api, "/one/pets")).isEqualTo("a@" + deploymentId(api, "one") + "@");
        assertThat(get(api, "/two/pets")).isEqualTo("a@" + deploymentId(api, "two") + "@");
    }

    @Test
    void build_manyDeployments_getDistinctIds() {
        Api.Builder builder =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("x"));
        for (int i = 0; i < 30; i++) {
            builder.deploy("s" + i);
        }
        Api api = builder.build();

        Set<String> ids = new HashSet<>();
        api.stages().values().forEach(s -> ids.add(s.deploymentId().orElseThrow()));
        assertThat(ids).hasSize(30);
        assertThat(api.deployments().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("[a-z0-9]{6}"));
    }

    @Test
    @Timeout(10)
    void build_sameRandomSource_givesDifferentIdsForSuccessiveDeployments() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("x"))
                        .gateway(Gateway.builder().random(() -> 7L).build())
                        .deploy("a")
                        .deploy("b")
                        .build();

        assertThat(deploymentId(api, "a")).isNotEqualTo(deploymentId(api, "b"));
    }

    @Test
    void build_methodWithoutIntegration_failsNamingThePlace() {
        RestApi broken =
                petsApi("x").toBuilder()
                        .resource(
                                "/pets",
                                r -> r.method("POST", m -> m.methodResponse("200", mr -> {})))
                        .build();

        assertThatThrownBy(
                        () ->
                                Api.builder()
                                        .internalErrorHandler(FailingInternalErrorHandler.create())
                                        .restApi(broken)
                                        .deploy("dev")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/pets POST: No integration defined for method");
    }

    @Test
    void build_stageOnUnknownDeployment_fails() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("x"))
                        .deploy("dev")
                        .build();
        Api.Builder builder =
                api.toBuilder()
                        .stage(Stage.builder().stageName("ghost").deploymentId("nosuch").build());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost")
                .hasMessageContaining("nosuch");
    }

    @Test
    void build_rollbackToUnknownDeployment_fails() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("x"))
                        .deploy("dev")
                        .build();

        assertThatThrownBy(() -> api.toBuilder().rollback("dev", "zzzzzz").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Deployment id does not exist: zzzzzz");
    }

    @Test
    void build_twice_leavesTheBuilderAsItWas() {
        Api.Builder builder =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi("one"))
                        .deploy("dev");

        Api first = builder.build();
        Api second = builder.build();

        assertThat(first.deployments()).hasSize(1);
        assertThat(second.deployments()).hasSize(1);
        assertThat(deploymentId(second, "dev")).isNotEqualTo(deploymentId(first, "dev"));
        assertThat(first.deployments()).doesNotContainKey(deploymentId(second, "dev"));
    }

    @Test
    void toBuilderDeployAndRollback_keepTheSameGateway() {
        Gateway account = Gateway.create();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .gateway(account)
                        .restApi(petsApi("one"))
                        .deploy("dev")
                        .build();
        String first = deploymentId(api, "dev");

        Api redeployed = api.toBuilder().restApi(petsApi("two")).deploy("dev").build();
        Api rolledBack = redeployed.toBuilder().rollback("dev", first).build();

        assertThat(redeployed.gateway()).isSameAs(account);
        assertThat(rolledBack.gateway()).isSameAs(account);
        assertThat(rolledBack.handle(Request.of("GET", "/dev/pets"))).hasBody("one@" + first + "@");
    }
}
