package dev.apigw.runtime.websocket;

import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Routes the messages of a WebSocket API (reference 2.6, 7.3): the route its {@link RouteSelector}
 * chooses, else the error frame {@code Forbidden}; the route's integration is called with the
 * message ({@link RouteRequest}), a failed one answers the error frame of its status ({@link
 * ErrorFrames}), and what the integration answered goes back only on a two-way route. A request id
 * and a message id per message, from the account's random source. Immutable and thread-safe.
 */
final class MessageRouter {
    private final RouteSelector selector;
    private final Map<String, RouteIntegration> integrations;
    private final WebSocketEvents events;
    private final Gateway gateway;

    MessageRouter(
            WebSocketApi api,
            Map<String, RouteIntegration> integrations,
            WebSocketEvents events,
            Gateway gateway) {
        this.selector = new RouteSelector(api);
        this.integrations = integrations;
        this.events = events;
        this.gateway = gateway;
    }

    /**
     * Routes {@code frame}, which {@code connection} sent at {@code now}, answering on {@code
     * sink}.
     */
    void route(ConnectionRecord connection, ConnectionSink sink, Frame frame, Instant now) {
        String requestId = RequestIds.extendedRequestId(gateway.random());
        Optional<WebSocketRoute> route = selector.select(frame);
        if (route.isEmpty()) {
            OpenConnections.send(
                    sink,
                    ErrorFrames.of(ErrorFrames.FORBIDDEN, connection.connectionId(), requestId));
            return;
        }
        RouteIntegration integration = integrations.get(route.get().routeKey());
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(route.get().routeKey(), requestId, now);
        String messageId = RequestIds.extendedRequestId(gateway.random());
        RouteAnswer answer =
                integration == null
                        ? RouteAnswer.failure(500)
                        : integration.invoke(
                                new RouteRequest(
                                        connection,
                                        call,
                                        Optional.of(messageId),
                                        Optional.of(frame),
                                        () -> events.message(connection, call, messageId, frame)));
        if (answer.failed()) {
            OpenConnections.send(
                    sink,
                    ErrorFrames.of(
                            ErrorFrames.messageOf(answer.statusCode()),
                            connection.connectionId(),
                            requestId));
        } else if (route.get().isTwoWay() && answer.body().isPresent()) {
            OpenConnections.send(sink, answer.body().get());
        }
    }
}
