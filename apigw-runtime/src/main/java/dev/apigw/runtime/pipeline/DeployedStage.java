package dev.apigw.runtime.pipeline;

import dev.apigw.model.Stage;
import java.util.Objects;

/**
 * A stage together with the compiled deployment it serves. Internal.
 *
 * @param stage the stage settings and variables
 * @param deployment the compiled deployment the stage points at
 */
public record DeployedStage(Stage stage, CompiledDeployment deployment) {
    /** Checks that no field is null. */
    public DeployedStage {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(deployment);
    }
}
