package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A typed HTTP API handler (payload format 2.0): keeps the {@link APIGatewayV2HTTPEvent} the Lambda
 * serializer made of the event and answers 200 with a header, two cookies and the raw path.
 */
public class TypedHttpEventHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final AtomicReference<APIGatewayV2HTTPEvent> received;

    /** Creates a handler that puts each event it receives in {@code received}. */
    public TypedHttpEventHandler(AtomicReference<APIGatewayV2HTTPEvent> received) {
        this.received = received;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        received.set(event);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withCookies(List.of("a=1; Path=/", "b=2"))
                .withBody(event.getRawPath())
                .build();
    }
}
