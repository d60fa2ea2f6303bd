package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

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
    private static final JsonFactory JSON = new JsonFactory();

    private final Exchange exchange;
    private final List<String> headers = new ArrayList<>(8);
    private final List<String> cookies = new ArrayList<>(2);
    private boolean structured;
    private int status;
    private String body;
    private JsonToken base64 = JsonToken.VALUE_NULL;
    private String statusProblem;
    private String headersProblem;
    private String cookiesProblem;
    private String bodyProblem;

    private ResponseV2(Exchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Returns the response a function's payload stands for, header names lower-cased and {@code
     * content-type: application/json} added when the function set none (as {@link
     * HttpProxyResponses#finish} finishes every answer), or throws the HTTP API's failure. The
     * payload is read in one streaming pass.
     */
    static Response parse(byte[] payload, Exchange exchange) {
        ResponseV2 answer = new ResponseV2(exchange);
        JsonToken first;
        String text = null;
        try (JsonParser p = JSON.createParser(payload)) {
            first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                String name;
                while ((name = p.nextFieldName()) != null) {
                    answer.field(name, p.nextToken(), p);
                }
            } else if (first == JsonToken.VALUE_STRING) {
                text = p.getText();
            } else {
                p.skipChildren();
            }
            if (first != null && p.nextToken() != null) {
                throw malformed(exchange, "the payload is not JSON: trailing content");
            }
        } catch (IOException e) {
            throw malformed(exchange, "the payload is not JSON: " + e.getMessage());
        }
        if (first == null) {
            throw malformed(exchange, "the payload is empty");
        }
        if (!answer.structured) {
            byte[] bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : payload;
            return Response.builder()
                    .statusCode(200)
                    .setHeader("content-type", "application/json")
                    .body(bytes)
                    .build();
        }
        return answer.response();
    }

    /**
     * Reads one field of the answer object. A later field of the same name replaces an earlier one,
     * as in a JSON tree; a field of the wrong type is noted, and fails the answer only if it is
     * structured.
     */
    private void field(String name, JsonToken token, JsonParser p) throws IOException {
        switch (name) {
            case "statusCode" -> {
                structured = true;
                status = status(token, p);
            }
            case "headers" -> headers(token, p);
            case "cookies" -> cookies(token, p);
            case "body" -> {
                body = token == JsonToken.VALUE_STRING ? p.getText() : null;
                bodyProblem =
                        body == null && token != JsonToken.VALUE_NULL
                                ? "body is not a string"
                                : null;
                p.skipChildren();
            }
            case "isBase64Encoded" -> {
                base64 = token;
                p.skipChildren();
            }
            default -> p.skipChildren();
        }
    }

    private int status(JsonToken token, JsonParser p) throws IOException {
        statusProblem = null;
        int code = -1;
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            code = p.getIntValue();
        } else if (token == JsonToken.VALUE_STRING && isThreeDigits(p.getText())) {
            code = Integer.parseInt(p.getText());
        }
        if (code < 100 || code > 599) {
            statusProblem =
                    "statusCode is not a status: " + (token.isScalarValue() ? p.getText() : token);
            p.skipChildren();
        }
        return code;
    }

    private static boolean isThreeDigits(String text) {
        return text.length() == 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Reads {@code headers}: string, number or boolean values, each kept as its text. */
    private void headers(JsonToken token, JsonParser p) throws IOException {
        headers.clear();
        headersProblem = null;
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            headersProblem = "headers is not an object";
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                add(headers, name, Double.toString(p.getDoubleValue()));
            } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                add(headers, name, p.getText());
            } else {
                headersProblem =
                        headersProblem != null
                                ? headersProblem
                                : "header " + name + " is not a value";
                p.skipChildren();
            }
        }
    }

    /** Reads {@code cookies}: a list of strings, each its own {@code set-cookie} header. */
    private void cookies(JsonToken token, JsonParser p) throws IOException {
        cookies.clear();
        cookiesProblem = null;
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            cookiesProblem = "cookies is not a list";
            p.skipChildren();
            return;
        }
        JsonToken value;
        while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
            if (value == JsonToken.VALUE_STRING) {
                add(cookies, "set-cookie", p.getText());
            } else {
                cookiesProblem = "a cookie is not a string";
                p.skipChildren();
            }
        }
    }

    private static void add(List<String> pairs, String name, String value) {
        pairs.add(name);
        pairs.add(value);
    }

    /** Returns the structured answer, checked in the order headers, cookies, status, body. */
    private Response response() {
        for (String problem : new String[] {headersProblem, cookiesProblem, statusProblem}) {
            if (problem != null) {
                throw malformed(exchange, problem);
            }
        }
        Response.Builder answer = Response.builder().statusCode(status);
        boolean typed = false;
        for (int i = 0; i < headers.size(); i += 2) {
            String name = HttpProxyResponses.checkedName(headers.get(i), exchange);
            typed |= name.equalsIgnoreCase("content-type");
            answer.addHeader(
                    name.toLowerCase(Locale.ROOT),
                    HttpProxyResponses.checkedValue(headers.get(i + 1), exchange));
        }
        for (int i = 0; i < cookies.size(); i += 2) {
            answer.addHeader(
                    "set-cookie", HttpProxyResponses.checkedValue(cookies.get(i + 1), exchange));
        }
        if (!typed) {
            answer.addHeader("content-type", "application/json");
        }
        return answer.body(body()).build();
    }

    private byte[] body() {
        if (bodyProblem != null) {
            throw malformed(exchange, bodyProblem);
        }
        if (body == null) {
            return new byte[0];
        }
        if (base64 != JsonToken.VALUE_NULL && !base64.isBoolean()) {
            throw malformed(exchange, "isBase64Encoded is not a boolean");
        }
        if (base64 != JsonToken.VALUE_TRUE) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw malformed(exchange, "Unable to base64 decode the body: " + e.getMessage());
        }
    }

    private static GatewayException malformed(Exchange exchange, String why) {
        return HttpProxyResponses.malformed(exchange, why);
    }
}
