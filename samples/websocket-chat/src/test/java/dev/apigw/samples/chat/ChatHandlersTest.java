package dev.apigw.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three handlers on one table, posting to a real HTTP server standing in for {@code
 * @connections}: 200 for every connection but {@code gone}, which answers 410 (reference 7.4).
 */
class ChatHandlersTest {
    @TempDir Path dir;

    private final List<String> posts = new CopyOnWriteArrayList<>();
    private HttpServer connections;
    private String host;
    private ConnectionTable table;

    @BeforeEach
    void start() throws Exception {
        connections = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        connections.createContext(
                "/production/@connections/",
                exchange -> {
                    String id = exchange.getRequestURI().getRawPath().substring(25);
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    posts.add(exchange.getRequestMethod() + " " + id + " " + body);
                    exchange.sendResponseHeaders(id.equals("gone") ? 410 : 200, -1);
                    exchange.close();
                });
        connections.start();
        host = "127.0.0.1:" + connections.getAddress().getPort();
        table = new ConnectionTable(dir);
    }

    @AfterEach
    void stop() {
        connections.stop(0);
    }

    @Test
    void connectThenDisconnect_storesAndRemovesTheConnection() {
        APIGatewayV2WebSocketResponse connected =
                new ConnectHandler((api, stage) -> table)
                        .handleRequest(Events.connect("c1=", host), null);
        assertThat(connected.getStatusCode()).isEqualTo(200);
        assertThat(table.all()).containsExactly(Map.entry("c1=", "http://" + host + "/production"));

        APIGatewayV2WebSocketResponse disconnected =
                new DisconnectHandler((api, stage) -> table)
                        .handleRequest(Events.event("$disconnect", "c1="), null);
        assertThat(disconnected.getStatusCode()).isEqualTo(200);
        assertThat(table.all()).isEmpty();
    }

    @Test
    void sendMessage_postsDataToEveryConnection_dropsTheGoneOnes() {
        ConnectHandler connect = new ConnectHandler((api, stage) -> table);
        for (String id : List.of("a=", "b", "gone")) {
            connect.handleRequest(Events.connect(id, host), null);
        }

        APIGatewayV2WebSocketResponse response =
                new SendMessageHandler((api, stage) -> table)
                        .handleRequest(
                                Events.sendMessage(
                                        "a=",
                                        "{\"action\":\"sendmessage\",\"data\":\"hi \\\"all\\\"\"}"),
                                null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("Data sent to 2 connections.");
        assertThat(posts)
                .containsExactlyInAnyOrder(
                        "POST a%3D hi \"all\"", "POST b hi \"all\"", "POST gone hi \"all\"");
        assertThat(table.all()).containsOnlyKeys("a=", "b");
    }

    @Test
    void sendMessage_endpointDown_dropsItsConnections() {
        table.put("old", "http://127.0.0.1:" + port() + "/production");
        connections.stop(0);

        APIGatewayV2WebSocketResponse response =
                new SendMessageHandler((api, stage) -> table)
                        .handleRequest(
                                Events.sendMessage(
                                        "x", "{\"action\":\"sendmessage\",\"data\":\"hi\"}"),
                                null);

        assertThat(response.getBody()).isEqualTo("Data sent to 0 connections.");
        assertThat(table.all()).isEmpty();
    }

    @Test
    void sendMessage_bodyWithoutTextData_is400() {
        SendMessageHandler handler = new SendMessageHandler((api, stage) -> table);
        for (String body :
                new String[] {null, "not json", "{\"action\":\"sendmessage\"}", "{\"data\":1}"}) {
            assertThat(handler.handleRequest(Events.sendMessage("a", body), null).getStatusCode())
                    .as(body)
                    .isEqualTo(400);
        }
        assertThat(posts).isEmpty();
    }

    private int port() {
        return connections.getAddress().getPort();
    }
}
