package dev.apigw.runtime.integration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a Lambda proxy function returned into the method response (reference 2.2): a JSON
 * object with only {@code statusCode} (an integer or a numeric string, 200 when absent), {@code
 * headers}, {@code multiValueHeaders}, {@code body} and {@code isBase64Encoded}. Anything else is
 * answered with 502 {@code Internal server error}. {@code multiValueHeaders} values come before
 * the {@code headers} value of the same name, under the {@code multiValueHeaders} casing, and a
 * pair present in both appears once. A base64 body is decoded only when the request's first
 * {@code Accept} type is in {@code binaryMediaTypes} (reference 6.3); if it is not valid base64
 * the answer is 500.
 */
final class ProxyResponse {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> KEYS =
            Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    private static final String STEP = "integration";

    private ProxyResponse() {}

    /** Parses a function's payload into the response to send. */
    static Response parse(byte[] payload, Exchange exchange) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw malformed(exchange, "the payload is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed(exchange, "the payload is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw malformed(exchange, "unknown key " + name);
            }
        }
        Response.Builder response = Response.builder().statusCode(status(root, exchange));
        response.headers(headers(root, exchange));
        response.body(body(root, exchange));
        return response.build();
    }

    private static int status(JsonNode root, Exchange exchange) {
        JsonNode status = root.get("statusCode");
        if (status == null || status.isNull()) {
            return 200;
        }
        int code = -1;
        if (status.isIntegralNumber() && status.canConvertToInt()) {
            code = status.intValue();
        } else if (status.isTextual() && status.textValue().matches("\\d{3}")) {
            code = Integer.parseInt(status.textValue());
        }
        if (code < 100 || code > 599) {
            throw malformed(exchange, "statusCode is not a status: " + status);
        }
        return code;
    }

    private static Headers headers(JsonNode root, Exchange exchange) {
        Headers.Builder headers = Headers.builder();
        JsonNode multi = root.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                throw malformed(exchange, "multiValueHeaders is not an object");
            }
            for (Map.Entry<String, JsonNode> e : multi.properties()) {
                if (!e.getValue().isArray()) {
                    throw malformed(exchange, "multiValueHeaders." + e.getKey() + " is not a list");
                }
                for (JsonNode value : e.getValue()) {
                    headers.add(e.getKey(), text(value, e.getKey(), exchange));
                }
            }
        }
        Headers merged = headers.build();
        JsonNode single = root.get("headers");
        if (single == null || single.isNull()) {
            return merged;
        }
        if (!single.isObject()) {
            throw malformed(exchange, "headers is not an object");
        }
        List<String[]> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : single.properties()) {
            String value = text(e.getValue(), e.getKey(), exchange);
            if (!merged.values(e.getKey()).contains(value)) {
                added.add(new String[] {casing(merged, e.getKey()), value});
            }
        }
        Headers.Builder all = merged.toBuilder();
        added.forEach(pair -> all.add(pair[0], pair[1]));
        return all.build();
    }

    private static String text(JsonNode value, String name, Exchange exchange) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw malformed(exchange, "header " + name + " has no text value: " + value);
    }

    private static String casing(Headers headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(name)) {
                return headers.name(i);
            }
        }
        return name;
    }

    private static byte[] body(JsonNode root, Exchange exchange) {
        JsonNode body = root.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            throw malformed(exchange, "body is not a string");
        }
        JsonNode base64 = root.get("isBase64Encoded");
        if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
            throw malformed(exchange, "isBase64Encoded is not a boolean");
        }
        String text = body == null || body.isNull() ? "" : body.textValue();
        if (base64 == null || !base64.booleanValue() || !acceptsBinary(exchange)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            exchange.trace().add(STEP, "Execution failed due to configuration error: Unable to"
                    + " base64 decode the body: ", e.getMessage());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }

    private static boolean acceptsBinary(Exchange exchange) {
        String accept = exchange.request().headers().first("Accept").orElse("");
        return MediaTypes.isBinary(MediaTypes.firstAccepted(accept),
                exchange.stage().deployment().restApi().binaryMediaTypes());
    }

    private static GatewayException malformed(Exchange exchange, String why) {
        exchange.trace().add(STEP, "Execution failed due to configuration error: Malformed"
                + " Lambda proxy response: ", why);
        return GatewayException.of(GatewayResponseType.DEFAULT_5XX, 502, "Internal server error");
    }
}
