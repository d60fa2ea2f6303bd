package dev.apigw.runtime.websocket;

import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a route's integration is called with (reference 2.6, 7.3): the connection, the call (route
 * key, request id, time), the message and its id on a message route, and the route's Lambda proxy
 * event, built only if the integration asks for it. Immutable.
 *
 * @param connection the connection
 * @param call the route key, request id and time of this call
 * @param messageId the message's id, on a message route
 * @param message the message, on a message route
 * @param proxyEvent builds the Lambda proxy event of this call
 */
record RouteRequest(
        ConnectionRecord connection,
        WebSocketEvents.Call call,
        Optional<String> messageId,
        Optional<Frame> message,
        Supplier<byte[]> proxyEvent,
        MessageJson json) {

    /** A request whose message's JSON is parsed when first needed. */
    RouteRequest(
            ConnectionRecord connection,
            WebSocketEvents.Call call,
            Optional<String> messageId,
            Optional<Frame> message,
            Supplier<byte[]> proxyEvent) {
        this(connection, call, messageId, message, proxyEvent, new MessageJson(message));
    }

    /** Returns a {@code $connect} or {@code $disconnect} call, which has no message. */
    static RouteRequest of(
            ConnectionRecord connection, WebSocketEvents.Call call, Supplier<byte[]> event) {
        return new RouteRequest(connection, call, Optional.empty(), Optional.empty(), event);
    }

    /**
     * Returns {@code CONNECT}, {@code DISCONNECT} or {@code MESSAGE} ({@code $context.eventType}).
     */
    String eventType() {
        if (call.routeKey() == null) {
            return "MESSAGE";
        }
        return switch (call.routeKey()) {
            case WebSocketRoute.CONNECT -> "CONNECT";
            case WebSocketRoute.DISCONNECT -> "DISCONNECT";
            default -> "MESSAGE";
        };
    }

    /** Returns whether this is the {@code $connect} call, which has the upgrade's headers. */
    boolean isConnect() {
        return WebSocketRoute.CONNECT.equals(call.routeKey());
    }

    /**
     * Returns the message as templates and mappings read it: a text frame's text, a binary frame's
     * bytes in base64, empty without a message.
     */
    String bodyText() {
        return message.map(
                        f -> f.text() ? f.asText() : Base64.getEncoder().encodeToString(f.data()))
                .orElse("");
    }

    /** Returns the message's bytes as sent, empty without a message. */
    byte[] bodyBytes() {
        return message.map(Frame::data).orElse(new byte[0]);
    }
}
