package dev.apigw.samples.petstore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pet store's function (also the local server demo's {@code PetsFunction}), written as for AWS
 * Lambda: a {@code RequestHandler} of the proxy event types that lists ({@code GET /pets}), reads
 * ({@code GET /pets/{petId}}) and adds ({@code POST /pets}) pets, kept in memory.
 */
public final class PetsHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Map<String, String> pets =
            new ConcurrentHashMap<>(
                    Map.of(
                            "1", "{\"id\":\"1\",\"type\":\"dog\",\"price\":249.99}",
                            "2", "{\"id\":\"2\",\"type\":\"cat\",\"price\":124.99}"));
    private final AtomicInteger lastId = new AtomicInteger(2);

    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        context.getLogger().log("pets " + event.getHttpMethod() + " " + event.getPath());
        if ("POST".equals(event.getHttpMethod())) {
            String id = Integer.toString(lastId.incrementAndGet());
            pets.put(id, event.getBody());
            return json(201, "{\"id\":\"" + id + "\"}");
        }
        Map<String, String> params = event.getPathParameters();
        String id = params == null ? null : params.get("petId");
        if (id == null) {
            return json(200, "[" + String.join(",", new TreeMap<>(pets).values()) + "]");
        }
        String pet = pets.get(id);
        return pet == null ? json(404, "{\"message\":\"no pet " + id + "\"}") : json(200, pet);
    }

    private static APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
