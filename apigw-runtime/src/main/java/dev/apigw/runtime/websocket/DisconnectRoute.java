package dev.apigw.runtime.websocket;

import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.spi.ConnectionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code $disconnect} route of a WebSocket API (reference 2.6, 7.3): called after a connection
 * closed, with the close's status code and reason, best effort: a failed integration is logged and
 * nothing else happens. Does nothing without a route or an integration. Immutable and thread-safe.
 */
final class DisconnectRoute {
    private static final Logger LOG = LoggerFactory.getLogger(DisconnectRoute.class);

    private final RouteIntegration integration;
    private final WebSocketEvents events;
    private final Gateway gateway;

    DisconnectRoute(RouteIntegration integration, WebSocketEvents events, Gateway gateway) {
        this.integration = integration;
        this.events = events;
        this.gateway = gateway;
    }

    /** Runs the route for {@code connection}, closed with {@code statusCode} and {@code reason}. */
    void run(ConnectionRecord connection, int statusCode, String reason) {
        if (integration == null) {
            return;
        }
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(
                        WebSocketRoute.DISCONNECT,
                        RequestIds.extendedRequestId(gateway.random()),
                        gateway.clock().instant());
        RouteAnswer answer =
                integration.invoke(
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
    }
}
