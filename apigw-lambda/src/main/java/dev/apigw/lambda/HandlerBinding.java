package dev.apigw.lambda;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.JavaType;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.util.LRUMap;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.util.LookupCache;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.Function;

/**
 * A template function's {@code Handler} ({@code pkg.Class} or {@code pkg.Class::method}) bound in a
 * class loader. {@link #check} refuses at load time what can never run (no such class or method, no
 * handler interface, no public no-argument constructor), naming the logical id; {@link #init} does
 * what the Lambda Java runtime does at a cold start: loads and initializes the class, makes the
 * instance, and reports a static initializer or constructor that throws as Lambda's init error.
 */
final class HandlerBinding {
    private final String logicalId;
    private final String handler;
    private final String className;
    private final String methodName;

    private HandlerBinding(String logicalId, String handler) {
        this.logicalId = logicalId;
        this.handler = handler;
        int colons = handler.lastIndexOf("::");
        this.className = colons < 0 ? handler : handler.substring(0, colons);
        this.methodName = colons < 0 ? null : handler.substring(colons + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            throw refused("Handler '" + handler + "' is not pkg.Class or pkg.Class::method");
        }
    }

    /** Parses a {@code Handler}; refuses an empty class or method name. */
    static HandlerBinding parse(String logicalId, String handler) {
        return new HandlerBinding(logicalId, handler);
    }

    /** What {@link #init} made: the function, or the init error every call gets. */
    record Init(LambdaFunction function, LambdaResult error) {}

    /** Checks, without initializing the class, that the handler can be called. */
    void check(ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw refused("handler class " + className + " not found in the function's code");
        } catch (LinkageError e) {
            throw refused("cannot load handler class " + className + ": " + e);
        }
        boolean needsInstance;
        try {
            if (methodName != null) {
                HandlerMethod.Shape shape =
                        HandlerMethod.choose(type, methodName)
                                .orElseThrow(
                                        () ->
                                                refused(
                                                        "no public method "
                                                                + methodName
                                                                + " with a handler signature in "
                                                                + className));
                needsInstance = shape.needsInstance();
            } else if (RequestStreamHandler.class.isAssignableFrom(type)
                    || RequestHandler.class.isAssignableFrom(type)) {
                needsInstance = true;
            } else {
                throw refused(
                        "class "
                                + className
                                + " implements neither RequestStreamHandler nor RequestHandler");
            }
        } catch (LinkageError e) {
            throw refused("cannot load handler " + handler + ": " + e);
        }
        if (needsInstance) {
            constructor(type);
        }
    }

    /**
     * Loads and initializes the handler class, makes its instance and adapts it; a static
     * initializer or constructor that throws is the init error Lambda reports.
     */
    Init init(ClassLoader loader, Function<LambdaInvocation, Context> contexts) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Init(null, FunctionErrors.classInitError(className, e));
        }
        HandlerMethod.Shape shape =
                methodName == null ? null : HandlerMethod.choose(type, methodName).orElseThrow();
        Object instance = null;
        if (shape == null || shape.needsInstance()) {
            try {
                instance = constructor(type).newInstance();
            } catch (InvocationTargetException e) {
                return new Init(null, FunctionErrors.constructorInitError(e.getCause()));
            } catch (ReflectiveOperationException | LinkageError e) {
                return new Init(null, FunctionErrors.constructorInitError(e));
            }
        }
        try {
            return new Init(adapt(type, shape, instance, loader, contexts), null);
        } catch (RuntimeException | LinkageError e) {
            return new Init(null, FunctionErrors.constructorInitError(e));
        }
    }

    private static LambdaFunction adapt(
            Class<?> type,
            HandlerMethod.Shape shape,
            Object instance,
            ClassLoader loader,
            Function<LambdaInvocation, Context> contexts) {
        if (shape != null) {
            HandlerMethod method = HandlerMethod.of(shape, instance);
            return shape.stream()
                    ? new StreamHandlerFunction(method, contexts)
                    : typed(method, RequestHandlerTypes.raw(shape.eventType()), loader, contexts);
        }
        if (instance instanceof RequestStreamHandler) {
            return new StreamHandlerFunction((RequestStreamHandler) instance, contexts);
        }
        return typed(
                (RequestHandler<?, ?>) instance,
                RequestHandlerTypes.inputType(type),
                loader,
                contexts);
    }

    /** The handler's class implements {@code RequestHandler<I, ?>} for this {@code I}. */
    @SuppressWarnings("unchecked")
    private static <I> LambdaFunction typed(
            RequestHandler<?, ?> handler,
            Class<I> inputType,
            ClassLoader loader,
            Function<LambdaInvocation, Context> contexts) {
        return new RequestHandlerFunction<>(
                (RequestHandler<I, Object>) handler, inputType, loader, contexts, ownJackson());
    }

    /**
     * A copy of the Lambda runtime's Jackson factory, same settings, with caches of its own, its
     * type cache included: the shared ones would keep the function's classes, hence its class
     * loader, after the function closed.
     */
    private static JacksonFactory ownJackson() {
        JacksonFactory shared = JacksonFactory.getInstance();
        JacksonFactory own =
                shared.withNamingStrategy(shared.getMapper().getPropertyNamingStrategy());
        ObjectMapper mapper = own.getMapper();
        LookupCache<Object, JavaType> types = new LRUMap<>(16, 200);
        mapper.setTypeFactory(mapper.getTypeFactory().withCache(types));
        return own;
    }

    private Constructor<?> constructor(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw refused("class " + className + " is abstract");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw refused("class " + className + " is a non-static inner class");
        }
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw refused("class " + className + " has no public no-argument constructor");
        }
    }

    @Override
    public String toString() {
        return logicalId + " (" + handler + ")";
    }

    private FunctionCodeException refused(String why) {
        return new FunctionCodeException(logicalId + ": " + why);
    }
}
