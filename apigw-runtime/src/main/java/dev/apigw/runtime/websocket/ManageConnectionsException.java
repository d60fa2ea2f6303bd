package dev.apigw.runtime.websocket;

/**
 * An error of the {@code @connections} management API (reference 7.4), named and numbered as the
 * service answers it: {@link GoneException} (410) and {@link PayloadTooLargeException} (413). The
 * methods of {@link WebSocketGateway} throw it where the AWS SDK's {@code
 * ApiGatewayManagementApiClient} would.
 */
public abstract class ManageConnectionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    ManageConnectionsException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /** Returns the HTTP status the service answers with. */
    public int statusCode() {
        return statusCode;
    }

    /** Returns the error's type, the service's {@code x-amzn-ErrorType}: the class's name. */
    public String errorType() {
        return getClass().getSimpleName();
    }
}
