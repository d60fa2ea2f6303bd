package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns what a Lambda proxy function returned into the method response (reference 2.2): a JSON
 * object with only {@code statusCode} (an integer or a numeric string, 200 when absent), {@code
 * headers}, {@code multiValueHeaders}, {@code body} and {@code isBase64Encoded}. Anything else is
 * answered with 502 {@code Internal server error}. {@code multiValueHeaders} values come before the
 * {@code headers} value of the same name, under the {@code multiValueHeaders} casing, and a pair
 * present in both appears once. A base64 body is decoded only when the request's first {@code
 * Accept} type is in {@code binaryMediaTypes} (reference 6.3); if it is not valid base64 the answer
 * is 500. A header name that is not an RFC 9110 token, or a value holding CR, LF or another control
 * character, makes the answer malformed too (502; AWS's handling of these is not recorded): nothing
 * the function returns can split the response. The payload is read in one streaming pass.
 */
public final class ProxyResponse {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String STEP = "integration";

    private final Exchange exchange;
    private final Predicate<Exchange> decodesBase64;
    private int status = 200;
    private List<String> multi = List.of();
    private List<String> single = List.of();
    private String body = "";
    private boolean base64;

    private ProxyResponse(Exchange exchange, Predicate<Exchange> decodesBase64) {
        this.exchange = exchange;
        this.decodesBase64 = decodesBase64;
    }

    /** Parses a function's payload into the response a REST API sends. */
    static Response parse(byte[] payload, Exchange exchange) {
        return parse(payload, exchange, ProxyResponse::acceptsBinary);
    }

    /**
     * Parses a function's payload into the response to send, a base64 body decoded when {@code
     * decodesBase64} holds for the exchange (REST APIs: the first {@code Accept} type is in {@code
     * binaryMediaTypes}; HTTP APIs: always).
     */
    public static Response parse(
            byte[] payload, Exchange exchange, Predicate<Exchange> decodesBase64) {
        ProxyResponse parsed = new ProxyResponse(exchange, decodesBase64);
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw parsed.malformed("the payload is not a JSON object");
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                parsed.field(name, p.nextToken(), p);
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw parsed.malformed("the payload is not one JSON object");
            }
        } catch (IOException e) {
            throw parsed.malformed("the payload is not JSON: " + e.getMessage());
        }
        return Response.builder()
                .statusCode(parsed.status)
                .headers(parsed.headers())
                .body(parsed.body())
                .build();
    }

    private void field(String name, JsonToken token, JsonParser p) throws IOException {
        switch (name) {
            case "statusCode":
                status = status(token, p);
                break;
            case "headers":
                single = token == JsonToken.VALUE_NULL ? List.of() : singleHeaders(token, p);
                break;
            case "multiValueHeaders":
                multi = token == JsonToken.VALUE_NULL ? List.of() : multiHeaders(token, p);
                break;
            case "body":
                if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                    throw malformed("body is not a string");
                }
                body = token == JsonToken.VALUE_NULL ? "" : p.getText();
                break;
            case "isBase64Encoded":
                if (!token.isBoolean() && token != JsonToken.VALUE_NULL) {
                    throw malformed("isBase64Encoded is not a boolean");
                }
                base64 = token == JsonToken.VALUE_TRUE;
                break;
            default:
                throw malformed("unknown key " + name);
        }
    }

    private int status(JsonToken token, JsonParser p) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return 200;
        }
        int code = -1;
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            code = p.getIntValue();
        } else if (token == JsonToken.VALUE_STRING && isThreeDigits(p.getText())) {
            code = Integer.parseInt(p.getText());
        }
        if (code < 100 || code > 599) {
            throw malformed("statusCode is not a status: " + p.getText());
        }
        return code;
    }

    private static boolean isThreeDigits(String text) {
        return text.length() == 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Returns name, value, name, value … of a {@code headers} object. */
    private List<String> singleHeaders(JsonToken token, JsonParser p) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw malformed("headers is not an object");
        }
        List<String> pairs = new ArrayList<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            pairs.add(checkedName(name));
            pairs.add(checkedValue(text(p.nextToken(), p, name), name));
        }
        return pairs;
    }

    /** Returns name, value, name, value … of a {@code multiValueHeaders} object. */
    private List<String> multiHeaders(JsonToken token, JsonParser p) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw malformed("multiValueHeaders is not an object");
        }
        List<String> pairs = new ArrayList<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed("multiValueHeaders." + name + " is not a list");
            }
            checkedName(name);
            JsonToken value;
            while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
                pairs.add(name);
                pairs.add(checkedValue(text(value, p, name), name));
            }
        }
        return pairs;
    }

    /** Returns a header name, refused when it is not an RFC 9110 token (CR, LF, space…). */
    private String checkedName(String name) {
        if (!Headers.isValidName(name)) {
            throw malformed("header name is not a token: " + name);
        }
        return name;
    }

    /** Returns a header value, refused when it holds a control character (CR, LF, NUL…). */
    private String checkedValue(String value, String name) {
        if (!Headers.isValidValue(value)) {
            throw malformed("header " + name + " has a control character in its value");
        }
        return value;
    }

    private String text(JsonToken token, JsonParser p, String name) throws IOException {
        if (token == JsonToken.VALUE_STRING
                || token == JsonToken.VALUE_NUMBER_INT
                || token.isBoolean()) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return Double.toString(p.getDoubleValue());
        }
        throw malformed("header " + name + " has no text value: " + token);
    }

    private Headers headers() {
        Headers.Builder all = Headers.builder();
        for (int i = 0; i < multi.size(); i += 2) {
            all.add(multi.get(i), multi.get(i + 1));
        }
        Headers merged = all.build();
        for (int i = 0; i < single.size(); i += 2) {
            String name = single.get(i);
            String value = single.get(i + 1);
            if (!merged.values(name).contains(value)) {
                all.add(casing(merged, name), value);
            }
        }
        return all.build();
    }

    private static String casing(Headers headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(name)) {
                return headers.name(i);
            }
        }
        return name;
    }

    private byte[] body() {
        if (!base64 || !decodesBase64.test(exchange)) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            exchange.trace()
                    .error(
                            STEP,
                            "Execution failed due to configuration error: Unable to"
                                    + " base64 decode the body: ",
                            e.getMessage());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }

    private static boolean acceptsBinary(Exchange exchange) {
        String accept = exchange.request().headers().first("Accept").orElse("");
        return MediaTypes.isBinary(
                MediaTypes.firstAccepted(accept),
                exchange.stage().deployment().restApi().binaryMediaTypes());
    }

    private GatewayException malformed(String why) {
        exchange.trace()
                .error(
                        STEP,
                        "Execution failed due to configuration error: Malformed"
                                + " Lambda proxy response: ",
                        why);
        return GatewayException.of(GatewayResponseType.DEFAULT_5XX, 502, "Internal server error");
    }
}
