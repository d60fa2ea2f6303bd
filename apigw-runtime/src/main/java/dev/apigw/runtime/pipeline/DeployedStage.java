package dev.apigw.runtime.pipeline;

import dev.apigw.model.Stage;
import java.util.Objects;

/**
 * A stage together with the compiled deployment it serves. Internal.
 *
 * @param stage the stage settings and variables
 * @param deployment the compiled deployment the stage points at
 * @param canary whether this is the stage's canary (reference 9.2): its deployment and its
 *     variables with the canary's overrides
 */
public record DeployedStage(Stage stage, CompiledDeployment deployment, boolean canary) {
    /** Checks that no field is null. */
    public DeployedStage {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(deployment);
    }

    /** Returns the stage's own (not canary) deployment. */
    public DeployedStage(Stage stage, CompiledDeployment deployment) {
        this(stage, deployment, false);
    }
}
