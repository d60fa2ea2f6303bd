package dev.apigw.model.cloudformation;

import dev.apigw.model.CanarySettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.RestApi;
import dev.apigw.model.RestApiDefinition;
import dev.apigw.model.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code AWS::ApiGateway::Deployment}s and {@code Stage}s of one REST API (reference
 * section 9.1). Every deployment of a template is a snapshot of the API as the template defines it;
 * a deployment's {@code StageName} creates that stage with its {@code StageDescription}, whose
 * logical id is the deployment's followed by {@code .Stage}. Two stages of one name fail, as
 * CloudFormation fails. A deployment with {@code DeploymentCanarySettings} and a {@code StageName}
 * is a canary release deployment (reference 9.2): it becomes the canary of that stage, which must
 * be made by another resource of the template, and creates no stage.
 */
final class DeploymentReader {
    private DeploymentReader() {}

    static RestApiDefinition read(ImportRun run, String apiLogicalId, RestApi api) {
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        Map<String, Stage> stages = new LinkedHashMap<>();
        Map<String, String> stageNames = new LinkedHashMap<>();
        List<String> canaryDeployments = new ArrayList<>();
        for (String id : run.ofType("AWS::ApiGateway::Deployment")) {
            Props p = run.properties(id);
            if (!p.required("RestApiId").equals(api.id())) {
                continue;
            }
            String deploymentId = run.ids().ref(id).asText();
            deployments.put(
                    id,
                    new Deployment(
                            deploymentId,
                            p.text("Description").orElse(""),
                            run.options().clock().instant(),
                            api));
            if (p.has("DeploymentCanarySettings")) {
                canaryDeployments.add(id);
            } else if (p.has("StageName")) {
                String name = p.required("StageName");
                Stage stage = StageReader.read(p.object("StageDescription"), name, deploymentId);
                add(stages, stageNames, id + ".Stage", stage, p);
            }
        }
        for (String id : run.ofType("AWS::ApiGateway::Stage")) {
            Props p = run.properties(id);
            if (!p.required("RestApiId").equals(api.id())) {
                continue;
            }
            String deploymentId = p.required("DeploymentId");
            boolean known =
                    deployments.values().stream().anyMatch(d -> d.id().equals(deploymentId));
            if (!known) {
                throw p.fail("DeploymentId", "no deployment " + deploymentId + " of this API");
            }
            String name = p.text("StageName").orElse(id);
            add(stages, stageNames, id, StageReader.read(p, name, deploymentId), p);
        }
        for (String id : canaryDeployments) {
            addCanary(run.properties(id), run.ids().ref(id).asText(), stages, stageNames);
        }
        try {
            return new RestApiDefinition(apiLogicalId, api, deployments, stages);
        } catch (IllegalArgumentException e) {
            throw new CloudFormationImportException("Resources." + apiLogicalId, e.getMessage());
        }
    }

    /**
     * Makes a canary release deployment the canary of its stage, as CreateDeployment with {@code
     * canarySettings} does; fails with AWS's message when the stage name is missing or the template
     * makes no such stage.
     */
    private static void addCanary(
            Props p, String deploymentId, Map<String, Stage> stages, Map<String, String> names) {
        String name = p.text("StageName").orElse("");
        if (name.isEmpty()) {
            throw p.fail(
                    "StageName",
                    "Invalid deployment content specified.Non null and non empty stageName must"
                            + " be provided for canary deployment. Provided value is "
                            + p.text("StageName").orElse("null"));
        }
        String logicalId = names.get(name);
        if (logicalId == null) {
            throw p.fail(
                    "StageName",
                    "Invalid deployment content specified.Stage "
                            + name
                            + " must already be created before making a canary release deployment");
        }
        Props c = p.object("DeploymentCanarySettings");
        CanarySettings canary =
                new CanarySettings(
                        c.number("PercentTraffic").orElse(0.0),
                        deploymentId,
                        c.textMap("StageVariableOverrides"),
                        c.bool("UseStageCache").orElse(false));
        stages.computeIfPresent(logicalId, (k, stage) -> stage.copy(s -> s.canarySettings(canary)));
    }

    private static void add(
            Map<String, Stage> stages,
            Map<String, String> names,
            String logicalId,
            Stage stage,
            Props at) {
        String other = names.putIfAbsent(stage.stageName(), logicalId);
        if (other != null) {
            throw at.fail(
                    "StageName",
                    "the stage " + stage.stageName() + " already exists (made by " + other + ")");
        }
        stages.put(logicalId, stage);
    }
}
