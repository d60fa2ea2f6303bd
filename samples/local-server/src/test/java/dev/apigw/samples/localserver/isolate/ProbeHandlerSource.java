package dev.apigw.samples.localserver.isolate;

import dev.apigw.samples.localserver.HandlerCompiler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles {@code probe.ProbeHandler}, a map-typed {@code RequestHandler} answering a proxy
 * response, whose request body picks what it does: {@code block} waits forever, {@code exit} calls
 * {@code System.exit(3)}, {@code oom} allocates until {@code OutOfMemoryError}, anything else
 * answers 200 with what it sees: {@code GREETING}, {@code AWS_LAMBDA_FUNCTION_NAME} and the
 * context's memory limit. {@code probe.BrokenHandler}'s constructor throws, so the runtime fails
 * its init.
 */
final class ProbeHandlerSource {
    /** The handler string of the compiled class. */
    static final String HANDLER = "probe.ProbeHandler::handleRequest";

    /** The handler string of the class whose constructor throws. */
    static final String BROKEN_HANDLER = "probe.BrokenHandler::handleRequest";

    private ProbeHandlerSource() {}

    /** Compiles the handler into {@code classes} and returns that directory. */
    static Path compile(Path work) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/probe"));
        Path source = src.resolve("ProbeHandler.java");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "package probe;",
                        "import com.amazonaws.services.lambda.runtime.Context;",
                        "import com.amazonaws.services.lambda.runtime.RequestHandler;",
                        "import java.util.ArrayList;",
                        "import java.util.List;",
                        "import java.util.Map;",
                        "import java.util.concurrent.CountDownLatch;",
                        "public class ProbeHandler",
                        "        implements RequestHandler<Map<String, Object>, Map<String, Object>> {",
                        "    @Override",
                        "    public Map<String, Object> handleRequest(Map<String, Object> event,",
                        "            Context context) {",
                        "        String action = String.valueOf(event.get(\"body\"));",
                        "        if (action.equals(\"block\")) {",
                        "            try {",
                        "                new CountDownLatch(1).await();",
                        "            } catch (InterruptedException e) {",
                        "                Thread.currentThread().interrupt();",
                        "            }",
                        "        } else if (action.equals(\"exit\")) {",
                        "            System.exit(3);",
                        "        } else if (action.equals(\"oom\")) {",
                        "            List<long[]> hog = new ArrayList<>();",
                        "            while (true) {",
                        "                hog.add(new long[1 << 20]);",
                        "            }",
                        "        }",
                        "        String seen = \"greeting=\" + System.getenv(\"GREETING\")",
                        "                + \" function=\" + System.getenv(\"AWS_LAMBDA_FUNCTION_NAME\")",
                        "                + \" memory=\" + context.getMemoryLimitInMB();",
                        "        return Map.of(\"statusCode\", 200, \"body\", seen);",
                        "    }",
                        "}"));
        Path broken = src.resolve("BrokenHandler.java");
        Files.writeString(
                broken,
                String.join(
                        "\n",
                        "package probe;",
                        "import com.amazonaws.services.lambda.runtime.Context;",
                        "import com.amazonaws.services.lambda.runtime.RequestHandler;",
                        "import java.util.Map;",
                        "public class BrokenHandler",
                        "        implements RequestHandler<Map<String, Object>, Map<String, Object>> {",
                        "    public BrokenHandler() {",
                        "        throw new IllegalStateException(\"no database\");",
                        "    }",
                        "    @Override",
                        "    public Map<String, Object> handleRequest(Map<String, Object> event,",
                        "            Context context) {",
                        "        return Map.of(\"statusCode\", 200);",
                        "    }",
                        "}"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        HandlerCompiler.compile(classes, source, broken);
        return classes;
    }
}
