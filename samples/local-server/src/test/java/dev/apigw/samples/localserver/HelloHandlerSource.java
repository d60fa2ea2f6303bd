package dev.apigw.samples.localserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Compiles {@code example.HelloHandler}, a map-typed {@code RequestHandler} answering a proxy
 * response, so that tests can load a handler class from a directory as a user's build makes it.
 */
final class HelloHandlerSource {
    private HelloHandlerSource() {}

    /**
     * Compiles the handler, whose answer's body is the Java expression {@code body} (it may read
     * {@code event}), in a fresh directory under {@code work}, then copies the class file into
     * {@code classes} in one step, so that a watcher sees one change.
     */
    static void compile(Path work, Path classes, String body) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/example"));
        Path source = src.resolve("HelloHandler.java");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "package example;",
                        "import com.amazonaws.services.lambda.runtime.Context;",
                        "import com.amazonaws.services.lambda.runtime.RequestHandler;",
                        "import java.util.Map;",
                        "public class HelloHandler",
                        "        implements RequestHandler<Map<String, Object>, Map<String, Object>> {",
                        "    @Override",
                        "    public Map<String, Object> handleRequest(Map<String, Object> event,",
                        "            Context context) {",
                        "        return Map.of(\"statusCode\", 200, \"body\", " + body + ");",
                        "    }",
                        "}"));
        Path out = Files.createTempDirectory(work, "javac");
        HandlerCompiler.compile(out, source);
        Path target =
                Files.createDirectories(classes.resolve("example")).resolve("HelloHandler.class");
        Files.copy(
                out.resolve("example/HelloHandler.class"),
                target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
