package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.HttpStage;
import dev.apigw.model.RouteSettings;
import java.util.Map;

/**
 * Reads an {@code AWS::ApiGatewayV2::Stage} into an {@link HttpStage} (reference section 9.1, HTTP
 * API stages): {@code StageName}, {@code AutoDeploy}, {@code StageVariables}, {@code
 * DefaultRouteSettings}, {@code RouteSettings} by route key and {@code AccessLogSettings}. Its
 * {@code DeploymentId} is not read: every stage serves the API as the template defines it.
 */
final class HttpStageReader {
    private HttpStageReader() {}

    /** Returns the stage of these properties. */
    static HttpStage read(Props p) {
        HttpStage.Builder s = HttpStage.builder(p.required("StageName"));
        p.bool("AutoDeploy").ifPresent(s::autoDeploy);
        p.text("Description").ifPresent(s::description);
        s.stageVariables(p.textMap("StageVariables"));
        if (p.has("DefaultRouteSettings")) {
            s.defaultRouteSettings(settings(p.object("DefaultRouteSettings")));
        }
        Props routes = p.object("RouteSettings");
        for (Map.Entry<String, JsonNode> e : routes.json().properties()) {
            s.routeSettings(e.getKey(), settings(routes.object(e.getKey())));
        }
        if (p.has("AccessLogSettings")) {
            Props log = p.object("AccessLogSettings");
            try {
                s.accessLogSettings(
                        new AccessLogSettings(
                                log.text("Format").orElse(""),
                                log.text("DestinationArn").orElse("")));
            } catch (IllegalArgumentException e) {
                throw log.fail(e.getMessage());
            }
        }
        try {
            return s.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /**
     * Returns one {@code RouteSettings} object; {@code LoggingLevel} and {@code DataTraceEnabled}
     * are WebSocket settings, which HTTP APIs do not use.
     */
    static RouteSettings settings(Props r) {
        try {
            return new RouteSettings(
                    r.bool("DetailedMetricsEnabled").orElse(false),
                    r.integer("ThrottlingBurstLimit").orElse(null),
                    r.number("ThrottlingRateLimit").orElse(null));
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }
}
