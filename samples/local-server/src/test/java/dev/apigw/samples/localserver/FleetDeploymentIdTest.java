package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers started from one {@code --spec} file serve one deployment id, so that a fleet on one
 * Redis shares its stage cache entries (reference 9.3, issue 16); another file or stage is another
 * deployment.
 */
class FleetDeploymentIdTest {
    private static final Path SPEC = Path.of("src/test/resources/fixtures/operations/ops-api.yaml");

    @TempDir Path dir;

    private static String deploymentId(Path spec, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("--spec", spec.toString()));
        args.addAll(List.of(flags));
        Api api =
                ApiAssembly.build(
                                ServerOptions.parse(args),
                                "http://127.0.0.1:1",
                                null,
                                Gateway::create)
                        .api();
        return api.stages().values().iterator().next().deploymentId().orElseThrow();
    }

    @Test
    void sameSpecFile_twoServers_serveOneDeploymentId() {
        String first = deploymentId(SPEC);

        assertThat(deploymentId(SPEC)).isEqualTo(first);
        assertThat(first).matches("[0-9a-f]{6}");
    }

    @Test
    void changedSpecOrOtherStage_isAnotherDeployment() throws Exception {
        Path changed = Files.writeString(dir.resolve("ops.yaml"), Files.readString(SPEC) + "\n");

        assertThat(deploymentId(changed)).isNotEqualTo(deploymentId(SPEC));
        assertThat(deploymentId(SPEC, "--stage", "prod")).isNotEqualTo(deploymentId(SPEC));
    }
}
