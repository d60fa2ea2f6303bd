package dev.apigw.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reports an exception thrown by a handler as the Lambda Java runtime does: {@code errorMessage} is
 * the exception's localized message, else its class name; {@code errorType} its class name; {@code
 * stackTrace} one line per stack frame of the function, cut where the adapter called the handler,
 * so that no frame of the gateway, its threads or the host's server shows (in Lambda the trace ends
 * at the runtime's call of the handler; reference 6.1 shows one).
 */
final class FunctionErrors {
    private static final JsonFactory JSON = new JsonFactory();

    private FunctionErrors() {}

    /**
     * Returns what Lambda answers for a call that ran past the function's timeout: an unhandled
     * function error {@code {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error:
     * Task timed out after 3.00 seconds"}}, in that order, as a real Lambda answer recorded in
     * floci-io/floci issue 3314 reads (the changelog of seek-oss/aws-codedeploy-hooks 2.1.3 quotes
     * the same fields). Lambda used to answer {@code {"errorMessage":"<time> <id> Task timed out
     * after 3.00 seconds"}}.
     */
    static LambdaResult timedOut(String awsRequestId, int timeoutSeconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("errorType", "Sandbox.Timedout");
            g.writeStringField(
                    "errorMessage",
                    "RequestId: "
                            + awsRequestId
                            + " Error: Task timed out after "
                            + String.format(Locale.ROOT, "%.2f", (double) timeoutSeconds)
                            + " seconds");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LambdaResult.functionError(out.toByteArray());
    }

    /**
     * Returns the init error of a handler class whose loading failed (a static initializer threw, a
     * class it needs is missing), as the Lambda Java runtime reports it ({@code
     * UserFault.makeInitErrorUserFault} of aws-lambda-java-runtime-interface-client): {@code
     * errorMessage} {@code Error loading class <class>}, then {@code : <message>} when the error
     * has one; {@code errorType} the error's class; no stack trace.
     */
    static LambdaResult classInitError(String className, Throwable error) {
        String message = error.getMessage();
        return LambdaResult.functionError(
                payload(
                        "Error loading class "
                                + className
                                + (message == null ? "" : ": " + message),
                        error.getClass().getName()));
    }

    /**
     * Returns the init error of a handler whose constructor threw, as the Lambda Java runtime
     * reports it ({@code UserFault.makeUserFault(cause, true)}): the exception's message, else its
     * class name, and its class; no stack trace.
     */
    static LambdaResult constructorInitError(Throwable thrown) {
        String message = thrown.getLocalizedMessage();
        String type = thrown.getClass().getName();
        return LambdaResult.functionError(payload(message == null ? type : message, type));
    }

    /** {@code {"errorMessage":…,"errorType":…}}. */
    private static byte[] payload(String errorMessage, String errorType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("errorMessage", errorMessage);
            g.writeStringField("errorType", errorType);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Returns the function error of an {@link Error} a handler threw, as Lambda reports it;
     * rethrows a {@link VirtualMachineError} other than {@link StackOverflowError}, which leaves
     * the JVM in no state to go on.
     */
    static LambdaResult ofError(Error thrown, Class<?> adapter) {
        if (thrown instanceof VirtualMachineError && !(thrown instanceof StackOverflowError)) {
            throw thrown;
        }
        return of(thrown, adapter);
    }

    /**
     * Returns the function error of a thrown exception; its stack trace stops before the first
     * frame of {@code adapter}, the class that called the handler.
     */
    static LambdaResult of(Throwable thrown, Class<?> adapter) {
        if (thrown instanceof HandlerMethod.Thrown) {
            Throwable cause = thrown.getCause();
            return cause instanceof Error
                    ? ofError((Error) cause, HandlerMethod.class)
                    : of(cause, HandlerMethod.class);
        }
        String type = thrown.getClass().getName();
        String message = thrown.getLocalizedMessage();
        List<String> stackTrace = new ArrayList<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals(adapter.getName())) {
                break;
            }
            stackTrace.add(frame.toString());
        }
        return LambdaResult.functionError(message == null ? type : message, type, stackTrace);
    }
}
