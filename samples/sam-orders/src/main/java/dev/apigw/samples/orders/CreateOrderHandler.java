package dev.apigw.samples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /orders}: accepts an order and answers 201 with its id and a {@code Location}.
 *
 * <p>The gateway validates the body first: the template's event names the API's {@code Order} model
 * as its {@code RequestModel} with {@code ValidateBody: true}, so a body that is not an order never
 * reaches this function (API Gateway answers 400 {@code Invalid request body}). What is left here
 * is what no model can say: an order of more than {@value #MAX_QUANTITY} items is refused with 422.
 */
public final class CreateOrderHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final int MAX_QUANTITY = 100;

    /** Creates the handler as Lambda does. */
    public CreateOrderHandler() {}

    /** Returns 201 and the order, or 400 or 422 with a {@code message}. */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        OrderRequest order = OrderRequest.parse(event.getBody());
        if (order == null) {
            return answer(400, "{\"message\":\"the body is not an order\"}", Map.of());
        }
        if (order.quantity() > MAX_QUANTITY) {
            return answer(
                    422,
                    "{\"message\":\"at most " + MAX_QUANTITY + " items per order\"}",
                    Map.of());
        }
        String id = "o-" + context.getAwsRequestId();
        String stage =
                event.getRequestContext() == null ? "" : event.getRequestContext().getStage();
        return answer(
                201,
                "{\"id\":"
                        + JsonText.quote(id)
                        + ",\"item\":"
                        + JsonText.quote(order.item())
                        + ",\"quantity\":"
                        + order.quantity()
                        + ",\"status\":\"ACCEPTED\"}",
                Map.of("Location", "/" + stage + "/orders/" + id));
    }

    private static APIGatewayProxyResponseEvent answer(
            int status, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body);
    }
}
