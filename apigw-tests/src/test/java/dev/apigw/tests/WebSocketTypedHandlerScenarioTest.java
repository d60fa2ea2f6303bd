package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.tests.lambda.TypedWebSocketHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A handler class typed with aws-lambda-java-events' {@code APIGatewayV2WebSocketEvent}, run
 * through {@link LambdaHandlers} and Lambda's own serializer, behind a {@link WebSocketGateway}:
 * every field the type has arrives from the three events (reference 2.6), and its {@code
 * APIGatewayV2WebSocketResponse} accepts the connection with a subprotocol and answers a two-way
 * route.
 */
class WebSocketTypedHandlerScenarioTest {
    @Test
    void aTypedHandlerReceivesEveryEventAndAnswers() {
        List<APIGatewayV2WebSocketEvent> received = new CopyOnWriteArrayList<>();
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(Gateway.create())
                        .webSocketApi(WebSocketApis.chat(true))
                        .stage("prod")
                        .lambda(
                                "chat",
                                LambdaHandlers.requestHandler(new TypedWebSocketHandler(received)))
                        .build();
        RecordingSink sink = new RecordingSink();
        ConnectRequest request =
                ConnectRequest.builder()
                        .header("User-Agent", "typed")
                        .header("Sec-WebSocket-Protocol", "chat")
                        .queryParameter("room", "1")
                        .sourceIp("198.51.100.1")
                        .build();

        ConnectResult.Accepted accepted = (ConnectResult.Accepted) gateway.connect(request, sink);
        gateway.message(accepted.connectionId(), Frame.text("{\"action\":\"echo\",\"x\":1}"));
        gateway.message(accepted.connectionId(), Frame.text("{\"action\":\"sendmessage\"}"));
        gateway.disconnect(accepted.connectionId(), 1000, "bye");

        assertThat(accepted.headers()).isEqualTo(Map.of("Sec-WebSocket-Protocol", "chat"));
        assertThat(sink.texts()).containsExactly("MESSAGE echo {\"action\":\"echo\",\"x\":1}");
        assertThat(received).hasSize(4);
        APIGatewayV2WebSocketEvent connect = received.get(0);
        assertThat(connect.getHeaders()).containsEntry("User-Agent", "typed");
        assertThat(connect.getMultiValueQueryStringParameters())
                .isEqualTo(Map.of("room", List.of("1")));
        for (APIGatewayV2WebSocketEvent event : received) {
            APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
            assertThat(context.getConnectionId()).isEqualTo(accepted.connectionId());
            assertThat(context.getApiId()).isEqualTo("chatapi123");
            assertThat(context.getStage()).isEqualTo("prod");
            assertThat(context.getDomainName())
                    .isEqualTo("chatapi123.execute-api.us-east-1.amazonaws.com");
            assertThat(context.getIdentity().getSourceIp()).isEqualTo("198.51.100.1");
            assertThat(context.getIdentity().getUserAgent()).isEqualTo("typed");
            assertThat(context.getConnectedAt()).isPositive();
            assertThat(context.getRequestTimeEpoch())
                    .isGreaterThanOrEqualTo(context.getConnectedAt());
            assertThat(context.getRequestId()).isEqualTo(context.getExtendedRequestId());
            assertThat(context.getMessageDirection()).isEqualTo("IN");
        }
        assertThat(received)
                .extracting(e -> e.getRequestContext().getEventType())
                .containsExactly("CONNECT", "MESSAGE", "MESSAGE", "DISCONNECT");
        assertThat(received)
                .extracting(e -> e.getRequestContext().getRouteKey())
                .containsExactly("$connect", "echo", "sendmessage", "$disconnect");
        assertThat(received.get(1).getRequestContext().getMessageId()).hasSize(16);
        assertThat(received.get(3).getHeaders()).containsKeys("Host", "x-api-key");
    }
}
