package dev.apigw.samples.localserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.spi.LambdaFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        return LambdaHandlers.requestHandler((RequestHandler<?, ?>) handler);
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
}
