package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs a {@link RequestHandler} with the Lambda Java runtime's serialization: {@code
 * aws-lambda-java-events} classes through {@link LambdaEventSerializers}, other classes through
 * {@link JacksonFactory}. Serializers are made once per class. An output whose JSON passes {@link
 * LambdaResult#MAX_RESPONSE_BYTES} is Lambda's {@link LambdaResult#responseSizeTooLarge()} error
 * (reference 9.5).
 *
 * @param <I> the handler's input type
 * @param <O> the handler's output type
 */
final class RequestHandlerFunction<I, O> implements LambdaFunction {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    private final RequestHandler<I, O> handler;
    private final PojoSerializer<?> input;
    private final ClassLoader loader;
    private final Function<LambdaInvocation, Context> contexts;
    private final JacksonFactory pojos;
    private final Map<Class<?>, PojoSerializer<Object>> outputs = new ConcurrentHashMap<>();

    RequestHandlerFunction(RequestHandler<I, O> handler, Class<? super I> inputType) {
        this(
                handler,
                inputType,
                handler.getClass().getClassLoader(),
                LocalContext::new,
                JacksonFactory.getInstance());
    }

    /**
     * A function whose event types resolve through {@code loader} (the function's own class
     * loader), whose other types go through {@code pojos} (a copy of Lambda's Jackson factory whose
     * caches go away with the function) and whose calls get the contexts {@code contexts} makes.
     */
    RequestHandlerFunction(
            RequestHandler<I, O> handler,
            Class<? super I> inputType,
            ClassLoader loader,
            Function<LambdaInvocation, Context> contexts,
            JacksonFactory pojos) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.pojos = Objects.requireNonNull(pojos, "pojos");
        this.input = serializer(Objects.requireNonNull(inputType, "inputType"));
    }

    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        O output;
        try {
            output = handler.handleRequest(input(invocation.payload()), contexts.apply(invocation));
        } catch (RuntimeException e) {
            return FunctionErrors.of(e, RequestHandlerFunction.class);
        } catch (Error e) {
            return FunctionErrors.ofError(e, RequestHandlerFunction.class);
        }
        if (output == null) {
            return LambdaResult.of(NULL);
        }
        BoundedOutput json = new BoundedOutput();
        try {
            outputs.computeIfAbsent(output.getClass(), type -> erased(serializer(type)))
                    .toJson(output, json);
        } catch (RuntimeException e) {
            return json.overflowed()
                    ? LambdaResult.responseSizeTooLarge()
                    : FunctionErrors.of(e, RequestHandlerFunction.class);
        }
        return json.overflowed()
                ? LambdaResult.responseSizeTooLarge()
                : LambdaResult.of(json.toByteArray());
    }

    // The payload was deserialized into I's erasure, as the Lambda runtime does it.
    @SuppressWarnings("unchecked")
    private I input(byte[] payload) {
        return (I) input.fromJson(new ByteArrayInputStream(payload));
    }

    // A serializer of a class accepts its instances; PojoSerializer is only generic in T.
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> erased(PojoSerializer<?> serializer) {
        return (PojoSerializer<Object>) serializer;
    }

    private <T> PojoSerializer<T> serializer(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            // The library keeps the classes it loads (joda-time's) in a static HashMap: functions
            // in several class loaders must not fill it at once.
            synchronized (LambdaEventSerializers.class) {
                return LambdaEventSerializers.serializerFor(type, loader);
            }
        }
        return pojos.getSerializer(type);
    }
}
