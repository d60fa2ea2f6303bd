package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.List;
import java.util.Map;

/**
 * A typed WebSocket handler, as the aws-lambda-java-events samples write one: keeps every {@link
 * APIGatewayV2WebSocketEvent} the Lambda serializer made of an event, accepts {@code $connect} with
 * the subprotocol {@code chat}, and answers messages with {@code EVENTTYPE ROUTEKEY BODY}.
 */
public class TypedWebSocketHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final List<APIGatewayV2WebSocketEvent> received;

    /** Creates a handler that adds each event it receives to {@code received} (thread-safe). */
    public TypedWebSocketHandler(List<APIGatewayV2WebSocketEvent> received) {
        this.received = received;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(
            APIGatewayV2WebSocketEvent event, Context context) {
        received.add(event);
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        if (request.getEventType().equals("CONNECT")) {
            response.setHeaders(Map.of("Sec-WebSocket-Protocol", "chat"));
        } else {
            response.setBody(
                    request.getEventType() + " " + request.getRouteKey() + " " + event.getBody());
        }
        return response;
    }
}
