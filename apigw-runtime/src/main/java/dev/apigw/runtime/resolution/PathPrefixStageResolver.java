package dev.apigw.runtime.resolution;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.resolution.StageResolver.ResolvedStage;
import java.util.Map;
import java.util.Optional;

/** The stage resolver of execute-api URLs: see {@link StageResolver#pathPrefix()}. */
final class PathPrefixStageResolver implements StageResolver {
    @Override
    public Optional<ResolvedStage> resolve(Request request, Map<String, DeployedStage> stages) {
        String path = request.path();
        int start = firstSegmentStart(path);
        int end = path.indexOf('/', start);
        DeployedStage stage = stages.get(path.substring(start, end < 0 ? path.length() : end));
        if (stage == null) {
            return Optional.empty();
        }
        String rest = end < 0 ? "/" : path.substring(end);
        int slashes = 0;
        while (slashes + 1 < rest.length() && rest.charAt(slashes + 1) == '/') {
            slashes++;
        }
        return Optional.of(new ResolvedStage(stage, rest.substring(slashes)));
    }

    @Override
    public String describeMiss(Request request) {
        String path = request.path();
        int start = firstSegmentStart(path);
        int end = path.indexOf('/', start);
        return "No stage named: " + path.substring(start, end < 0 ? path.length() : end);
    }

    private static int firstSegmentStart(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start;
    }
}
