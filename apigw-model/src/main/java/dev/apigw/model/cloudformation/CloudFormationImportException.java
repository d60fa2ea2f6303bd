package dev.apigw.model.cloudformation;

/**
 * A template that cannot be imported; the message starts with the place, as a property path from
 * the template's root ({@code Resources.OrdersApi.Properties.Body.paths./orders.get: ...}).
 */
public final class CloudFormationImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /** Creates the exception for a place and a reason. */
    public CloudFormationImportException(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason);
        this.path = path;
    }

    /** Creates the exception for a place and a reason, with its cause. */
    public CloudFormationImportException(String path, String reason, Throwable cause) {
        this(path, reason);
        initCause(cause);
    }

    /** Returns the property path of the place, empty for the whole template. */
    public String path() {
        return path;
    }
}
