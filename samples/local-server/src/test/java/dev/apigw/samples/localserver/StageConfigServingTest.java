package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --stage-config} served through {@code Api.handle}: its variables and its canary
 * (reference 9.2: canary requests see the stage's variables with the overrides over them).
 */
class StageConfigServingTest {
    private static final Path SPEC = Path.of("src/test/resources/fixtures/operations/ops-api.yaml");

    @TempDir Path dir;

    private Api serve(String config) throws Exception {
        Path file = Files.writeString(dir.resolve("stage.json"), config);
        return ApiAssembly.build(
                        ServerOptions.parse(
                                List.of(
                                        "--spec",
                                        SPEC.toString(),
                                        "--stage-config",
                                        file.toString())),
                        "http://127.0.0.1:1",
                        null,
                        Gateway::create)
                .api();
    }

    @Test
    void canaryOfAllTraffic_servesTheOverriddenVariables() throws Exception {
        Api api =
                serve(
                        "{\"variables\": {\"color\": \"blue\"}, \"canarySettings\":"
                                + " {\"percentTraffic\": 100,"
                                + " \"stageVariableOverrides\": {\"color\": \"green\"}}}");

        assertThat(api.handle(Request.get("/dev/greeting")).bodyAsString())
                .isEqualTo("{\"color\": \"green\"}");
        assertThat(api.stage("dev").orElseThrow().canarySettings().orElseThrow().deploymentId())
                .isEqualTo(api.stage("dev").orElseThrow().deploymentId().orElseThrow());
    }

    @Test
    void canaryOfNoTraffic_servesTheStagesVariables() throws Exception {
        Api api =
                serve(
                        "{\"variables\": {\"color\": \"blue\"}, \"canarySettings\":"
                                + " {\"stageVariableOverrides\": {\"color\": \"green\"}}}");

        assertThat(api.handle(Request.get("/dev/greeting")).bodyAsString())
                .isEqualTo("{\"color\": \"blue\"}");
    }
}
