package dev.apigw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A REST API of a template with its deployments and stages, each under its logical id (reference
 * section 9.1: a stage serves the deployment it points at).
 *
 * @param logicalId the API's logical id in the template
 * @param restApi the definition
 * @param deployments the deployments by logical id
 * @param stages the stages by logical id
 */
public record RestApiDefinition(
        String logicalId,
        RestApi restApi,
        Map<String, Deployment> deployments,
        Map<String, Stage> stages) {
    /** Validates and copies. */
    public RestApiDefinition {
        Checks.requireText(logicalId, "logicalId");
        Objects.requireNonNull(restApi, "restApi");
        deployments = Copies.orderedMap(deployments);
        stages = Copies.orderedMap(stages);
    }

    /**
     * Returns the stage to serve when none is named: the API's only stage, not counting the stage
     * named {@code Stage} that SAM's deployment creates beside an API's own stage (its {@code
     * StageName: Stage}); empty when the API has no stage or several.
     */
    public Optional<Stage> onlyStage() {
        List<Stage> candidates = new ArrayList<>();
        stages.forEach(
                (id, stage) -> {
                    boolean samArtifact =
                            stage.stageName().equals("Stage") && id.endsWith(".Stage");
                    if (!samArtifact || stages.size() == 1) {
                        candidates.add(stage);
                    }
                });
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Returns the stage named {@code stageName}. */
    public Optional<Stage> stage(String stageName) {
        return stages.values().stream().filter(s -> s.stageName().equals(stageName)).findFirst();
    }
}
