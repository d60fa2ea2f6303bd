package dev.apigw.runtime.mapping;

/**
 * A template asked for the JSON of a payload that is not JSON ({@code $input.path} or {@code
 * $input.json} over a form or text body).
 */
final class BodyNotJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyNotJsonException(String reason) {
        super(reason, null, false, false);
    }
}
