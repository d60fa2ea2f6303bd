package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A handler named {@code pkg.Class::method}, chosen among the class's public methods of that name
 * as the Lambda Java runtime chooses ({@code EventHandlerLoader} of aws-lambda-java-libs): other
 * than bridge methods first, then the longest signature, a trailing {@code Context} counting one
 * more; the first whose parameters are one of {@code (InputStream, OutputStream, Context)}, {@code
 * (InputStream, OutputStream)}, {@code (InputStream, Context)}, {@code (OutputStream, Context)},
 * {@code (InputStream)}, {@code (OutputStream)}, {@code (I, Context)}, {@code (I)}, {@code
 * (Context)} or {@code ()}, where {@code I} is any other type. A stream signature runs as a {@code
 * RequestStreamHandler}, any other as a {@code RequestHandler} whose input is {@code I}; a static
 * method needs no instance. What the method throws is reported as thrown by it.
 */
final class HandlerMethod implements RequestHandler<Object, Object>, RequestStreamHandler {
    private static final Comparator<Method> PRIORITY =
            Comparator.comparing(Method::isBridge)
                    .thenComparing(Comparator.comparingInt(HandlerMethod::weight).reversed());

    /** The signatures of two and three parameters Lambda accepts. */
    private static final Set<List<Part>> SIGNATURES =
            Set.of(
                    List.of(Part.INPUT_STREAM, Part.OUTPUT_STREAM),
                    List.of(Part.INPUT_STREAM, Part.CONTEXT),
                    List.of(Part.OUTPUT_STREAM, Part.CONTEXT),
                    List.of(Part.EVENT, Part.CONTEXT),
                    List.of(Part.INPUT_STREAM, Part.OUTPUT_STREAM, Part.CONTEXT));

    private final Method method;
    private final Object instance;
    private final Shape shape;

    private HandlerMethod(Method method, Object instance, Shape shape) {
        this.method = method;
        this.instance = instance;
        this.shape = shape;
    }

    /** The parameters a chosen method takes, in order. */
    enum Part {
        INPUT_STREAM,
        OUTPUT_STREAM,
        EVENT,
        CONTEXT
    }

    /**
     * A chosen method and what it takes.
     *
     * @param method the method
     * @param parts its parameters
     * @param eventType the type of its event parameter, {@code Object} when it takes none
     */
    record Shape(Method method, Part[] parts, Type eventType) {
        /** Whether the method takes streams: it runs as a {@code RequestStreamHandler}. */
        boolean stream() {
            return Arrays.stream(parts)
                    .anyMatch(p -> p == Part.INPUT_STREAM || p == Part.OUTPUT_STREAM);
        }

        /** Whether an instance of the class is needed to call it. */
        boolean needsInstance() {
            return !Modifier.isStatic(method.getModifiers());
        }
    }

    /** Returns the method Lambda would call for {@code Class::name}, if any. */
    static Optional<Shape> choose(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .sorted(PRIORITY)
                .map(HandlerMethod::shape)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Returns the handler calling the chosen method on this instance (null for static). */
    static HandlerMethod of(Shape shape, Object instance) {
        return new HandlerMethod(shape.method(), instance, shape);
    }

    @Override
    public Object handleRequest(Object event, Context context) {
        return call(null, null, event, context);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        call(input, output, null, context);
    }

    private Object call(InputStream in, OutputStream out, Object event, Context context) {
        Part[] parts = shape.parts();
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            switch (parts[i]) {
                case INPUT_STREAM:
                    args[i] = in;
                    break;
                case OUTPUT_STREAM:
                    args[i] = out;
                    break;
                case EVENT:
                    args[i] = event;
                    break;
                default:
                    args[i] = context;
                    break;
            }
        }
        try {
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw new Thrown(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    private static int weight(Method m) {
        Class<?>[] params = m.getParameterTypes();
        boolean context = params.length > 0 && params[params.length - 1] == Context.class;
        return params.length + (context ? 1 : 0);
    }

    private static Optional<Shape> shape(Method m) {
        Type[] types = m.getGenericParameterTypes();
        Part[] parts = new Part[types.length];
        Type event = Object.class;
        for (int i = 0; i < types.length; i++) {
            parts[i] = part(types[i]);
            if (parts[i] == Part.EVENT) {
                event = types[i];
            }
        }
        return allowed(parts) ? Optional.of(new Shape(m, parts, event)) : Optional.empty();
    }

    private static Part part(Type type) {
        if (type == InputStream.class) {
            return Part.INPUT_STREAM;
        }
        if (type == OutputStream.class) {
            return Part.OUTPUT_STREAM;
        }
        return type == Context.class ? Part.CONTEXT : Part.EVENT;
    }

    /** The signatures Lambda accepts, as listed in the class comment. */
    private static boolean allowed(Part[] parts) {
        return parts.length <= 1 || SIGNATURES.contains(List.of(parts));
    }

    /** Carries what the handler method threw, so that it is reported as the method's own. */
    static final class Thrown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Thrown(Throwable cause) {
            super(cause);
        }
    }
}
