package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Turns what a Lambda function returned to an HTTP API through payload format 2.0 into the response
 * (reference 2.5). A JSON object holding {@code statusCode} is a structured response: {@code
 * statusCode} (an integer or a numeric string, 100 to 599), {@code headers} (string, number or
 * boolean values), {@code cookies} (each its own {@code set-cookie} header), {@code body} (a
 * string) and {@code isBase64Encoded} (the body is then decoded); other keys are ignored. Any other
 * valid JSON is the body of a 200 {@code application/json} answer: a JSON string's text, else the
 * payload as returned. A payload that is not JSON, a structured response with a field of the wrong
 * type, a status out of range, a body that is not base64, or a header that could split the response
 * (a name that is not a token, a value with a control character) fail with 500 {@code Internal
 * Server Error}.
 */
final class ResponseV2 {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ResponseV2() {}

    /** Returns the response a function's payload stands for, or throws the HTTP API's failure. */
    static Response parse(byte[] payload, Exchange exchange) {
        JsonNode answer;
        try {
            answer = JSON.readTree(payload);
        } catch (IOException e) {
            throw malformed(exchange, "the payload is not JSON: " + e.getMessage());
        }
        if (answer == null || answer.isMissingNode()) {
            throw malformed(exchange, "the payload is empty");
        }
        if (!answer.isObject() || !answer.has("statusCode")) {
            byte[] body =
                    answer.isTextual()
                            ? answer.textValue().getBytes(StandardCharsets.UTF_8)
                            : payload;
            return Response.builder()
                    .statusCode(200)
                    .setHeader("content-type", "application/json")
                    .body(body)
                    .build();
        }
        return structured(answer, exchange);
    }

    private static Response structured(JsonNode answer, Exchange exchange) {
        Headers.Builder headers = Headers.builder();
        JsonNode fields = answer.path("headers");
        if (!fields.isNull() && !fields.isMissingNode()) {
            if (!fields.isObject()) {
                throw malformed(exchange, "headers is not an object");
            }
            for (Map.Entry<String, JsonNode> header : fields.properties()) {
                JsonNode value = header.getValue();
                if (!value.isValueNode() || value.isNull()) {
                    throw malformed(exchange, "header " + header.getKey() + " is not a value");
                }
                headers.add(
                        HttpProxyResponses.checkedName(header.getKey(), exchange),
                        HttpProxyResponses.checkedValue(value.asText(), exchange));
            }
        }
        JsonNode cookies = answer.path("cookies");
        if (!cookies.isNull() && !cookies.isMissingNode()) {
            if (!cookies.isArray()) {
                throw malformed(exchange, "cookies is not a list");
            }
            for (JsonNode cookie : cookies) {
                if (!cookie.isTextual()) {
                    throw malformed(exchange, "a cookie is not a string");
                }
                headers.add(
                        "set-cookie", HttpProxyResponses.checkedValue(cookie.asText(), exchange));
            }
        }
        return Response.builder()
                .statusCode(status(answer.get("statusCode"), exchange))
                .headers(headers.build())
                .body(body(answer, exchange))
                .build();
    }

    private static int status(JsonNode node, Exchange exchange) {
        int code = -1;
        if (node.isInt()) {
            code = node.intValue();
        } else if (node.isTextual() && node.textValue().matches("[0-9]{3}")) {
            code = Integer.parseInt(node.textValue());
        }
        if (code < 100 || code > 599) {
            throw malformed(exchange, "statusCode is not a status: " + node);
        }
        return code;
    }

    private static byte[] body(JsonNode answer, Exchange exchange) {
        JsonNode body = answer.path("body");
        if (body.isNull() || body.isMissingNode()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw malformed(exchange, "body is not a string");
        }
        JsonNode base64 = answer.path("isBase64Encoded");
        if (!base64.isNull() && !base64.isMissingNode() && !base64.isBoolean()) {
            throw malformed(exchange, "isBase64Encoded is not a boolean");
        }
        if (!base64.asBoolean(false)) {
            return body.textValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body.textValue());
        } catch (IllegalArgumentException e) {
            throw malformed(exchange, "Unable to base64 decode the body: " + e.getMessage());
        }
    }

    private static GatewayException malformed(Exchange exchange, String why) {
        return HttpProxyResponses.malformed(exchange, why);
    }
}
