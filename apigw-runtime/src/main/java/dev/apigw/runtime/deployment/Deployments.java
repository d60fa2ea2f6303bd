package dev.apigw.runtime.deployment;

import dev.apigw.model.CanarySettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.pipeline.CanaryRelease;
import dev.apigw.runtime.pipeline.CompiledDeployment;
import dev.apigw.runtime.pipeline.DeployedStage;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API's deployments and stages, as API Gateway keeps them (reference 9.1): every deployment a
 * frozen snapshot of the definition, every stage pointing at one (and a stage's canary at another,
 * reference 9.2), and the deployments stages and canaries serve compiled once and shared.
 * Immutable: each change returns a new value, so a builder that holds one can build any number of
 * times without changing. Internal.
 */
public final class Deployments {
    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, Deployment> deployments;
    private final Map<String, Stage> stages;
    private final Map<Deployment, CompiledDeployment> compiled;

    private Deployments(
            Map<String, Deployment> deployments,
            Map<String, Stage> stages,
            Map<Deployment, CompiledDeployment> compiled) {
        this.deployments = Collections.unmodifiableMap(deployments);
        this.stages = Collections.unmodifiableMap(stages);
        this.compiled = Collections.unmodifiableMap(compiled);
    }

    /** Returns the deployments of an API that was never deployed. */
    public static Deployments none() {
        return new Deployments(
                new LinkedHashMap<>(), new LinkedHashMap<>(), new IdentityHashMap<>());
    }

    /** Returns the deployments by id, oldest first. */
    public Map<String, Deployment> deployments() {
        return deployments;
    }

    /** Returns the stages by name. */
    public Map<String, Stage> stages() {
        return stages;
    }

    /** Returns a copy holding {@code deployment} (for example one kept from an earlier build). */
    public Deployments withDeployment(Deployment deployment) {
        Map<String, Deployment> all = new LinkedHashMap<>(deployments);
        all.put(deployment.id(), deployment);
        return new Deployments(all, new LinkedHashMap<>(stages), new IdentityHashMap<>(compiled));
    }

    /** Returns a copy where {@code stage} is added or replaces the stage of its name. */
    public Deployments withStage(Stage stage) {
        Map<String, Stage> all = new LinkedHashMap<>(stages);
        all.put(stage.stageName(), stage);
        return new Deployments(
                new LinkedHashMap<>(deployments), all, new IdentityHashMap<>(compiled));
    }

    /**
     * Returns a copy where {@code restApi} is deployed to a stage: a new deployment with a fresh
     * six-character id, created at {@code now}, and the stage (created if needed) pointing at it
     * with {@code settings} applied.
     */
    public Deployments deploy(
            RestApi restApi,
            String stageName,
            Consumer<Stage.Builder> settings,
            Instant now,
            RandomGenerator random) {
        return deploy(restApi, stageName, newDeploymentId(random), settings, now);
    }

    /**
     * Returns a copy where {@code restApi} is deployed to a stage as {@link #deploy(RestApi,
     * String, Consumer, Instant, RandomGenerator)} does, with the deployment id {@code
     * deploymentId} (lowercase letters and digits, as AWS's) instead of a fresh one: several JVMs
     * building the same API give it one id, so that what is keyed by the deployment (the stage
     * cache's entries) is shared by the fleet. Fails when the id is malformed or already taken.
     */
    public Deployments deploy(
            RestApi restApi,
            String stageName,
            String deploymentId,
            Consumer<Stage.Builder> settings,
            Instant now) {
        if (deploymentId == null || !deploymentId.matches("[a-z0-9]{1,64}")) {
            throw new IllegalArgumentException(
                    "deployment id must be 1 to 64 lowercase letters and digits: " + deploymentId);
        }
        if (deployments.containsKey(deploymentId)) {
            throw new IllegalArgumentException(
                    "a deployment with id " + deploymentId + " already exists");
        }
        Deployment d = new Deployment(deploymentId, "", now, restApi);
        Stage existing = stages.get(stageName);
        Stage.Builder s =
                existing != null ? existing.toBuilder() : Stage.builder().stageName(stageName);
        settings.accept(s.deploymentId(d.id()));
        return withDeployment(d).withStage(s.build());
    }

    /**
     * Returns a copy where {@code restApi} is deployed as the canary of an existing stage, as
     * CreateDeployment with {@code canarySettings} does (reference 9.2): a new deployment becomes
     * the stage's canary, with the settings {@code canary} sets (from none: 0.0 percent, no
     * overrides, no stage cache), and the stage keeps its own deployment. Fails with AWS's message
     * when the stage name is empty or names no stage.
     */
    public Deployments deployCanary(
            RestApi restApi,
            String stageName,
            Consumer<CanarySettings.Builder> canary,
            Instant now,
            RandomGenerator random) {
        if (stageName == null || stageName.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid deployment content specified.Non null and non empty stageName must be"
                            + " provided for canary deployment. Provided value is "
                            + stageName);
        }
        Stage existing = stages.get(stageName);
        if (existing == null) {
            throw new IllegalArgumentException(
                    "Invalid deployment content specified.Stage "
                            + stageName
                            + " must already be created before making a canary release deployment");
        }
        Deployment d = new Deployment(newDeploymentId(random), "", now, restApi);
        CanarySettings.Builder c = CanarySettings.builder();
        canary.accept(c);
        CanarySettings settings = c.deploymentId(d.id()).build();
        return withDeployment(d).withStage(existing.copy(s -> s.canarySettings(settings)));
    }

    /**
     * Returns a copy where the canary of a stage is promoted, as the console's "Promote canary"
     * does through UpdateStage (reference 9.2): the stage serves the canary's deployment, the
     * canary's {@code stageVariableOverrides} are merged into the stage variables (overridden names
     * take the canary's value, the others stay), and the canary stays configured with {@code
     * percentTraffic} 0.0. Fails with {@link IllegalArgumentException} when there is no such stage,
     * and with {@link IllegalStateException} and AWS's message when it has no canary.
     */
    public Deployments withCanaryPromoted(String stageName) {
        Stage stage = existingStage(stageName);
        CanarySettings canary =
                stage.canarySettings()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "Promotion not available. Canary does not exist."));
        return withStage(
                stage.copy(
                        s -> {
                            s.deploymentId(canary.deploymentId());
                            canary.stageVariableOverrides().forEach(s::putVariable);
                            s.canarySettings(canary.toBuilder().percentTraffic(0.0).build());
                        }));
    }

    /**
     * Returns a copy where a stage has no canary ({@code remove /canarySettings}, reference 9.2); a
     * stage without one is left as it is. Fails with {@link IllegalArgumentException} when there is
     * no such stage.
     */
    public Deployments withoutCanary(String stageName) {
        return withStage(existingStage(stageName).copy(s -> s.canarySettings(null)));
    }

    private Stage existingStage(String stageName) {
        Stage stage = stages.get(stageName);
        if (stage == null) {
            throw new IllegalArgumentException("no stage named " + stageName);
        }
        return stage;
    }

    /**
     * Returns a copy where every deployment a stage serves is compiled, reusing what was compiled
     * before; fails naming a stage that points at no deployment of this API.
     */
    public Deployments compiled(DeploymentCompiler compiler) {
        Map<Deployment, CompiledDeployment> served = new IdentityHashMap<>();
        for (Stage stage : stages.values()) {
            compile(deploymentOf(stage), compiler, served);
            stage.canarySettings().ifPresent(c -> compile(canaryOf(stage, c), compiler, served));
        }
        return new Deployments(
                new LinkedHashMap<>(deployments), new LinkedHashMap<>(stages), served);
    }

    /** Returns the compiled stages by name; every stage's deployment must be compiled. */
    public Map<String, DeployedStage> served() {
        Map<String, DeployedStage> served = new LinkedHashMap<>();
        stages.forEach(
                (name, stage) ->
                        served.put(
                                name, new DeployedStage(stage, compiled.get(deploymentOf(stage)))));
        return served;
    }

    /**
     * Returns the canary releases of the stages that have one, by stage name (reference 9.2): each
     * the canary's compiled deployment, with the stage variables overridden and extended by its
     * {@code stageVariableOverrides}, and its share of traffic. Every canary's deployment must be
     * compiled.
     */
    public Map<String, CanaryRelease> canaries() {
        Map<String, CanaryRelease> canaries = new LinkedHashMap<>();
        stages.forEach(
                (name, stage) ->
                        stage.canarySettings()
                                .ifPresent(c -> canaries.put(name, canaryRelease(stage, c))));
        return canaries;
    }

    private CanaryRelease canaryRelease(Stage stage, CanarySettings canary) {
        Stage seen =
                stage.copy(
                        s -> {
                            s.deploymentId(canary.deploymentId());
                            canary.stageVariableOverrides().forEach(s::putVariable);
                        });
        return new CanaryRelease(
                new DeployedStage(seen, compiled.get(canaryOf(stage, canary)), true),
                canary.percentTraffic());
    }

    /**
     * Returns the definitions of the compiled deployments: those stages and their canaries serve,
     * each once.
     */
    public List<RestApi> servedDefinitions() {
        return compiled.keySet().stream()
                .map(Deployment::restApi)
                .collect(Collectors.toUnmodifiableList());
    }

    /** Returns the warnings of the compiled deployments, each line once. */
    public List<String> warnings() {
        return compiled.values().stream()
                .flatMap(c -> c.warnings().stream())
                .distinct()
                .collect(Collectors.toUnmodifiableList());
    }

    private void compile(
            Deployment d, DeploymentCompiler compiler, Map<Deployment, CompiledDeployment> served) {
        CompiledDeployment done = compiled.get(d);
        served.computeIfAbsent(d, x -> done != null ? done : logged(compiler.compile(x)));
    }

    /** Returns the canary's deployment; fails with AWS's message when there is none of its id. */
    private Deployment canaryOf(Stage stage, CanarySettings canary) {
        Deployment d = deployments.get(canary.deploymentId());
        if (d == null) {
            throw new IllegalArgumentException(
                    "stage "
                            + stage.stageName()
                            + " canarySettings: Deployment id does not exist: "
                            + canary.deploymentId());
        }
        return d;
    }

    private Deployment deploymentOf(Stage stage) {
        String id =
                stage.deploymentId()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "stage "
                                                        + stage.stageName()
                                                        + " has no deployment"));
        Deployment d = deployments.get(id);
        if (d == null) {
            throw new IllegalArgumentException(
                    "stage " + stage.stageName() + ": Deployment id does not exist: " + id);
        }
        return d;
    }

    /**
     * Returns a fresh six-character id. Each attempt mixes its number into the random value, so
     * that even a random source that always answers the same (a test's) ends.
     */
    private String newDeploymentId(RandomGenerator random) {
        for (long attempt = 0; ; attempt++) {
            long bits = random.nextLong() + attempt * 0x9E3779B97F4A7C15L;
            StringBuilder id = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                id.append(ID_ALPHABET.charAt((int) Math.floorMod(bits, 36L)));
                bits = Math.floorDiv(bits, 36L);
            }
            if (!deployments.containsKey(id.toString())) {
                return id.toString();
            }
        }
    }

    private static CompiledDeployment logged(CompiledDeployment deployment) {
        deployment.warnings().forEach(line -> LOG.warn("{}", line));
        return deployment;
    }
}
