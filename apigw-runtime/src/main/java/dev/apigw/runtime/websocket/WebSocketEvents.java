package dev.apigw.runtime.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Lambda proxy events of a WebSocket API (reference 2.6), fields in the order of the
 * events AWS sent in the aws-lambda-go samples: {@code $connect} with the upgrade request's headers
 * and query string, a message with its {@code body} (base64 for a binary frame, {@code
 * isBase64Encoded true}), {@code $disconnect} with the synthetic headers AWS sends ({@code Host},
 * empty {@code x-api-key}, {@code X-Forwarded-For}, {@code x-restapi}) and the close's {@code
 * disconnectStatusCode} and {@code disconnectReason}. Single-value {@code headers} and {@code
 * queryStringParameters} hold each name's last value. Immutable and thread-safe.
 */
final class WebSocketEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The headers of a {@code $disconnect} event, all empty but {@code Host}. */
    private static final List<String> DISCONNECT_HEADERS =
            List.of("Host", "x-api-key", "X-Forwarded-For", "x-restapi");

    private final String domainName;

    WebSocketEvents(String domainName) {
        this.domainName = domainName;
    }

    /** One event's ids and time. */
    record Call(String routeKey, String requestId, Instant requestTime) {}

    /** Returns {@code $context.domainName}: {@code {apiId}.execute-api.{region}.amazonaws.com}. */
    String domainName() {
        return domainName;
    }

    byte[] connect(ConnectionRecord connection, Call call) {
        ObjectNode event = JSON.createObjectNode();
        multiValues(event, "headers", "multiValueHeaders", connection.headers());
        if (!connection.queryParameters().isEmpty()) {
            multiValues(
                    event,
                    "queryStringParameters",
                    "multiValueQueryStringParameters",
                    connection.queryParameters());
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", WebSocketRoute.CONNECT).put("eventType", "CONNECT");
        common(context, connection, call);
        event.put("isBase64Encoded", false);
        return bytes(event);
    }

    /**
     * Writes the event of a Lambda {@code REQUEST} authorizer on {@code $connect} (reference 8.3,
     * 7.3): {@code type}, {@code methodArn}, the upgrade request's headers and query string, the
     * stage variables and the {@code $connect} event's {@code requestContext}. The docs show the
     * first fields; the rest follows the {@code $connect} event (unconfirmed).
     */
    byte[] authorizer(
            ConnectionRecord connection,
            Call call,
            String methodArn,
            Map<String, String> stageVariables) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "REQUEST").put("methodArn", methodArn);
        multiValues(event, "headers", "multiValueHeaders", connection.headers());
        multiValues(
                event,
                "queryStringParameters",
                "multiValueQueryStringParameters",
                connection.queryParameters());
        ObjectNode variables = event.putObject("stageVariables");
        stageVariables.forEach(variables::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", WebSocketRoute.CONNECT).put("eventType", "CONNECT");
        common(context, connection, call);
        return bytes(event);
    }

    /**
     * Returns the {@code $context} variables an authorizer's {@code context.X} identity sources can
     * read on {@code $connect} (reference 1.2, WebSocket variables).
     */
    Map<String, String> contextOf(ConnectionRecord connection, Call call) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("connectionId", connection.connectionId());
        variables.put("apiId", connection.apiId());
        variables.put("stage", connection.stage());
        variables.put("routeKey", call.routeKey());
        variables.put("eventType", "CONNECT");
        variables.put("requestId", call.requestId());
        variables.put("extendedRequestId", call.requestId());
        variables.put("domainName", domainName);
        variables.put("identity.sourceIp", connection.sourceIp());
        variables.put("identity.userAgent", connection.userAgent());
        return variables;
    }

    byte[] message(ConnectionRecord connection, Call call, String messageId, Frame frame) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", call.routeKey())
                .put("messageId", messageId)
                .put("eventType", "MESSAGE");
        common(context, connection, call);
        if (frame.text()) {
            event.put("body", frame.asText());
        } else {
            event.put("body", Base64.getEncoder().encodeToString(frame.data()));
        }
        event.put("isBase64Encoded", !frame.text());
        return bytes(event);
    }

    byte[] disconnect(ConnectionRecord connection, Call call, int statusCode, String reason) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        for (String name : DISCONNECT_HEADERS) {
            String value = name.equals("Host") ? domainName : "";
            single.put(name, value);
            multi.putArray(name).add(value);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", WebSocketRoute.DISCONNECT)
                .put("disconnectStatusCode", statusCode)
                .put("eventType", "DISCONNECT");
        common(context, connection, call);
        context.put("disconnectReason", reason);
        event.put("isBase64Encoded", false);
        return bytes(event);
    }

    /**
     * Writes the fields every event has, from {@code extendedRequestId} to {@code apiId}, with a
     * place for a {@code $disconnect} event's {@code disconnectReason} after {@code
     * messageDirection}, where AWS writes it; {@code identity} holds the fields {@code $connect}
     * verified (IAM caller, API key) before {@code userAgent} and {@code sourceIp}, and {@code
     * authorizer} the Lambda authorizer's principal and context when one ran.
     */
    private void common(ObjectNode context, ConnectionRecord connection, Call call) {
        context.put("extendedRequestId", call.requestId())
                .put("requestTime", ContextVariables.requestTime(call.requestTime()))
                .put("messageDirection", "IN");
        if (call.routeKey().equals(WebSocketRoute.DISCONNECT)) {
            context.putNull("disconnectReason");
        }
        context.put("stage", connection.stage())
                .put("connectedAt", connection.connectedAt().toEpochMilli())
                .put("requestTimeEpoch", call.requestTime().toEpochMilli());
        ObjectNode identity = context.putObject("identity");
        connection.identity().forEach(identity::put);
        identity.put("userAgent", connection.userAgent()).put("sourceIp", connection.sourceIp());
        if (!connection.authorizer().isEmpty()) {
            ObjectNode authorizer = context.putObject("authorizer");
            connection.authorizer().forEach(authorizer::put);
        }
        context.put("requestId", call.requestId())
                .put("domainName", domainName)
                .put("connectionId", connection.connectionId())
                .put("apiId", connection.apiId());
    }

    private static void multiValues(
            ObjectNode event, String single, String multi, Map<String, List<String>> values) {
        ObjectNode one = event.putObject(single);
        ObjectNode all = event.putObject(multi);
        values.forEach(
                (name, list) -> {
                    if (!list.isEmpty()) {
                        one.put(name, list.get(list.size() - 1));
                        list.forEach(all.putArray(name)::add);
                    }
                });
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
