package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The handler adapters of {@link LambdaHandlers} on their own. */
class LambdaHandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LambdaInvocation invocation(String payload) {
        return new LambdaInvocation(
                "arn:aws:lambda:ap-south-1:111122223333:function:orders:blue",
                "orders",
                "blue",
                "RequestResponse",
                "5f0c1d2e-aaaa-4bbb-8ccc-0123456789ab",
                Duration.ofMillis(7_500),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(LambdaResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void streamHandler_writesOutput_returnsItAsPayload() {
        LambdaFunction f =
                LambdaHandlers.streamHandler(
                        (in, out, ctx) -> {
                            byte[] input = in.readAllBytes();
                            out.write(
                                    ("[" + new String(input, StandardCharsets.UTF_8) + "]")
                                            .getBytes(StandardCharsets.UTF_8));
                        });

        LambdaResult result = f.invoke(invocation("{\"n\":1}"));

        assertThat(result.functionError()).isEmpty();
        assertThat(text(result)).isEqualTo("[{\"n\":1}]");
    }

    @Test
    void streamHandler_throwsIOException_reportsFunctionError() throws IOException {
        RequestStreamHandler failing =
                (in, out, ctx) -> {
                    throw new IOException("disk gone");
                };

        LambdaResult result = LambdaHandlers.streamHandler(failing).invoke(invocation("{}"));

        JsonNode error = JSON.readTree(result.payload());
        assertThat(result.functionError()).contains("Unhandled");
        assertThat(error.get("errorMessage").asText()).isEqualTo("disk gone");
        assertThat(error.get("errorType").asText()).isEqualTo("java.io.IOException");
        assertThat(error.get("stackTrace").get(0).asText()).contains("LambdaHandlersTest");
    }

    @Test
    void requestHandler_eventsType_usesLambdaEventSerialization() throws IOException {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h =
                (event, ctx) ->
                        new APIGatewayProxyResponseEvent()
                                .withStatusCode(202)
                                .withIsBase64Encoded(false)
                                .withBody(
                                        event.getHttpMethod()
                                                + " "
                                                + event.getPathParameters().get("id")
                                                + " "
                                                + event.getRequestContext()
                                                        .getIdentity()
                                                        .getSourceIp());

        LambdaResult result =
                LambdaHandlers.requestHandler(h, APIGatewayProxyRequestEvent.class)
                        .invoke(
                                invocation(
                                        "{\"httpMethod\":\"PATCH\",\"pathParameters\":{\"id\":\"9\"},"
                                                + "\"requestContext\":{\"identity\":{\"sourceIp\":\"192.0.2.1\"}}}"));

        JsonNode response = JSON.readTree(result.payload());
        assertThat(response.get("statusCode").asInt()).isEqualTo(202);
        assertThat(response.get("body").asText()).isEqualTo("PATCH 9 192.0.2.1");
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void requestHandler_pojo_usesJacksonSerialization() throws IOException {
        RequestHandler<Order, Receipt> h =
                (order, ctx) -> new Receipt(order.item.toUpperCase(), order.quantity * 2);

        LambdaResult result =
                LambdaHandlers.requestHandler(h, Order.class)
                        .invoke(invocation("{\"item\":\"tea\",\"quantity\":3}"));

        JsonNode receipt = JSON.readTree(result.payload());
        assertThat(receipt.get("item").asText()).isEqualTo("TEA");
        assertThat(receipt.get("total").asInt()).isEqualTo(6);
    }

    @Test
    void requestHandler_mapAndNullOutput_serializeAsJson() {
        RequestHandler<Map<String, Object>, Object> h =
                (input, ctx) -> input.containsKey("none") ? null : List.of(input.get("k"), 1);

        LambdaFunction f = LambdaHandlers.requestHandler(h, Map.class);

        assertThat(text(f.invoke(invocation("{\"k\":\"v\"}")))).isEqualTo("[\"v\",1]");
        assertThat(text(f.invoke(invocation("{\"none\":true}")))).isEqualTo("null");
    }

    @Test
    void requestHandler_throws_reportsClassNameAsErrorType() throws IOException {
        LambdaResult result =
                LambdaHandlers.requestHandler(new ThrowingHandler(), Map.class)
                        .invoke(invocation("{\"fail\":\"bad order 17\"}"));

        JsonNode error = JSON.readTree(result.payload());
        assertThat(result.functionError()).isPresent();
        assertThat(error.get("errorMessage").asText()).isEqualTo("bad order 17");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("stackTrace").get(0).asText())
                .contains("ThrowingHandler.handleRequest");
    }

    @Test
    void requestHandler_exceptionWithoutMessage_usesClassNameAsMessage() throws IOException {
        RequestHandler<Map<String, Object>, String> h =
                (input, ctx) -> {
                    throw new UnsupportedOperationException();
                };

        LambdaResult result = LambdaHandlers.requestHandler(h, Map.class).invoke(invocation("{}"));

        assertThat(JSON.readTree(result.payload()).get("errorMessage").asText())
                .isEqualTo("java.lang.UnsupportedOperationException");
    }

    @Test
    void requestHandler_inputNotDeserializable_reportsFunctionError() {
        LambdaResult result =
                LambdaHandlers.requestHandler((Order order, Context ctx) -> "ok", Order.class)
                        .invoke(invocation("not json"));

        assertThat(result.functionError()).isPresent();
    }

    @Test
    void requestHandler_outOfMemory_propagates() {
        RequestHandler<Map<String, Object>, String> h =
                (input, ctx) -> {
                    throw new OutOfMemoryError("simulated");
                };
        LambdaFunction f = LambdaHandlers.requestHandler(h, Map.class);

        assertThatThrownBy(() -> f.invoke(invocation("{}"))).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void context_carriesInvocationValues() {
        AtomicReference<Context> seen = new AtomicReference<>();
        RequestHandler<Map<String, Object>, String> h =
                (input, ctx) -> {
                    seen.set(ctx);
                    ctx.getLogger().log("plain line");
                    ctx.getLogger().log("warned", LogLevel.WARN);
                    ctx.getLogger().log("bytes".getBytes(StandardCharsets.UTF_8));
                    return "done";
                };

        LambdaHandlers.requestHandler(h, Map.class).invoke(invocation("{}"));

        Context ctx = seen.get();
        assertThat(ctx.getAwsRequestId()).isEqualTo("5f0c1d2e-aaaa-4bbb-8ccc-0123456789ab");
        assertThat(ctx.getFunctionName()).isEqualTo("orders");
        assertThat(ctx.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(ctx.getInvokedFunctionArn())
                .isEqualTo("arn:aws:lambda:ap-south-1:111122223333:function:orders:blue");
        assertThat(ctx.getMemoryLimitInMB()).isEqualTo(512);
        assertThat(ctx.getRemainingTimeInMillis()).isBetween(0, 7_500);
        assertThat(ctx.getLogGroupName()).isEqualTo("/aws/lambda/orders");
        assertThat(ctx.getIdentity()).isNull();
        assertThat(ctx.getClientContext()).isNull();
    }

    /** A request POJO, deserialized by Lambda's Jackson factory through its public fields. */
    public static class Order {
        public String item;
        public int quantity;
    }

    /** A response POJO, serialized through its getters. */
    public static class Receipt {
        private final String item;
        private final int total;

        Receipt(String item, int total) {
            this.item = item;
            this.total = total;
        }

        public String getItem() {
            return item;
        }

        public int getTotal() {
            return total;
        }
    }
}
