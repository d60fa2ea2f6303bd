package dev.apigw.runtime.mapping;

/**
 * A rendering went past one of its bounds (time, work steps, the size of a string, number or
 * collection it was about to build); the template fails with 500 as any failing template does
 * (reference 1.1).
 */
final class RenderLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderLimitException(String message) {
        super(message, null, false, false);
    }
}
