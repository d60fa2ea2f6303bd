package dev.apigw.runtime.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.CanarySettings;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.pipeline.CanaryRelease;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An API's deployments and stages (reference 9.1), and their canaries (reference 9.2). */
class DeploymentsTest {
    private static final Instant NOW = Instant.parse("2025-02-03T04:05:06Z");
    private static final DeploymentCompiler COMPILER =
            new DeploymentCompiler(TemplateEngine.create(), "us-east-1", "123456789012");

    private static RestApi api(String name) {
        return RestApi.builder()
                .name(name)
                .resource(
                        "/pets",
                        r -> r.method("GET", m -> m.integration(i -> i.type(IntegrationType.MOCK))))
                .build();
    }

    @Test
    void deploy_newStage_pointsAtAFreshDeployment() {
        Deployments none = Deployments.none();

        Deployments deployed = none.deploy(api("a"), "dev", s -> {}, NOW, () -> 7L);

        assertThat(none.deployments()).isEmpty();
        assertThat(deployed.deployments()).hasSize(1);
        String id = deployed.stages().get("dev").deploymentId().orElseThrow();
        assertThat(id).hasSize(6);
        assertThat(deployed.deployments().get(id).createdDate()).isEqualTo(NOW);
    }

    @Test
    void deploy_sameRandomTwice_givesDifferentIds() {
        Deployments twice =
                Deployments.none()
                        .deploy(api("a"), "dev", s -> {}, NOW, () -> 7L)
                        .deploy(api("b"), "dev", s -> {}, NOW, () -> 7L);

        assertThat(twice.deployments()).hasSize(2);
    }

    @Test
    void deploy_givenId_pointsTheStageAtThatId() {
        Deployments deployed =
                Deployments.none()
                        .deploy(api("a"), "dev", "fleet1", s -> s.putVariable("k", "v"), NOW);

        assertThat(deployed.stages().get("dev").deploymentId()).contains("fleet1");
        assertThat(deployed.stages().get("dev").variables()).containsEntry("k", "v");
        assertThat(deployed.deployments().get("fleet1").createdDate()).isEqualTo(NOW);
    }

    @Test
    void deploy_givenIdTaken_orMalformed_fails() {
        Deployments deployed = Deployments.none().deploy(api("a"), "dev", "fleet1", s -> {}, NOW);

        assertThatThrownBy(() -> deployed.deploy(api("b"), "prod", "fleet1", s -> {}, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a deployment with id fleet1 already exists");
        assertThatThrownBy(() -> deployed.deploy(api("b"), "prod", "Fleet-2", s -> {}, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment id must be 1 to 64 lowercase letters and digits: Fleet-2");
    }

    @Test
    void compiled_sameDeploymentForTwoStages_compilesOnce() {
        Deployments deployed = Deployments.none().deploy(api("a"), "dev", s -> {}, NOW, () -> 7L);
        String id = deployed.stages().get("dev").deploymentId().orElseThrow();
        Deployments both =
                deployed.withStage(Stage.builder().stageName("prod").deploymentId(id).build())
                        .compiled(COMPILER);

        assertThat(both.served().get("dev").deployment())
                .isSameAs(both.served().get("prod").deployment());
        assertThat(both.compiled(COMPILER).served().get("dev").deployment())
                .isSameAs(both.served().get("dev").deployment());
    }

    @Test
    void compiled_stageWithUnknownDeployment_throwsNamingIt() {
        Deployments broken =
                Deployments.none()
                        .withStage(Stage.builder().stageName("dev").deploymentId("nope00").build());

        assertThatThrownBy(() -> broken.compiled(COMPILER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage dev: Deployment id does not exist: nope00");
    }

    private static Deployments prodWithCanary() {
        return Deployments.none()
                .deploy(api("a"), "prod", s -> s.putVariable("color", "blue"), NOW, () -> 7L)
                .deployCanary(
                        api("b"),
                        "prod",
                        c -> c.percentTraffic(25.0).putStageVariableOverride("color", "green"),
                        NOW,
                        () -> 9L);
    }

    @Test
    void deployCanary_existingStage_newDeploymentBecomesTheCanaryAndTheStageKeepsItsOwn() {
        Deployments plain = Deployments.none().deploy(api("a"), "prod", s -> {}, NOW, () -> 7L);
        String own = plain.stages().get("prod").deploymentId().orElseThrow();

        Deployments canaried = prodWithCanary();

        Stage prod = canaried.stages().get("prod");
        assertThat(prod.deploymentId()).contains(own);
        CanarySettings canary = prod.canarySettings().orElseThrow();
        assertThat(canary.deploymentId()).isNotEqualTo(own);
        assertThat(canaried.deployments()).containsKey(canary.deploymentId());
        assertThat(canary.percentTraffic()).isEqualTo(25.0);
        assertThat(canary.useStageCache()).isFalse();
    }

    @Test
    void deployCanary_noSuchStage_throwsAwsMessage() {
        assertThatThrownBy(
                        () ->
                                Deployments.none()
                                        .deployCanary(api("a"), "prod", c -> {}, NOW, () -> 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid deployment content specified.Stage prod must already be created"
                                + " before making a canary release deployment");
    }

    @Test
    void deployCanary_emptyStageName_throwsAwsMessage() {
        assertThatThrownBy(
                        () -> Deployments.none().deployCanary(api("a"), "", c -> {}, NOW, () -> 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid deployment content specified.Non null and non empty stageName must"
                                + " be provided for canary deployment. Provided value is ");
    }

    @Test
    void canaries_stageWithCanary_seesTheCanaryDeploymentAndMergedVariables() {
        Deployments compiled = prodWithCanary().compiled(COMPILER);

        Map<String, CanaryRelease> canaries = compiled.canaries();

        assertThat(canaries).containsOnlyKeys("prod");
        CanaryRelease canary = canaries.get("prod");
        String canaryId =
                compiled.stages().get("prod").canarySettings().orElseThrow().deploymentId();
        assertThat(canary.percentTraffic()).isEqualTo(25.0);
        assertThat(canary.stage().canary()).isTrue();
        assertThat(canary.stage().deployment().deployment().id()).isEqualTo(canaryId);
        assertThat(canary.stage().stage().deploymentId()).contains(canaryId);
        assertThat(canary.stage().stage().variables()).containsExactly(Map.entry("color", "green"));
        assertThat(compiled.served().get("prod").canary()).isFalse();
        assertThat(compiled.served().get("prod").stage().variables())
                .containsExactly(Map.entry("color", "blue"));
    }

    @Test
    void compiled_canaryWithUnknownDeployment_throwsAwsMessage() {
        Deployments deployed = Deployments.none().deploy(api("a"), "prod", s -> {}, NOW, () -> 7L);
        Deployments broken =
                deployed.withStage(
                        deployed.stages()
                                .get("prod")
                                .copy(
                                        s ->
                                                s.canarySettings(
                                                        new CanarySettings(
                                                                10.0, "nope00", Map.of(), false))));

        assertThatThrownBy(() -> broken.compiled(COMPILER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage prod canarySettings: Deployment id does not exist: nope00");
    }

    @Test
    void withCanaryPromoted_canary_servesItsDeploymentMergesVariablesAndKeepsItAtZero() {
        Deployments canaried =
                prodWithCanary()
                        .withStage(
                                prodWithCanary()
                                        .stages()
                                        .get("prod")
                                        .copy(s -> s.putVariable("size", "m")));
        CanarySettings before = canaried.stages().get("prod").canarySettings().orElseThrow();

        Stage promoted = canaried.withCanaryPromoted("prod").stages().get("prod");

        assertThat(promoted.deploymentId()).contains(before.deploymentId());
        assertThat(promoted.variables())
                .containsExactly(Map.entry("color", "green"), Map.entry("size", "m"));
        assertThat(promoted.canarySettings())
                .contains(before.toBuilder().percentTraffic(0.0).build());
    }

    @Test
    void withCanaryPromoted_noCanary_throwsAwsMessage() {
        Deployments plain = Deployments.none().deploy(api("a"), "prod", s -> {}, NOW, () -> 7L);

        assertThatThrownBy(() -> plain.withCanaryPromoted("prod"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Promotion not available. Canary does not exist.");
        assertThatThrownBy(() -> plain.withCanaryPromoted("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no stage named nope");
    }

    @Test
    void withoutCanary_canary_isRemovedAndTheStageKeepsItsDeployment() {
        Deployments canaried = prodWithCanary();

        Deployments removed = canaried.withoutCanary("prod");

        assertThat(removed.stages().get("prod").canarySettings()).isEmpty();
        assertThat(removed.stages().get("prod").deploymentId())
                .isEqualTo(canaried.stages().get("prod").deploymentId());
        assertThat(removed.withoutCanary("prod").stages()).isEqualTo(removed.stages());
        assertThat(removed.compiled(COMPILER).canaries()).isEmpty();
    }
}
