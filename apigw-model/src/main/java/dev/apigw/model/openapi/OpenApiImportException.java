package dev.apigw.model.openapi;

import java.util.Objects;

/**
 * Thrown when a definition cannot be imported: the message starts with the JSON pointer of the
 * place, e.g. {@code /paths/~1pets/get/x-amazon-apigateway-integration/uri: unresolved placeholder
 * ${Queue.QueueName}} (AWS answers such input with 400 {@code BadRequestException}, reference
 * section 4.3 and Appendix B).
 */
public final class OpenApiImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    /** Creates an exception for a place ({@code ""} for the whole document). */
    public OpenApiImportException(String pointer, String message) {
        super(pointer.isEmpty() ? message : pointer + ": " + message);
        this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    /** Creates an exception for a place, with its cause. */
    public OpenApiImportException(String pointer, String message, Throwable cause) {
        super(pointer.isEmpty() ? message : pointer + ": " + message, cause);
        this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    /** Returns the JSON pointer of the place in the definition; {@code ""} for the root. */
    public String pointer() {
        return pointer;
    }
}
