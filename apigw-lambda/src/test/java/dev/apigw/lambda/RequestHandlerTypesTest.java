package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input type a handler class declares, as the Lambda Java runtime reads it. */
class RequestHandlerTypesTest {
    /** Declares its types directly. */
    public static final class ProxyHandler
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(
                APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withBody(event.getPath());
        }
    }

    /** Declares a parameterized input type. */
    public static final class MapHandler implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return String.valueOf(event.get("n"));
        }
    }

    /** A handler whose input type is bound by a subclass. */
    public abstract static class Base<T> implements RequestHandler<T, String> {
        @Override
        public String handleRequest(T input, Context context) {
            return String.valueOf(input);
        }
    }

    /** Binds {@code T} to {@code Integer}. */
    public static final class IntegerHandler extends Base<Integer> {}

    /** A sub-interface binding the input type. */
    public interface ListHandler extends RequestHandler<List<String>, String> {}

    /** Implements the sub-interface. */
    public static final class ListHandlerImpl implements ListHandler {
        @Override
        public String handleRequest(List<String> input, Context context) {
            return String.join(",", input);
        }
    }

    @Test
    void inputType_directInterface_isItsFirstTypeArgument() {
        assertThat(RequestHandlerTypes.inputType(ProxyHandler.class))
                .isEqualTo(APIGatewayProxyRequestEvent.class);
        assertThat(RequestHandlerTypes.inputType(MapHandler.class)).isEqualTo(Map.class);
    }

    @Test
    void inputType_boundBySubclassOrSubInterface_isResolved() {
        assertThat(RequestHandlerTypes.inputType(IntegerHandler.class)).isEqualTo(Integer.class);
        assertThat(RequestHandlerTypes.inputType(ListHandlerImpl.class)).isEqualTo(List.class);
    }

    @Test
    void inputType_unboundVariable_isObject() {
        assertThat(RequestHandlerTypes.inputType(Base.class)).isEqualTo(Object.class);
    }

    @Test
    void requestHandler_inputTypeFromTheClass_deserializesThePayloadIntoIt() {
        LambdaResult result =
                LambdaHandlers.requestHandler(new IntegerHandler())
                        .invoke(
                                new LambdaInvocation(
                                        "arn:aws:lambda:eu-west-1:123456789012:function:n",
                                        "n",
                                        "",
                                        "RequestResponse",
                                        "id",
                                        Duration.ofSeconds(3),
                                        "41".getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).isEqualTo("\"41\"");
    }
}
