package dev.apigw.runtime.websocket;

/**
 * The account's throttle refused an {@code @connections} call: {@code @connections}' 429 {@code
 * LimitExceededException} (reference 7.4, 9.4: the account's limit is shared by WebSocket callback
 * APIs too). The message text is unconfirmed (docs/differences.md).
 */
public final class LimitExceededException extends ManageConnectionsException {
    private static final long serialVersionUID = 1L;

    LimitExceededException() {
        super(429, "Too Many Requests");
    }
}
