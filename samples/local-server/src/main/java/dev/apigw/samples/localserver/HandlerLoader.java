package dev.apigw.samples.localserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.spi.LambdaFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the handler classes named on the command line and adapts them to {@link LambdaFunction}s.
 * They are loaded by a {@link URLClassLoader} over {@code --classpath} whose parent is the server's
 * own loader, so {@code aws-lambda-java-core} and the event types come from the server's jar and a
 * handler directory holds only the user's classes. This is the host: instantiating the named class
 * reflectively is what Lambda's runtime does too.
 */
final class HandlerLoader {
    private final ClassLoader loader;

    private HandlerLoader(ClassLoader loader) {
        this.loader = loader;
    }

    /** Returns a loader over these jars and directories; each must exist. */
    static HandlerLoader create(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path entry = classpath.get(i);
            if (!Files.exists(entry)) {
                throw LaunchException.failure("--classpath entry not found: " + entry);
            }
            try {
                urls[i] = entry.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw LaunchException.failure("--classpath entry is not a valid path: " + entry);
            }
        }
        return new HandlerLoader(
                new URLClassLoader("apigw-handlers", urls, HandlerLoader.class.getClassLoader()));
    }

    /** Loads, instantiates and adapts the handler class bound to a function. */
    LambdaFunction load(String functionName, String className) {
        String where = "--lambda " + functionName + "=" + className + ": ";
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw LaunchException.failure(
                    where + "class " + className + " not found on the classpath");
        }
        boolean stream = RequestStreamHandler.class.isAssignableFrom(type);
        if (!stream && !RequestHandler.class.isAssignableFrom(type)) {
            throw LaunchException.failure(
                    where
                            + "class "
                            + className
                            + " implements neither RequestStreamHandler nor RequestHandler");
        }
        Object handler = instantiate(where, type);
        if (stream) {
            return LambdaHandlers.streamHandler((RequestStreamHandler) handler);
        }
        return requestFunction(handler, inputType(type));
    }

    /** The handler's class implements {@code RequestHandler<I, ?>} for this {@code I}. */
    @SuppressWarnings("unchecked")
    private static <I> LambdaFunction requestFunction(Object handler, Class<I> inputType) {
        return LambdaHandlers.requestHandler((RequestHandler<I, Object>) handler, inputType);
    }

    private static Object instantiate(String where, Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw LaunchException.failure(where + "class " + type.getName() + " is abstract");
        }
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw LaunchException.failure(
                    where + "class " + type.getName() + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw LaunchException.failure(
                    where + "the constructor of " + type.getName() + " failed: " + e.getCause());
        } catch (InstantiationException | LinkageError e) {
            throw LaunchException.failure(
                    where + "cannot instantiate " + type.getName() + ": " + e);
        }
    }

    /**
     * Returns the class of the first type argument of {@code RequestHandler<I, O>} as the class
     * declares it, through superclasses and sub-interfaces; {@code Object} when it stays a type
     * variable (Lambda then hands the handler the parsed JSON).
     */
    static Class<?> inputType(Class<?> handlerClass) {
        Type found = find(handlerClass, new HashMap<>());
        return found == null ? Object.class : raw(found);
    }

    private static Type find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] params = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
            for (int i = 0; i < params.length; i++) {
                inner.put(params[i], bindings.getOrDefault(args[i], args[i]));
            }
            if (raw == RequestHandler.class) {
                return inner.get(params[0]);
            }
            bindings = inner;
        } else if (type instanceof Class<?>) {
            raw = (Class<?>) type;
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type found = find(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null
                ? null
                : find(raw.getGenericSuperclass(), bindings);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?>) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        }
        return Object.class;
    }
}
