package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.Optional;

/**
 * Resolves the stage from the first path segment, as in an execute-api URL (reference 7.1). Leading
 * doubled slashes are folded ({@code //dev/x} is {@code /dev/x}, reference 2.1). An unknown stage
 * gets 403 {@code {"message":"Forbidden"}}, which no API can customise.
 */
final class StageStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        String path = exchange.request().path();
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        String stageName = path.substring(start, end < 0 ? path.length() : end);
        Optional<DeployedStage> stage = exchange.state().stage(stageName);
        if (stage.isEmpty()) {
            exchange.trace().add("stage", "No stage named: ", stageName);
            return Response.builder()
                    .statusCode(403)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("x-amzn-ErrorType", "ForbiddenException")
                    .body("{\"message\":\"Forbidden\"}")
                    .build();
        }
        exchange.trace().add("stage", "Stage: ", stageName);
        String rest = end < 0 ? "/" : path.substring(end);
        int slashes = 0;
        while (slashes + 1 < rest.length() && rest.charAt(slashes + 1) == '/') {
            slashes++;
        }
        return next.proceed(exchange.withStage(stage.get(), rest.substring(slashes)));
    }
}
