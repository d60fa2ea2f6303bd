package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Makes the class loader of one template function, as the Lambda Java runtime makes its customer
 * class loader: the function's class path (root first, then {@code lib/*.jar}), whose parent
 * exposes only the JDK and the two packages of {@code aws-lambda-java-core} ({@code
 * com.amazonaws.services.lambda.runtime} and its {@code .logging}), which Lambda's own class path
 * holds. So {@code RequestHandler}, {@code RequestStreamHandler} and {@code Context} are the
 * gateway's classes whatever copy the function bundles, while everything else, {@code
 * aws-lambda-java-events} included, comes from the function's own jars (Lambda's runtime does not
 * carry the events library either): two functions bundling two versions of one library each see
 * their own.
 */
final class FunctionClassLoaders {
    /** The packages of aws-lambda-java-core, resolved parent-first. */
    static final Set<String> CORE_PACKAGES =
            Set.of(
                    RequestHandler.class.getPackageName(),
                    com.amazonaws.services.lambda.runtime.logging.LogLevel.class.getPackageName());

    private FunctionClassLoaders() {}

    /**
     * Returns a new loader over this class path. It has no name, as Lambda's has none, so that the
     * frames of a stack trace read {@code pkg.Class.method(File.java:1)} as on Lambda.
     */
    static URLClassLoader create(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new URLClassLoader(urls, new CoreOnly());
    }

    /**
     * The parent of every function loader: the platform loader (the JDK), then the classes of
     * aws-lambda-java-core from the gateway's own loader; nothing else.
     */
    private static final class CoreOnly extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader host = FunctionClassLoaders.class.getClassLoader();

        CoreOnly() {
            super("aws-lambda-java-core", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && CORE_PACKAGES.contains(name.substring(0, dot))) {
                return host.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }
}
