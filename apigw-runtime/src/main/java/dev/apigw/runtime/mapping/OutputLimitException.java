package dev.apigw.runtime.mapping;

/** A template's output grew past {@link TemplateEngine#MAX_OUTPUT_CHARS}. */
final class OutputLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputLimitException(String message) {
        super(message, null, false, false);
    }
}
