package dev.apigw.runtime.resolution;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.DeployedStage;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the stage a request addresses and the path after it. A REST API's execute-api URL names the
 * stage in its first path segment ({@link #pathPrefix()}); an HTTP API's {@code $default} stage
 * serves at the root, and a custom domain maps a base path to a stage: each is a resolver of its
 * own.
 */
public interface StageResolver {
    /**
     * Returns the stage {@code request} addresses among {@code stages} (by name), with the raw path
     * after it, or empty when it addresses none.
     */
    Optional<ResolvedStage> resolve(Request request, Map<String, DeployedStage> stages);

    /** Returns what the execution log says of a request that addresses no stage. */
    String describeMiss(Request request);

    /**
     * Returns the resolver of execute-api URLs: the first path segment names the stage (reference
     * 7.1). Leading doubled slashes are folded ({@code //dev/x} is {@code /dev/x}, and so is {@code
     * /dev//x}, reference 2.1); {@code /dev} alone addresses the stage's root {@code /}.
     */
    static StageResolver pathPrefix() {
        return new PathPrefixStageResolver();
    }

    /**
     * A stage a request addresses.
     *
     * @param stage the stage and the deployment it serves
     * @param resourcePath the raw path after the stage, starting with {@code /}
     */
    record ResolvedStage(DeployedStage stage, String resourcePath) {}
}
