package dev.apigw.runtime.websocket;

import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code $connect} of a WebSocket API (reference 2.6, 3.3, 7.3): access control first ({@link
 * ConnectAccess}: 401 or 403 with AWS's bodies, 500 for a failing authorizer), then the route's
 * integration, whose answer decides: none or a 2xx accepts and opens the connection ({@link
 * OpenConnections}), another status refuses with that status and the answer's body, a failed
 * integration refuses with its status and {@code {"message": "..."}}. Of the answer's headers only
 * {@code Sec-WebSocket-Protocol} goes on the 101. Never throws for what the request or the
 * integration holds. Immutable and thread-safe.
 */
final class ConnectHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectHandshake.class);
    private static final String INTERNAL_ERROR_BODY = "{\"message\": \"Internal server error\"}";
    private static final String THROTTLED_BODY = "{\"message\":\"Too Many Requests\"}";

    private final ConnectionRate connectionRate;
    private final RouteThrottles throttles;
    private final ConnectAccess access;
    private final RouteIntegration integration;
    private final WebSocketEvents events;
    private final OpenConnections connections;
    private final Gateway gateway;
    private final String apiId;
    private final String stageName;
    private final WebSocketObserver observer;

    ConnectHandshake(
            ConnectionRate connectionRate,
            RouteThrottles throttles,
            ConnectAccess access,
            RouteIntegration integration,
            WebSocketEvents events,
            OpenConnections connections,
            Gateway gateway,
            String apiId,
            String stageName,
            WebSocketObserver observer) {
        this.connectionRate = connectionRate;
        this.throttles = throttles;
        this.access = access;
        this.integration = integration;
        this.events = events;
        this.connections = connections;
        this.gateway = gateway;
        this.apiId = apiId;
        this.stageName = stageName;
        this.observer = observer;
    }

    /** Runs {@code $connect} for {@code request}; on acceptance opens it with {@code sink}. */
    ConnectResult connect(ConnectRequest request, ConnectionSink sink) {
        Instant now = gateway.clock().instant();
        ConnectionRecord connection =
                new ConnectionRecord(
                        RequestIds.extendedRequestId(gateway.random()),
                        apiId,
                        stageName,
                        now,
                        now,
                        request.sourceIp(),
                        request.userAgent(),
                        request.headers(),
                        request.queryParameters(),
                        Map.of());
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(
                        WebSocketRoute.CONNECT,
                        RequestIds.extendedRequestId(gateway.random()),
                        now);
        RouteEvent event = observer.start(connection, call, Optional.empty(), Optional.empty());
        ConnectResult result = connect(request, sink, connection, call, event);
        event.finish(result instanceof ConnectResult.Refused refused ? refused.statusCode() : 200);
        return result;
    }

    private ConnectResult connect(
            ConnectRequest request,
            ConnectionSink sink,
            ConnectionRecord connection,
            WebSocketEvents.Call call,
            RouteEvent event) {
        RouteAnswer answer;
        try {
            if (!connectionRate.tryConnect() || !throttles.tryTake(WebSocketRoute.CONNECT)) {
                event.refused(429, ErrorFrames.TOO_MANY_REQUESTS);
                return new ConnectResult.Refused(429, THROTTLED_BODY);
            }
            ConnectAccess.Outcome outcome = access.check(request, connection, events, call);
            if (outcome instanceof ConnectAccess.Outcome.Refused refused) {
                event.refused(refused.statusCode(), refusalMessage(refused.statusCode()));
                return new ConnectResult.Refused(
                        refused.statusCode(), refusalBody(refused.statusCode()));
            }
            connection = ((ConnectAccess.Outcome.Granted) outcome).connection();
            event.connection(connection);
            answer = runConnect(connection, call, event);
        } catch (RuntimeException e) {
            LOG.warn("$connect of {} failed", apiId, e);
            answer = RouteAnswer.failure(500);
        }
        if (answer.failed()) {
            return new ConnectResult.Refused(
                    answer.statusCode(),
                    "{\"message\": \"" + ErrorFrames.messageOf(answer.statusCode()) + "\"}");
        }
        if (!answer.isSuccess()) {
            return new ConnectResult.Refused(
                    answer.statusCode(), answer.body().map(Frame::asText).orElse(""));
        }
        try {
            connections.open(connection, sink);
        } catch (RuntimeException e) {
            LOG.warn("the connection store refused a connection of {}", apiId, e);
            return new ConnectResult.Refused(500, INTERNAL_ERROR_BODY);
        }
        return new ConnectResult.Accepted(connection.connectionId(), subprotocol(answer));
    }

    private RouteAnswer runConnect(
            ConnectionRecord connection, WebSocketEvents.Call call, RouteEvent event) {
        if (integration == null) {
            return RouteAnswer.OK;
        }
        return event.invoke(
                integration,
                RouteRequest.of(connection, call, () -> events.connect(connection, call)));
    }

    /** The message of an upgrade refused by {@code $connect}'s access control. */
    private static String refusalMessage(int statusCode) {
        return switch (statusCode) {
            case 401 -> "Unauthorized";
            case 403 -> ErrorFrames.FORBIDDEN;
            default -> ErrorFrames.INTERNAL_SERVER_ERROR;
        };
    }

    /** The body of an upgrade refused by {@code $connect}'s access control (reference 3.3). */
    private static String refusalBody(int statusCode) {
        return switch (statusCode) {
            case 401 -> "{\"message\":\"Unauthorized\"}";
            case 403 -> "{\"message\":\"Forbidden\"}";
            default -> INTERNAL_ERROR_BODY;
        };
    }

    private static Map<String, String> subprotocol(RouteAnswer answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers()
                .forEach(
                        (name, value) -> {
                            if (name.equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                                headers.put("Sec-WebSocket-Protocol", value);
                            }
                        });
        return headers;
    }
}
