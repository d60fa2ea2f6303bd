package dev.apigw.runtime.mapping;

/**
 * A mapping template failed while rendering: a method threw (a second override of one name, {@code
 * $util.base64Decode} of text that is not Base64), the output grew past its limit, or the template
 * asked for the JSON of a payload that is not JSON.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a template failed. */
    public enum Failure {
        /** {@code $input.path} or {@code $input.json} over a payload that is not JSON. */
        BODY_NOT_JSON,
        /** Anything else: API Gateway answers 500. */
        TEMPLATE_ERROR
    }

    private final Failure failure;

    TemplateException(Failure failure, String message, Throwable cause) {
        super(message, cause, false, false);
        this.failure = failure;
    }

    /** Returns why the template failed. */
    public Failure failure() {
        return failure;
    }
}
