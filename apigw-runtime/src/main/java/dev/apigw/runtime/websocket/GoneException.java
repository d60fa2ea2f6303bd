package dev.apigw.runtime.websocket;

/**
 * The connection does not exist or is closed: {@code @connections}' 410 {@code GoneException}
 * (reference 7.4), for an unknown id, a closed connection, and a connection still inside its {@code
 * $connect} integration.
 */
public final class GoneException extends ManageConnectionsException {
    private static final long serialVersionUID = 1L;

    GoneException(String connectionId) {
        super(410, "Connection " + connectionId + " is gone");
    }
}
