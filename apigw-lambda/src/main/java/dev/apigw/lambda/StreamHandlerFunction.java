package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * Runs a {@link RequestStreamHandler}: the payload as its input stream, its output returned. The
 * output holds at most {@link LambdaResult#MAX_RESPONSE_BYTES}; a handler writing more gets an
 * {@link IOException} and the call Lambda's {@link LambdaResult#responseSizeTooLarge()} error,
 * whatever the handler then does (reference 9.5).
 */
final class StreamHandlerFunction implements LambdaFunction {
    private final RequestStreamHandler handler;

    StreamHandlerFunction(RequestStreamHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        BoundedOutput output = new BoundedOutput();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(invocation.payload()),
                    output,
                    new LocalContext(invocation));
        } catch (IOException | RuntimeException e) {
            return output.overflowed()
                    ? LambdaResult.responseSizeTooLarge()
                    : FunctionErrors.of(e, StreamHandlerFunction.class);
        } catch (Error e) {
            return FunctionErrors.ofError(e, StreamHandlerFunction.class);
        }
        return output.overflowed()
                ? LambdaResult.responseSizeTooLarge()
                : LambdaResult.of(output.toByteArray());
    }
}
