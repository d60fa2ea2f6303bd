package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.LoggingLevel;
import dev.apigw.model.WebSocketRouteSettings;
import dev.apigw.model.WebSocketStage;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code AWS::ApiGatewayV2::Stage} of a WebSocket API into a {@link WebSocketStage}
 * (reference section 9.1, HTTP API and WebSocket stages): {@code StageName}, {@code Description},
 * {@code StageVariables}, {@code DefaultRouteSettings}, {@code RouteSettings} by route key and
 * {@code AccessLogSettings}. Its {@code DeploymentId} and {@code AutoDeploy} are not read: every
 * stage holds the API as the template defines it.
 */
final class WebSocketStageReader {
    private WebSocketStageReader() {}

    /** Returns the stage of these properties; its route settings must name routes of the API. */
    static WebSocketStage read(Props p, Set<String> routeKeys) {
        WebSocketStage.Builder s = WebSocketStage.builder(p.required("StageName"));
        p.text("Description").ifPresent(s::description);
        s.stageVariables(p.textMap("StageVariables"));
        if (p.has("DefaultRouteSettings")) {
            s.defaultRouteSettings(settings(p.object("DefaultRouteSettings")));
        }
        Props routes = p.object("RouteSettings");
        for (Map.Entry<String, JsonNode> e : routes.json().properties()) {
            if (!routeKeys.contains(e.getKey())) {
                throw routes.fail(
                        e.getKey(),
                        "Unable to find Route by key "
                                + e.getKey()
                                + " within the provided RouteSettings");
            }
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

    private static WebSocketRouteSettings settings(Props r) {
        try {
            return new WebSocketRouteSettings(
                    r.bool("DataTraceEnabled").orElse(false),
                    r.bool("DetailedMetricsEnabled").orElse(false),
                    r.enumValue("LoggingLevel", LoggingLevel.class).orElse(null),
                    r.integer("ThrottlingBurstLimit").orElse(null),
                    r.number("ThrottlingRateLimit").orElse(null));
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }
}
