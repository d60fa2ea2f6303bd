package dev.apigw.samples.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.function.BiFunction;

/**
 * The {@code $connect} route: stores the new connection with its {@code @connections} endpoint, and
 * answers 200 (the socket opens) or 500 (it does not).
 */
public class ConnectHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final BiFunction<String, String, ConnectionTable> tables;

    /** The handler Lambda creates: the table of the event's API and stage. */
    public ConnectHandler() {
        this(ConnectionTable::of);
    }

    ConnectHandler(BiFunction<String, String, ConnectionTable> tables) {
        this.tables = tables;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(
            APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        try {
            tables.apply(request.getApiId(), request.getStage())
                    .put(request.getConnectionId(), ManagementEndpoint.of(event));
            return Responses.of(200, "Connected.");
        } catch (RuntimeException e) {
            return Responses.of(500, "Failed to connect: " + e.getMessage());
        }
    }
}
