package dev.apigw.runtime.websocket;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.metrics.WebSocketMeters;
import dev.apigw.runtime.observe.ExecutionLogStep;
import dev.apigw.runtime.pipeline.AccessLogFormat;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * What one stage of a WebSocket API observes of its events (reference 10.1, 10.2, 10.3), compiled
 * once when its gateway is built: the stage's meters on the account's registry ({@link
 * WebSocketMeters}, none without a registry), the logger of its execution log group {@code
 * API-Gateway-Execution-Logs_{apiId}/{stageName}} (written at each route's {@code loggingLevel}),
 * and its access-log format ({@code accessLogSettings}, none without). Each {@code $connect},
 * message and {@code $disconnect} is a {@link RouteEvent} it starts. Immutable and thread-safe.
 */
final class WebSocketObserver {
    private static final ContextVariables NO_VARIABLES = ContextVariables.builder().build();

    private final Gateway gateway;
    private final WebSocketStage stage;
    private final String domainName;
    private final WebSocketMeters meters;
    private final Logger executionLog;
    private final AccessLogFormat accessLog;
    private final Set<String> mockRoutes;

    private WebSocketObserver(
            Gateway gateway, WebSocketApi api, WebSocketStage stage, String domainName) {
        this.gateway = gateway;
        this.stage = stage;
        this.domainName = domainName;
        this.meters =
                gateway.meterRegistry()
                        .map(r -> WebSocketMeters.of(r, api.id(), stage))
                        .orElse(null);
        this.executionLog =
                gateway.executionLogs()
                        .getLogger(
                                ExecutionLogStep.LOG_GROUP_PREFIX
                                        + api.id()
                                        + "/"
                                        + stage.stageName());
        this.accessLog =
                stage.accessLogSettings()
                        .map(s -> AccessLogFormat.compile(stage.stageName(), s, NO_VARIABLES))
                        .orElse(null);
        this.mockRoutes = mockRoutes(api);
    }

    /**
     * Compiles what the stage {@code stage} of {@code api} observes; fails when its access-log
     * format is invalid.
     */
    static WebSocketObserver of(
            Gateway gateway, WebSocketApi api, WebSocketStage stage, String domainName) {
        return new WebSocketObserver(gateway, api, stage, domainName);
    }

    /** The routes whose integration is {@code MOCK}, which have no integration latency. */
    private static Set<String> mockRoutes(WebSocketApi api) {
        Set<String> mocks = new HashSet<>();
        for (WebSocketRoute route : api.routes().values()) {
            route.integrationId()
                    .map(id -> api.integrations().get(id))
                    .filter(i -> i.integrationType() == IntegrationType.MOCK)
                    .ifPresent(i -> mocks.add(route.routeKey()));
        }
        return Set.copyOf(mocks);
    }

    /**
     * Starts the event {@code call} of {@code connection}: counts a {@code $connect} ({@code
     * ConnectCount}) or a client's message ({@code MessageCount}) and opens its execution log at
     * its route's level. {@code call}'s route key is null for a message no route matched.
     */
    RouteEvent start(
            ConnectionRecord connection,
            WebSocketEvents.Call call,
            Optional<String> messageId,
            Optional<Frame> message) {
        RouteEvent event =
                new RouteEvent(this, connection, call, messageId, gateway.clock().instant());
        String routeKey = call.routeKey();
        if (WebSocketRoute.CONNECT.equals(routeKey)) {
            meters(m -> m.connect(routeKey));
        } else if (!WebSocketRoute.DISCONNECT.equals(routeKey)) {
            meters(m -> m.message(routeKey));
        }
        event.open(message);
        return event;
    }

    /**
     * Counts a frame sent to a client ({@code MessageCount}): a route response or an error frame of
     * the route {@code routeKey} (null for none), or an {@code @connections} post.
     */
    void sent(String routeKey) {
        meters(m -> m.message(routeKey));
    }

    /** Records in the stage's meters, when the account has a registry. */
    void meters(Consumer<WebSocketMeters> record) {
        if (meters != null) {
            record.accept(meters);
        }
    }

    Gateway gateway() {
        return gateway;
    }

    WebSocketStage stage() {
        return stage;
    }

    String domainName() {
        return domainName;
    }

    Logger executionLog() {
        return executionLog;
    }

    /** Returns the stage's access-log format, or null without access logging. */
    AccessLogFormat accessLog() {
        return accessLog;
    }

    /** Returns whether the route's integration is a {@code MOCK}, which has no latency. */
    boolean isMock(String routeKey) {
        return routeKey != null && mockRoutes.contains(routeKey);
    }
}
