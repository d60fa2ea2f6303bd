package dev.apigw.lambda;

/**
 * Thrown when a template function's code cannot be found or loaded. Its message is one line that
 * starts with the function's logical id and says what to do, for example {@code HelloWorldFunction:
 * code not built: CodeUri HelloWorldFunction is a source directory (pom.xml, no classes); run 'sam
 * build' or 'mvn package' first}.
 */
public final class FunctionCodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Makes an exception with this one-line message. */
    public FunctionCodeException(String message) {
        super(message);
    }

    /** Makes an exception with this one-line message and its cause. */
    public FunctionCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
