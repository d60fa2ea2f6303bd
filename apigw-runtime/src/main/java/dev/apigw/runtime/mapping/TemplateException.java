package dev.apigw.runtime.mapping;

/** A mapping template failed while rendering; API Gateway answers 500. */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
