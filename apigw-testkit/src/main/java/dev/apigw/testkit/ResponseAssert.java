package dev.apigw.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Response}: status, headers, body, JSON paths, gateway response
 * type. Made from a {@link TestInvokeResult} ({@link GatewayAssertions#assertThat(
 * TestInvokeResult)}), every failure message ends with the test result as the console shows it
 * ({@link ConsoleLog}), execution log included, and the log itself can be asserted on. Made from a
 * plain response of an {@code Api} that {@link ApiGatewayExtension} gave the test, a failure of the
 * test method ends with that test result too: the extension records every request's log and adds it
 * when the failure leaves the test.
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, Response> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration JSON_PATH =
            Configuration.builder()
                    .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
                    .mappingProvider(new JacksonMappingProvider(JSON))
                    .build();
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
            (a, b) -> {
                if (a.equals(b)) {
                    return 0;
                }
                if (a.isNumber() && b.isNumber()) {
                    return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
                }
                return 1;
            };

    private final TestInvokeResult invocation;

    ResponseAssert(Response actual) {
        super(actual, ResponseAssert.class);
        this.invocation = null;
    }

    ResponseAssert(TestInvokeResult invocation) {
        super(invocation == null ? null : invocation.response(), ResponseAssert.class);
        this.invocation = invocation;
    }

    /** Verifies the status code. */
    public ResponseAssert hasStatus(int expected) {
        isNotNull();
        if (actual.statusCode() != expected) {
            fail(
                    "%nExpecting status:%n  %s%nbut was:%n  %s%nin:%n  %s",
                    expected, actual.statusCode(), describe());
        }
        return this;
    }

    /** Verifies that a header (any casing) has this value among its values. */
    public ResponseAssert hasHeader(String name, String expected) {
        isNotNull();
        List<String> values = actual.headers().values(name);
        if (!values.contains(expected)) {
            fail(
                    "%nExpecting header %s:%n  %s%nbut was:%n  %s%nin:%n  %s",
                    name, expected, values, describe());
        }
        return this;
    }

    /** Verifies that a header (any casing) is present. */
    public ResponseAssert hasHeader(String name) {
        isNotNull();
        if (!actual.headers().contains(name)) {
            fail("%nExpecting header %s%nbut it was missing in:%n  %s", name, describe());
        }
        return this;
    }

    /** Verifies that a header (any casing) is absent. */
    public ResponseAssert doesNotHaveHeader(String name) {
        isNotNull();
        if (actual.headers().contains(name)) {
            fail("%nExpecting no header %s%nbut was:%n  %s", name, actual.headers().values(name));
        }
        return this;
    }

    /** Verifies the media type of {@code Content-Type}, parameters such as charset aside. */
    public ResponseAssert hasContentType(String expected) {
        isNotNull();
        String type = actual.headers().first("Content-Type").orElse(null);
        String mediaType = type == null ? null : type.split(";", 2)[0].trim();
        if (mediaType == null || !mediaType.equalsIgnoreCase(expected)) {
            fail("%nExpecting Content-Type:%n  %s%nbut was:%n  %s", expected, type);
        }
        return this;
    }

    /** Verifies the body text, byte for byte as UTF-8. */
    public ResponseAssert hasBody(String expected) {
        isNotNull();
        if (!actual.bodyAsString().equals(expected)) {
            fail("%nExpecting body:%n  %s%nbut was:%n  %s", expected, actual.bodyAsString());
        }
        return this;
    }

    /** Verifies that the body text contains {@code expected}. */
    public ResponseAssert hasBodyContaining(String expected) {
        isNotNull();
        if (!actual.bodyAsString().contains(expected)) {
            fail(
                    "%nExpecting body to contain:%n  %s%nbut was:%n  %s",
                    expected, actual.bodyAsString());
        }
        return this;
    }

    /** Verifies that the body is empty. */
    public ResponseAssert hasEmptyBody() {
        isNotNull();
        if (actual.bodyLength() != 0) {
            fail("%nExpecting an empty body%nbut was:%n  %s", actual.bodyAsString());
        }
        return this;
    }

    /** Verifies that the body is JSON equal to {@code expected} (layout and key order aside). */
    public ResponseAssert hasJsonBody(String expected) {
        isNotNull();
        JsonNode want;
        try {
            want = JSON.readTree(expected);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected value is not JSON: " + expected, e);
        }
        JsonNode got = jsonBody("a JSON body equal to:" + System.lineSeparator() + "  " + expected);
        if (got != null && !want.equals(got)) {
            fail("%nExpecting JSON body:%n  %s%nbut was:%n  %s", want, got);
        }
        return this;
    }

    /**
     * Verifies that a JSONPath ({@code $.pets[0].name}) of the JSON body has the expected value: a
     * {@code String}, {@code Number}, {@code Boolean}, {@code null}, a {@code List} or {@code Map},
     * or a Jackson {@code JsonNode}. Numbers compare by value ({@code 1} equals {@code 1.0}); a
     * path with wildcards or filters yields a list.
     */
    public ResponseAssert hasJsonPath(String path, Object expected) {
        isNotNull();
        JsonNode want = tree(expected);
        JsonNode got = read(path);
        if (got != null && !want.equals(NUMBERS_BY_VALUE, got)) {
            fail(
                    "%nExpecting JSON path %s to be:%n  %s%nbut was:%n  %s%nin body:%n  %s",
                    path, want, got, actual.bodyAsString());
        }
        return this;
    }

    /** Verifies that a JSONPath of the JSON body exists (its value may be null). */
    public ResponseAssert hasJsonPath(String path) {
        isNotNull();
        read(path);
        return this;
    }

    /** Verifies that a definite JSONPath of the JSON body does not exist. */
    public ResponseAssert doesNotHaveJsonPath(String path) {
        isNotNull();
        JsonNode body = jsonBody("no JSON path " + path);
        if (body == null) {
            return this;
        }
        try {
            JsonNode got = tree(JsonPath.using(JSON_PATH).parse(body).read(compile(path)));
            fail(
                    "%nExpecting no JSON path %s%nbut it was:%n  %s%nin body:%n  %s",
                    path, got, actual.bodyAsString());
        } catch (PathNotFoundException e) {
            return this;
        }
        return this;
    }

    /**
     * Verifies that the response is API Gateway's default response of a type: its status and {@code
     * x-amzn-ErrorType} (reference section 3.1).
     */
    public ResponseAssert isGatewayResponse(GatewayResponseType type) {
        isNotNull();
        String errorType = actual.headers().first("x-amzn-ErrorType").orElse(null);
        boolean statusMatches =
                type.defaultStatus() == 0 || actual.statusCode() == type.defaultStatus();
        if (!statusMatches || !type.errorType().map(t -> t.equals(errorType)).orElse(true)) {
            fail(
                    "%nExpecting gateway response %s (status %s, x-amzn-ErrorType %s)"
                            + "%nbut was:%n  %s",
                    type, type.defaultStatus(), type.errorType().orElse("-"), describe());
        }
        return this;
    }

    /**
     * Verifies API Gateway's {@code x-amzn-ErrorType} header (its first value), for a gateway
     * response answered with a status other than its type's default, such as the 502 of a malformed
     * Lambda proxy response (reference section 3.1).
     */
    public ResponseAssert hasErrorType(String expected) {
        isNotNull();
        String errorType = actual.headers().first("x-amzn-ErrorType").orElse(null);
        if (!expected.equals(errorType)) {
            fail(
                    "%nExpecting x-amzn-ErrorType:%n  %s%nbut was:%n  %s%nin:%n  %s",
                    expected, errorType, describe());
        }
        return this;
    }

    /**
     * Verifies that a line of the execution log contains {@code expected}. Only for assertions made
     * from a {@link TestInvokeResult}: {@code Api.handle} keeps no log.
     */
    public ResponseAssert hasLogLineContaining(String expected) {
        isNotNull();
        if (invocation == null) {
            failWithMessage(
                    "%nExpecting an execution log line containing:%n  %s%nbut there is"
                            + " no log: assert on api.testInvoke(request), not api.handle(request)",
                    expected);
        } else if (!invocation.log().contains(expected)) {
            fail(
                    "%nExpecting an execution log line containing:%n  %s%nbut there was none",
                    expected);
        }
        return this;
    }

    private JsonNode read(String path) {
        JsonNode body = jsonBody("JSON path " + path);
        if (body == null) {
            return null;
        }
        try {
            return tree(JsonPath.using(JSON_PATH).parse(body).read(compile(path)));
        } catch (PathNotFoundException e) {
            fail(
                    "%nExpecting JSON path %s%nbut it was missing in body:%n  %s",
                    path, actual.bodyAsString());
            return null;
        }
    }

    private static JsonNode tree(Object value) {
        return value == null ? NullNode.getInstance() : JSON.valueToTree(value);
    }

    private static JsonPath compile(String path) {
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a JSONPath: " + path, e);
        }
    }

    /** Returns the body as JSON, or fails naming what was expected and returns null. */
    private JsonNode jsonBody(String expecting) {
        try {
            JsonNode body = JSON.readTree(actual.body());
            if (body != null && !body.isMissingNode()) {
                return body;
            }
        } catch (IOException e) {
            // reported below, with the body
        }
        fail("%nExpecting %s%nbut the body is not JSON:%n  %s", expecting, actual.bodyAsString());
        return null;
    }

    /**
     * Fails with the message, followed by the console's test result when there is one. On a plain
     * response the failure carries the response, for {@link ApiGatewayExtension} to add the test
     * result it recorded.
     */
    private void fail(String message, Object... arguments) {
        if (invocation == null) {
            try {
                failWithMessage(message, arguments);
            } catch (AssertionError e) {
                throw new ResponseAssertionError(e, actual);
            }
            return;
        }
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = ConsoleLog.format(invocation);
        failWithMessage(message + "%n%n" + ConsoleLog.HEADING + "%n%s", all);
    }

    private String describe() {
        return actual.statusCode() + " " + actual.headers() + " " + actual.bodyAsString();
    }
}
