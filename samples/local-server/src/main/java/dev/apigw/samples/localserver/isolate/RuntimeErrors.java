package dev.apigw.samples.localserver.isolate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The function errors Lambda itself reports, not the function's code: a timed-out invocation and a
 * runtime process that exited. Each is an {@code Unhandled} function error whose payload is {@code
 * {"errorType":…,"errorMessage":"RequestId: <id> Error: …"}}, as the Lambda runtime interface
 * emulator writes them.
 */
final class RuntimeErrors {
    private static final JsonFactory JSON = new JsonFactory();

    private RuntimeErrors() {}

    /**
     * Returns Lambda's answer for an invocation abandoned at its timeout: {@code Sandbox.Timedout},
     * {@code RequestId: <id> Error: Task timed out after 3.00 seconds}.
     */
    static LambdaResult timedOut(String requestId, int timeoutSeconds) {
        return error(
                "Sandbox.Timedout",
                "RequestId: "
                        + requestId
                        + " Error: Task timed out after "
                        + timeoutSeconds
                        + ".00 seconds");
    }

    /**
     * Returns Lambda's answer for an invocation whose runtime process exited: {@code
     * Runtime.ExitError}, {@code RequestId: <id> Error: Runtime exited with error: exit status 3}
     * (or {@code signal: killed} for a process ended by a signal).
     */
    static LambdaResult exited(String requestId, int exitValue) {
        return error(
                "Runtime.ExitError",
                "RequestId: "
                        + requestId
                        + " Error: Runtime exited with error: "
                        + exitStatus(exitValue));
    }

    /**
     * Returns the error a runtime reported with a {@code Lambda-Runtime-Function-Error-Type} header
     * and no body: Lambda builds the error from the header alone.
     */
    static LambdaResult fromErrorType(String errorType) {
        return error(errorType, "");
    }

    /**
     * Returns how Go's {@code os.ProcessState} (which Lambda's messages print) names an exit: a
     * code above 128 is the JVM's report of a signal.
     */
    static String exitStatus(int exitValue) {
        if (exitValue <= 128) {
            return "exit status " + exitValue;
        }
        switch (exitValue - 128) {
            case 6:
                return "signal: aborted";
            case 9:
                return "signal: killed";
            case 11:
                return "signal: segmentation fault";
            case 15:
                return "signal: terminated";
            default:
                return "exit status " + exitValue;
        }
    }

    private static LambdaResult error(String errorType, String errorMessage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("errorType", errorType);
            g.writeStringField("errorMessage", errorMessage);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LambdaResult.functionError(out.toByteArray());
    }
}
