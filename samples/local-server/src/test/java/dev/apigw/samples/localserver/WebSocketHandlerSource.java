package dev.apigw.samples.localserver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles {@code ws.Handler}, one Lambda function for every route of the test WebSocket API
 * (reference 2.6): {@code $connect} refuses with 401 when the query string has {@code deny}, {@code
 * sendmessage} answers {@code echo:BODY}, {@code whoami} the connection id, {@code $default} {@code
 * default:BODY}.
 */
final class WebSocketHandlerSource {
    private WebSocketHandlerSource() {}

    /** Compiles the handler into {@code classes}, its source under {@code work}. */
    static void compile(Path work, Path classes) throws Exception {
        Path src = Files.createDirectories(work.resolve("ws-src/ws"));
        Path source = src.resolve("Handler.java");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "package ws;",
                        "import com.amazonaws.services.lambda.runtime.Context;",
                        "import com.amazonaws.services.lambda.runtime.RequestHandler;",
                        "import java.util.Map;",
                        "public class Handler",
                        "        implements RequestHandler<Map<String, Object>, Map<String, Object>> {",
                        "    @Override",
                        "    public Map<String, Object> handleRequest(Map<String, Object> event,",
                        "            Context context) {",
                        "        Map<?, ?> rc = (Map<?, ?>) event.get(\"requestContext\");",
                        "        String route = String.valueOf(rc.get(\"routeKey\"));",
                        "        Object query = event.get(\"queryStringParameters\");",
                        "        String body = String.valueOf(event.get(\"body\"));",
                        "        switch (route) {",
                        "            case \"$connect\":",
                        "                if (query instanceof Map && ((Map<?, ?>) query).containsKey(\"deny\")) {",
                        "                    return Map.of(\"statusCode\", 401, \"body\", \"denied\");",
                        "                }",
                        "                return Map.of(\"statusCode\", 200);",
                        "            case \"sendmessage\":",
                        "                return Map.of(\"statusCode\", 200, \"body\", \"echo:\" + body);",
                        "            case \"whoami\":",
                        "                return Map.of(\"statusCode\", 200, \"body\",",
                        "                        String.valueOf(rc.get(\"connectionId\")));",
                        "            case \"$default\":",
                        "                return Map.of(\"statusCode\", 200, \"body\", \"default:\" + body);",
                        "            default:",
                        "                return Map.of(\"statusCode\", 200);",
                        "        }",
                        "    }",
                        "}"));
        HandlerCompiler.compile(classes, source);
    }
}
