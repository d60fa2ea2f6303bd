package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a {@link RequestStreamHandler}: the payload as its input stream, its output returned. The
 * output holds at most {@link LambdaResult#MAX_RESPONSE_BYTES}; a handler writing more gets an
 * {@link IOException} and the call Lambda's {@link LambdaResult#responseSizeTooLarge()} error,
 * whatever the handler then does (reference 9.5).
 */
final class StreamHandlerFunction implements LambdaFunction {
    private final RequestStreamHandler handler;
    private final Function<LambdaInvocation, Context> contexts;

    StreamHandlerFunction(RequestStreamHandler handler) {
        this(handler, LocalContext::new);
    }

    /** A function whose calls get the contexts {@code contexts} makes. */
    StreamHandlerFunction(
            RequestStreamHandler handler, Function<LambdaInvocation, Context> contexts) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        BoundedOutput output = new BoundedOutput();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(invocation.payload()),
                    output,
                    contexts.apply(invocation));
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
