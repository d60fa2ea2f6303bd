package dev.apigw.runtime.websocket;

import java.util.Map;
import java.util.Objects;

/**
 * How {@link WebSocketGateway#connect} ended (reference 2.6, 7.3): the connection is accepted (the
 * host completes the upgrade with 101 and these headers) or refused (the host answers the upgrade
 * request with this HTTP status and body, and opens nothing). Immutable.
 */
public sealed interface ConnectResult permits ConnectResult.Accepted, ConnectResult.Refused {
    /**
     * The connection is open.
     *
     * @param connectionId its id, for {@code @connections} and {@link WebSocketGateway#message}
     * @param headers the headers to add to the 101 answer: {@code Sec-WebSocket-Protocol} when the
     *     {@code $connect} integration chose a subprotocol
     */
    record Accepted(String connectionId, Map<String, String> headers) implements ConnectResult {
        /** Checks and copies. */
        public Accepted {
            Objects.requireNonNull(connectionId, "connectionId");
            headers = Map.copyOf(headers);
        }
    }

    /**
     * The upgrade is refused.
     *
     * @param statusCode the HTTP status to answer with
     * @param body the answer's body
     */
    record Refused(int statusCode, String body) implements ConnectResult {
        /** Checks. */
        public Refused {
            Objects.requireNonNull(body, "body");
        }
    }
}
