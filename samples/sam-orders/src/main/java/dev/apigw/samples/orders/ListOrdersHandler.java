package dev.apigw.samples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * {@code GET /orders}: the orders, with what the function sees of where it runs: the stage and its
 * {@code stageLabel} variable (from the request), the {@code ORDERS_TABLE} environment variable
 * (from {@code System.getenv}) and the memory Lambda gives it (from the {@link Context}).
 *
 * <p>The template declares {@code ORDERS_TABLE}; Lambda (and {@code apigw-local --isolate}, which
 * starts each function in its own JVM) puts it in the process environment. A function run
 * in-process by the local server cannot have it there, so this handler says so in its answer
 * instead of pretending.
 */
public final class ListOrdersHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String TABLE_VARIABLE = "ORDERS_TABLE";

    private static final String ORDERS =
            "[{\"id\":\"o-1001\",\"item\":\"coffee beans\",\"quantity\":2},"
                    + "{\"id\":\"o-1002\",\"item\":\"espresso cups\",\"quantity\":6}]";

    private final Map<String, String> environment;

    /** Creates the handler as Lambda does, over the process environment. */
    public ListOrdersHandler() {
        this(System.getenv());
    }

    ListOrdersHandler(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Returns 200 and the orders as JSON. */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        Map<String, String> stageVariables =
                event.getStageVariables() == null ? Map.of() : event.getStageVariables();
        String stage =
                event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        String table = environment.get(TABLE_VARIABLE);
        String body =
                "{\"orders\":"
                        + ORDERS
                        + ",\"stage\":"
                        + JsonText.quote(stage)
                        + ",\"stageLabel\":"
                        + JsonText.quote(stageVariables.get("stageLabel"))
                        + ",\"ordersTable\":"
                        + JsonText.quote(table)
                        + (table == null
                                ? ",\"ordersTableNote\":"
                                        + JsonText.quote(
                                                TABLE_VARIABLE
                                                        + " is not in this process's environment:"
                                                        + " the function runs inside the local"
                                                        + " server's JVM (start it with --isolate"
                                                        + " to run it as Lambda does)")
                                : "")
                        + ",\"memoryLimitInMB\":"
                        + context.getMemoryLimitInMB()
                        + "}";
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
