package dev.apigw.lambda;

import dev.apigw.runtime.spi.LambdaResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports an exception thrown by a handler as the Lambda Java runtime does: {@code errorMessage} is
 * the exception's localized message, else its class name; {@code errorType} its class name; {@code
 * stackTrace} one line per stack frame of the function, cut where the adapter called the handler,
 * so that no frame of the gateway, its threads or the host's server shows (in Lambda the trace ends
 * at the runtime's call of the handler; reference 6.1 shows one).
 */
final class FunctionErrors {
    private FunctionErrors() {}

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
