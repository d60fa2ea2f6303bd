package dev.apigw.runtime.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.mapping.TemplateEngine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An API's deployments and stages (reference 9.1). */
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
}
