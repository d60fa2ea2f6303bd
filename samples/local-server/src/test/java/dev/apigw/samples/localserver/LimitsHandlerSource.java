package dev.apigw.samples.localserver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles {@code limits.Handler}, the Lambda function of every route of the limits test API
 * (reference 2.6): {@code $connect} accepts, {@code sendmessage} answers {@code echo:BODY}, {@code
 * whoami} the connection id, {@code $default} {@code default:LENGTH} (the length of the message it
 * got); {@code $disconnect} writes its {@code disconnectStatusCode} to a file named by the
 * connection id in a directory baked into the class, then throws.
 */
final class LimitsHandlerSource {
    private LimitsHandlerSource() {}

    /**
     * Compiles the handler into {@code classes}, its source under {@code work}; {@code $disconnect}
     * writes into {@code disconnects}.
     */
    static void compile(Path work, Path classes, Path disconnects) throws Exception {
        Path src = Files.createDirectories(work.resolve("limits-src/limits"));
        Path source = src.resolve("Handler.java");
        String dir = disconnects.toAbsolutePath().toString().replace("\\", "\\\\");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "package limits;",
                        "import com.amazonaws.services.lambda.runtime.Context;",
                        "import com.amazonaws.services.lambda.runtime.RequestHandler;",
                        "import java.io.IOException;",
                        "import java.io.UncheckedIOException;",
                        "import java.nio.file.Files;",
                        "import java.nio.file.Path;",
                        "import java.util.Map;",
                        "public class Handler",
                        "        implements RequestHandler<Map<String, Object>, Map<String, Object>> {",
                        "    @Override",
                        "    public Map<String, Object> handleRequest(Map<String, Object> event,",
                        "            Context context) {",
                        "        Map<?, ?> rc = (Map<?, ?>) event.get(\"requestContext\");",
                        "        String route = String.valueOf(rc.get(\"routeKey\"));",
                        "        String id = String.valueOf(rc.get(\"connectionId\"));",
                        "        String body = String.valueOf(event.get(\"body\"));",
                        "        switch (route) {",
                        "            case \"$connect\":",
                        "                return Map.of(\"statusCode\", 200);",
                        "            case \"sendmessage\":",
                        "                return Map.of(\"statusCode\", 200, \"body\", \"echo:\" + body);",
                        "            case \"whoami\":",
                        "                return Map.of(\"statusCode\", 200, \"body\", id);",
                        "            case \"$default\":",
                        "                return Map.of(\"statusCode\", 200, \"body\",",
                        "                        \"default:\" + body.length());",
                        "            case \"$disconnect\":",
                        "                try {",
                        "                    Files.writeString(Path.of(\"" + dir + "\").resolve(",
                        "                            id.replace('/', '_')),",
                        "                            String.valueOf(rc.get(\"disconnectStatusCode\")));",
                        "                } catch (IOException e) {",
                        "                    throw new UncheckedIOException(e);",
                        "                }",
                        "                throw new IllegalStateException(\"disconnect handler broke\");",
                        "            default:",
                        "                return Map.of(\"statusCode\", 200);",
                        "        }",
                        "    }",
                        "}"));
        HandlerCompiler.compile(classes, source);
    }
}
