package dev.apigw.samples.orders;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.ApiGatewayExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample's {@code template.yaml} loaded by the testkit, its functions bound to the handler
 * classes themselves: what a SAM user's JUnit test does without any server. The template's API key
 * is generated, so the test adds its own to the stage.
 */
class OrdersTemplateTest {
    private static final String KEY = "test-key-0123456789abcdef";

    @RegisterExtension
    static final ApiGatewayExtension gateway =
            ApiGatewayExtension.builder()
                    .template(Path.of("template.yaml"))
                    .stage("prod")
                    .configure(
                            api ->
                                    api.lambda(
                                                    "ListOrdersFunction",
                                                    LambdaHandlers.requestHandler(
                                                            new ListOrdersHandler(
                                                                    Map.of(
                                                                            "ORDERS_TABLE",
                                                                            "orders-test"))))
                                            .lambda(
                                                    "CreateOrderFunction",
                                                    LambdaHandlers.requestHandler(
                                                            new CreateOrderHandler())))
                    .apiKey(KEY)
                    .build();

    @Test
    void listOrders_withKey_answersWithStageVariableAndEnvironment(Api api) {
        Request request = Request.get("/prod/orders").toBuilder().header("x-api-key", KEY).build();

        assertThat(api.testInvoke(request))
                .hasStatus(200)
                .hasJsonPath("$.stage", "prod")
                .hasJsonPath("$.stageLabel", "production")
                .hasJsonPath("$.ordersTable", "orders-test")
                .hasJsonPath("$.orders[0].id", "o-1001");
    }

    @Test
    void listOrders_withoutKey_isForbidden(Api api) {
        assertThat(api.testInvoke(Request.get("/prod/orders")))
                .hasStatus(403)
                .hasBody("{\"message\":\"Forbidden\"}");
    }

    @Test
    void createOrder_validOrder_returns201(Api api) {
        Request request =
                Request.post("/prod/orders", "{\"item\":\"tea\",\"quantity\":3}").toBuilder()
                        .header("x-api-key", KEY)
                        .build();

        assertThat(api.testInvoke(request))
                .hasStatus(201)
                .hasJsonPath("$.item", "tea")
                .hasJsonPath("$.quantity", 3)
                .hasHeader("Content-Type", "application/json");
    }

    @Test
    void createOrder_bodyNotAnOrder_isRefusedByTheGateway(Api api) {
        Request request =
                Request.post("/prod/orders", "{\"item\":\"tea\",\"quantity\":0}").toBuilder()
                        .header("x-api-key", KEY)
                        .build();

        assertThat(api.testInvoke(request))
                .hasStatus(400)
                .isGatewayResponse(GatewayResponseType.BAD_REQUEST_BODY)
                .hasBody("{\"message\": \"Invalid request body\"}");
    }

    @Test
    void createOrder_tooManyItems_returns422(Api api) {
        Request request =
                Request.post("/prod/orders", "{\"item\":\"tea\",\"quantity\":101}").toBuilder()
                        .header("x-api-key", KEY)
                        .build();

        assertThat(api.testInvoke(request))
                .hasStatus(422)
                .hasJsonPath("$.message", "at most 100 items per order");
    }
}
