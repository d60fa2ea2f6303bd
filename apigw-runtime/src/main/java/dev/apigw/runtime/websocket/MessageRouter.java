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
    private final RouteThrottles throttles;
    private final WebSocketObserver observer;

    MessageRouter(
            WebSocketApi api,
            Map<String, RouteIntegration> integrations,
            WebSocketEvents events,
            Gateway gateway,
            RouteThrottles throttles,
            WebSocketObserver observer) {
        this.selector = new RouteSelector(api);
        this.integrations = integrations;
        this.events = events;
        this.gateway = gateway;
        this.throttles = throttles;
        this.observer = observer;
    }

    /**
     * Receives {@code frame} from the connection {@code connectionId} at {@code now}: dropped when
     * the connection is not open; a frame past {@link WebSocketGateway#MAX_MESSAGE_BYTES} closes
     * its sink with 1009 and returns false (the caller ends the connection); else the connection is
     * marked active and the frame routed.
     */
    boolean receive(OpenConnections connections, String connectionId, Frame frame, Instant now) {
        Optional<ConnectionSink> sink = connections.sink(connectionId);
        Optional<ConnectionRecord> connection = connections.record(connectionId);
        if (sink.isEmpty() || connection.isEmpty() || frame == null) {
            return true;
        }
        if (frame.length() > WebSocketGateway.MAX_MESSAGE_BYTES) {
            OpenConnections.close(sink.get(), WebSocketGateway.MESSAGE_TOO_BIG, "Message too big");
            return false;
        }
        connections.touch(connectionId, now);
        route(connection.get(), sink.get(), frame, now);
        return true;
    }

    /**
     * Routes {@code frame}, which {@code connection} sent at {@code now}, answering on {@code
     * sink}.
     */
    private void route(ConnectionRecord connection, ConnectionSink sink, Frame frame, Instant now) {
        String requestId = RequestIds.extendedRequestId(gateway.random());
        MessageJson json = new MessageJson(Optional.of(frame));
        Optional<WebSocketRoute> route = selector.select(json);
        String messageId = RequestIds.extendedRequestId(gateway.random());
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(
                        route.map(WebSocketRoute::routeKey).orElse(null), requestId, now);
        RouteEvent event =
                observer.start(connection, call, Optional.of(messageId), Optional.of(frame));
        if (route.isEmpty()) {
            refuse(event, sink, 403, ErrorFrames.FORBIDDEN, connection, requestId);
            return;
        }
        if (!throttles.tryTake(route.get().routeKey())) {
            refuse(event, sink, 429, ErrorFrames.TOO_MANY_REQUESTS, connection, requestId);
            return;
        }
        RouteIntegration integration = integrations.get(route.get().routeKey());
        RouteAnswer answer =
                integration == null
                        ? RouteAnswer.failure(500)
                        : event.invoke(
                                integration,
                                new RouteRequest(
                                        connection,
                                        call,
                                        Optional.of(messageId),
                                        Optional.of(frame),
                                        () -> events.message(connection, call, messageId, frame),
                                        json));
        if (answer.failed()) {
            OpenConnections.send(
                    sink,
                    ErrorFrames.of(
                            ErrorFrames.messageOf(answer.statusCode()),
                            connection.connectionId(),
                            requestId));
            event.sent();
        } else if (route.get().isTwoWay() && answer.body().isPresent()) {
            OpenConnections.send(sink, answer.body().get());
            event.sent();
        }
        event.finish(answer.statusCode());
    }

    /** Answers API Gateway's error frame of {@code statusCode} before any integration. */
    private static void refuse(
            RouteEvent event,
            ConnectionSink sink,
            int statusCode,
            String message,
            ConnectionRecord connection,
            String requestId) {
        event.refused(statusCode, message);
        OpenConnections.send(sink, ErrorFrames.of(message, connection.connectionId(), requestId));
        event.sent();
        event.finish(statusCode);
    }
}
