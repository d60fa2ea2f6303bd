package dev.apigw.runtime.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a WebSocket route's Lambda proxy function returned (reference 2.6): {@code
 * {statusCode, headers?, body?, isBase64Encoded?}}. An empty payload or JSON {@code null} is 200
 * without body; {@code statusCode} is a number or a numeric string of 200 to 599 (200 when absent);
 * a string {@code body} is a text frame, a base64 one with {@code isBase64Encoded} a binary frame,
 * any other JSON body a text frame of its JSON. Anything else (not JSON, not an object, a status
 * out of range, bad base64) is a malformed answer: a 502 failure.
 */
final class ProxyAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RouteAnswer MALFORMED = RouteAnswer.failure(502);

    private ProxyAnswer() {}

    static RouteAnswer parse(byte[] payload) {
        JsonNode answer;
        try {
            answer = payload.length == 0 ? null : JSON.readTree(payload);
        } catch (IOException e) {
            return MALFORMED;
        }
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return RouteAnswer.OK;
        }
        if (!answer.isObject()) {
            return MALFORMED;
        }
        int status = statusCode(answer.get("statusCode"));
        if (status < 0) {
            return MALFORMED;
        }
        Optional<Frame> body;
        try {
            body = body(answer.get("body"), answer.path("isBase64Encoded").asBoolean(false));
        } catch (IllegalArgumentException e) {
            return MALFORMED;
        }
        return new RouteAnswer(status, headers(answer.get("headers")), body, false);
    }

    private static int statusCode(JsonNode node) {
        if (node == null || node.isNull()) {
            return 200;
        }
        int status;
        if (node.isInt()) {
            status = node.intValue();
        } else if (node.isTextual() && node.textValue().matches("[0-9]{3}")) {
            status = Integer.parseInt(node.textValue());
        } else {
            return -1;
        }
        return status >= 200 && status <= 599 ? status : -1;
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties()
                    .forEach(
                            e -> {
                                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                                    headers.put(e.getKey(), e.getValue().asText());
                                }
                            });
        }
        return headers;
    }

    private static Optional<Frame> body(JsonNode node, boolean base64) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            return Optional.of(Frame.text(node.toString()));
        }
        if (base64) {
            return Optional.of(Frame.binary(Base64.getDecoder().decode(node.textValue())));
        }
        return Optional.of(Frame.text(node.textValue()));
    }
}
