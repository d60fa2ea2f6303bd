package dev.apigw.samples.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@code sendmessage} route: reads {@code {"action":"sendmessage","data":"..."}} and posts
 * {@code data} to every stored connection ({@code POST ENDPOINT/@connections/ID}), removing the
 * connections that answer 410 (gone) or whose endpoint refuses the connection (a local server
 * stopped since they connected). The posts are not SigV4-signed: the local server accepts unsigned
 * calls from the loopback when it runs without {@code --credentials}; on AWS use the SDK's {@code
 * ApiGatewayManagementApiClient}, which signs them.
 */
public class SendMessageHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int GONE = 410;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final BiFunction<String, String, ConnectionTable> tables;

    /** The handler Lambda creates: the table of the event's API and stage. */
    public SendMessageHandler() {
        this(ConnectionTable::of);
    }

    SendMessageHandler(BiFunction<String, String, ConnectionTable> tables) {
        this.tables = tables;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(
            APIGatewayV2WebSocketEvent event, Context context) {
        String data = data(event.getBody());
        if (data == null) {
            return Responses.of(400, "Expected {\"action\":\"sendmessage\",\"data\":\"...\"}");
        }
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        try {
            ConnectionTable table = tables.apply(request.getApiId(), request.getStage());
            int sent = 0;
            for (Map.Entry<String, String> c : table.all().entrySet()) {
                int status = post(c.getValue(), c.getKey(), data);
                if (status == GONE) {
                    table.remove(c.getKey());
                } else if (status / 100 == 2) {
                    sent++;
                }
            }
            return Responses.of(200, "Data sent to " + sent + " connections.");
        } catch (IOException | RuntimeException e) {
            return Responses.of(500, "Failed to send: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Responses.of(500, "Interrupted");
        }
    }

    private String data(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode data = json.readTree(body).path("data");
            return data.isTextual() ? data.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private int post(String endpoint, String connectionId, String data)
            throws IOException, InterruptedException {
        URI uri =
                URI.create(
                        endpoint
                                + "/@connections/"
                                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(data))
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return GONE; // its endpoint is down: a local server since stopped
        }
    }
}
