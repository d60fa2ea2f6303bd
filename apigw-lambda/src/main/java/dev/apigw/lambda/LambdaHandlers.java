package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.runtime.spi.LambdaFunction;

/**
 * Adapts Lambda handler classes to {@link LambdaFunction}, so the handler a user deploys to Lambda
 * runs unchanged in-process. Each call gets a {@code Context} with the invocation's request id,
 * function name and ARN, version {@code $LATEST}, 512 MB and the integration timeout as remaining
 * time; its logger writes through SLF4J. An exception thrown by the handler becomes a function
 * error with Lambda's Java runtime shape: {@code errorMessage} (the message, else the class name),
 * {@code errorType} (the exception's class name) and {@code stackTrace}.
 *
 * <p>The returned functions are as thread-safe as the handler: API Gateway calls them from every
 * thread that handles requests.
 */
public final class LambdaHandlers {
    private LambdaHandlers() {}

    /** Returns a function that passes the payload to a stream handler and returns its output. */
    public static LambdaFunction streamHandler(RequestStreamHandler handler) {
        return new StreamHandlerFunction(handler);
    }

    /**
     * Returns a function that deserializes the payload into {@code inputType}, calls the handler
     * and serializes its output, as the Lambda Java runtime does: {@code aws-lambda-java-events}
     * types with Lambda's own event serializers, other types with its Jackson serializer; a null
     * output is the payload {@code null}.
     *
     * <p>{@code inputType} may be a raw type such as {@code Map.class} for a {@code
     * RequestHandler<Map<String, Object>, ?>}.
     */
    public static <I, O> LambdaFunction requestHandler(
            RequestHandler<I, O> handler, Class<? super I> inputType) {
        return new RequestHandlerFunction<>(handler, inputType);
    }

    /**
     * Returns a function that deserializes the payload into the input type the handler's class
     * declares for {@code RequestHandler<I, O>} (through superclasses and sub-interfaces; {@code
     * Object} when it stays a type variable), then works as {@link #requestHandler(RequestHandler,
     * Class)}.
     */
    public static LambdaFunction requestHandler(RequestHandler<?, ?> handler) {
        return typed(handler, RequestHandlerTypes.inputType(handler.getClass()));
    }

    /** The handler's class implements {@code RequestHandler<I, ?>} for this {@code I}. */
    @SuppressWarnings("unchecked")
    private static <I> LambdaFunction typed(RequestHandler<?, ?> handler, Class<I> inputType) {
        return new RequestHandlerFunction<>((RequestHandler<I, Object>) handler, inputType);
    }
}
