package dev.apigw.model.openapi;

import java.util.Objects;

/**
 * Something import accepted but did not (or not fully) carry into the API, as the {@code warnings}
 * of AWS's {@code ImportRestApi} response (reference section 4.3).
 *
 * @param pointer the JSON pointer of the place in the definition ({@code ""} for the root)
 * @param message what was ignored or changed, and why
 */
public record ImportWarning(String pointer, String message) {
    /** Validates the fields. */
    public ImportWarning {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code pointer: message}. */
    @Override
    public String toString() {
        return pointer.isEmpty() ? message : pointer + ": " + message;
    }
}
