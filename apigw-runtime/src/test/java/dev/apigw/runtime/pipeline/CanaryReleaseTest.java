package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.Deployment;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.deployment.DeploymentCompiler;
import dev.apigw.runtime.mapping.TemplateEngine;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The routing draw of a canary release (reference 9.2). */
class CanaryReleaseTest {
    private static final DeployedStage CANARY =
            new DeployedStage(
                    Stage.builder().stageName("prod").deploymentId("canary").build(),
                    new DeploymentCompiler(TemplateEngine.create(), "us-east-1", "123456789012")
                            .compile(
                                    new Deployment(
                                            "canary",
                                            "",
                                            Instant.EPOCH,
                                            RestApi.builder()
                                                    .name("a")
                                                    .resource(
                                                            "/",
                                                            r ->
                                                                    r.method(
                                                                            "GET",
                                                                            m ->
                                                                                    m.integration(
                                                                                            i ->
                                                                                                    i
                                                                                                            .type(
                                                                                                                    IntegrationType
                                                                                                                            .MOCK))))
                                                    .build())),
                    true);

    /** A random source that counts its draws. */
    private static final class CountingRandom implements RandomGenerator {
        private final SplittableRandom random = new SplittableRandom(1);
        private final AtomicInteger draws = new AtomicInteger();

        @Override
        public long nextLong() {
            draws.incrementAndGet();
            return random.nextLong();
        }
    }

    @ParameterizedTest(name = "{0}%")
    @ValueSource(doubles = {0.0, 100.0})
    void routes_zeroOrHundredPercent_decidesWithoutADraw(double percent) {
        CountingRandom random = new CountingRandom();
        CanaryRelease release = new CanaryRelease(CANARY, percent);

        for (int i = 0; i < 100; i++) {
            assertThat(release.routes(random)).isEqualTo(percent == 100.0);
        }
        assertThat(random.draws.get()).isZero();
    }

    @Test
    void routes_share_drawsOncePerRequest() {
        CountingRandom random = new CountingRandom();
        CanaryRelease release = new CanaryRelease(CANARY, 50.0);

        for (int i = 0; i < 100; i++) {
            release.routes(random);
        }
        assertThat(random.draws.get()).isEqualTo(100);
    }

    @Test
    void new_notACanary_throws() {
        DeployedStage own = new DeployedStage(CANARY.stage(), CANARY.deployment());

        assertThatThrownBy(() -> new CanaryRelease(own, 10.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a canary: prod");
    }
}
