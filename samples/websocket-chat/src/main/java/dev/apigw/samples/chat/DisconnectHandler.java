package dev.apigw.samples.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.function.BiFunction;

/** The {@code $disconnect} route: removes the connection from the table. */
public class DisconnectHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final BiFunction<String, String, ConnectionTable> tables;

    /** The handler Lambda creates: the table of the event's API and stage. */
    public DisconnectHandler() {
        this(ConnectionTable::of);
    }

    DisconnectHandler(BiFunction<String, String, ConnectionTable> tables) {
        this.tables = tables;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(
            APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        try {
            tables.apply(request.getApiId(), request.getStage()).remove(request.getConnectionId());
            return Responses.of(200, "Disconnected.");
        } catch (RuntimeException e) {
            return Responses.of(500, "Failed to disconnect: " + e.getMessage());
        }
    }
}
