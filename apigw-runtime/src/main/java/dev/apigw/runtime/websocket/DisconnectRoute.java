package dev.apigw.runtime.websocket;

import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code $disconnect} route of a WebSocket API (reference 2.6, 7.3): called after a connection
 * closed, with the close's status code and reason, best effort: a failed integration is logged and
 * nothing else happens. Without a route or an integration only its access-log line is written
 * ({@link RouteEvent}, status 200). Immutable and thread-safe.
 */
final class DisconnectRoute {
    private static final Logger LOG = LoggerFactory.getLogger(DisconnectRoute.class);

    private final RouteIntegration integration;
    private final WebSocketEvents events;
    private final Gateway gateway;
    private final WebSocketObserver observer;

    DisconnectRoute(
            RouteIntegration integration,
            WebSocketEvents events,
            Gateway gateway,
            WebSocketObserver observer) {
        this.integration = integration;
        this.events = events;
        this.gateway = gateway;
        this.observer = observer;
    }

    /** Runs the route for {@code connection}, closed with {@code statusCode} and {@code reason}. */
    void run(ConnectionRecord connection, int statusCode, String reason) {
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(
                        WebSocketRoute.DISCONNECT,
                        RequestIds.extendedRequestId(gateway.random()),
                        gateway.clock().instant());
        RouteEvent event = observer.start(connection, call, Optional.empty(), Optional.empty());
        if (integration == null) {
            event.finish(200);
            return;
        }
        RouteAnswer answer =
                event.invoke(
                        integration,
                        RouteRequest.of(
                                connection,
                                call,
                                () -> events.disconnect(connection, call, statusCode, reason)));
        if (answer.failed()) {
            LOG.warn(
                    "$disconnect of {} on {} failed with {}",
                    connection.connectionId(),
                    connection.apiId(),
                    answer.statusCode());
        }
        event.finish(answer.statusCode());
    }
}
