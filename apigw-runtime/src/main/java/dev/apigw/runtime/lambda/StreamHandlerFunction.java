package dev.apigw.runtime.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;

/** Runs a {@link RequestStreamHandler}: the payload as its input stream, its output returned. */
final class StreamHandlerFunction implements LambdaFunction {
    private final RequestStreamHandler handler;

    StreamHandlerFunction(RequestStreamHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(invocation.payload()), output,
                    new LocalContext(invocation));
        } catch (IOException | RuntimeException e) {
            return FunctionErrors.of(e);
        } catch (Error e) {
            return FunctionErrors.ofError(e);
        }
        return LambdaResult.of(output.toByteArray());
    }
}
