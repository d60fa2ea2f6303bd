package dev.apigw.runtime.websocket;

/**
 * PostToConnection's data passes the 128 KB message quota: {@code @connections}' 413 {@code
 * PayloadTooLargeException} (reference 7.4, 9.5).
 */
public final class PayloadTooLargeException extends ManageConnectionsException {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(int bytes) {
        super(413, "Message of " + bytes + " bytes exceeds the maximum of 131072 bytes");
    }
}
