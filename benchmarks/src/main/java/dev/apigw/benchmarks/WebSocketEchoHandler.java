package dev.apigw.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The Lambda function of {@code websocket-echo.yaml} (reference 2.6, 7.3), served by the local
 * server for {@code websocket-load.sh} ({@code --lambda EchoFunction=} this class, {@code
 * --classpath benchmarks/target/classes}): {@code $connect} and {@code $disconnect} answer 200, a
 * message answers its own body, which its two-way route sends back to the client unchanged.
 */
public final class WebSocketEchoHandler
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Creates the handler (the local server instantiates it by its class name). */
    public WebSocketEchoHandler() {}

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object body = event.get("body");
        return body == null
                ? Map.of("statusCode", 200)
                : Map.of("statusCode", 200, "body", String.valueOf(body));
    }
}
