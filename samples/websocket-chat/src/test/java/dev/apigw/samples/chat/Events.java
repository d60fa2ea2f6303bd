package dev.apigw.samples.chat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Map;

/** WebSocket events in the shape API Gateway sends them (reference 7.3). */
final class Events {
    private Events() {}

    static APIGatewayV2WebSocketEvent event(String routeKey, String connectionId) {
        APIGatewayV2WebSocketEvent.RequestContext context =
                new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setConnectionId(connectionId);
        context.setApiId("abc123");
        context.setStage("production");
        context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        return event;
    }

    static APIGatewayV2WebSocketEvent connect(String connectionId, String host) {
        APIGatewayV2WebSocketEvent event = event("$connect", connectionId);
        event.setHeaders(Map.of("Host", host));
        return event;
    }

    static APIGatewayV2WebSocketEvent sendMessage(String connectionId, String body) {
        APIGatewayV2WebSocketEvent event = event("sendmessage", connectionId);
        event.setBody(body);
        return event;
    }
}
