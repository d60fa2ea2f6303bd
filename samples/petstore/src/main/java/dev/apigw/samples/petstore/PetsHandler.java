package dev.apigw.samples.petstore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pet store's Lambda function, written as for AWS Lambda: a {@code RequestHandler} of the
 * proxy event types from {@code aws-lambda-java-events}. It lists, reads and adds pets.
 */
public final class PetsHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Map<String, String> pets = new ConcurrentHashMap<>(Map.of(
            "1", "{\"id\":\"1\",\"type\":\"dog\",\"price\":249.99}",
            "2", "{\"id\":\"2\",\"type\":\"cat\",\"price\":124.99}"));

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event,
            Context context) {
        context.getLogger().log("pets " + event.getHttpMethod() + " " + event.getPath());
        String id = event.getPathParameters() == null ? null : event.getPathParameters().get("petId");
        if ("POST".equals(event.getHttpMethod())) {
            String newId = Integer.toString(pets.size() + 1);
            pets.put(newId, event.getBody());
            return json(201, "{\"id\":\"" + newId + "\"}");
        }
        if (id == null) {
            return json(200, "[" + String.join(",", new TreeMap<>(pets).values()) + "]");
        }
        String pet = pets.get(id);
        return pet == null ? json(404, "{\"message\":\"no pet " + id + "\"}") : json(200, pet);
    }

    private static APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
