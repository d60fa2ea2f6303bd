package dev.apigw.samples.chat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Map;

/**
 * The {@code @connections} endpoint of the API a {@code $connect} event came through: {@code
 * https://HOST/STAGE}, HOST the upgrade request's {@code Host} header (on AWS, the event's {@code
 * requestContext.domainName}), and {@code http://} when HOST is the loopback (the local server). A
 * custom domain with a base path mapping would need its own endpoint; this sample does not have
 * one.
 */
final class ManagementEndpoint {
    private ManagementEndpoint() {}

    /** Returns the endpoint to post to the connection of this {@code $connect} event. */
    static String of(APIGatewayV2WebSocketEvent event) {
        APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
        String host = header(event.getHeaders(), "Host");
        if (host == null) {
            host = context.getDomainName();
        }
        String scheme = isLoopback(host) ? "http://" : "https://";
        return scheme + host + "/" + context.getStage();
    }

    private static boolean isLoopback(String host) {
        String name = host.replaceFirst(":\\d+$", "");
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
