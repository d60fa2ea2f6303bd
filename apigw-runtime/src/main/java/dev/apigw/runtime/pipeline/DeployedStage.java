package dev.apigw.runtime.pipeline;

import dev.apigw.model.Stage;
import java.util.Objects;

/**
 * A stage together with the compiled deployment it serves. Internal.
 *
 * @param stage the stage settings and variables; for a canary, the stage as its requests see it:
 *     the canary's {@code deploymentId}, and the stage variables overridden and extended by the
 *     canary's {@code stageVariableOverrides}
 * @param deployment the compiled deployment the stage points at (for a canary, the canary's)
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
