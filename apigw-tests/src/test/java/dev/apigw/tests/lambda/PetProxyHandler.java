package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * A proxy handler on the {@code aws-lambda-java-events} types: answers 201 naming the pet of the
 * path parameter {@code id}, the {@code owner} query parameter and the function's request id, and
 * echoes the {@code X-Pet-Color} header.
 */
public class PetProxyHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        String id = event.getPathParameters().get("id");
        Map<String, String> query = event.getQueryStringParameters();
        String owner = query == null ? "nobody" : query.get("owner");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(
                        Map.of(
                                "X-Pet-Color",
                                event.getHeaders().get("X-Pet-Color"),
                                "Content-Type",
                                "text/plain"))
                .withBody(
                        "pet "
                                + id
                                + " of "
                                + owner
                                + " in "
                                + event.getRequestContext().getStage());
    }
}
