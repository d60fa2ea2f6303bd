package dev.apigw.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import java.io.IOException;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link Response}: status, headers, body, gateway response type. */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, Response> {
    private static final ObjectMapper JSON = new ObjectMapper();

    ResponseAssert(Response actual) {
        super(actual, ResponseAssert.class);
    }

    /** Verifies the status code. */
    public ResponseAssert hasStatus(int expected) {
        isNotNull();
        if (actual.statusCode() != expected) {
            failWithMessage("%nExpecting status:%n  %s%nbut was:%n  %s%nin:%n  %s", expected,
                    actual.statusCode(), describe());
        }
        return this;
    }

    /** Verifies that a header (any casing) has this value among its values. */
    public ResponseAssert hasHeader(String name, String expected) {
        isNotNull();
        List<String> values = actual.headers().values(name);
        if (!values.contains(expected)) {
            failWithMessage("%nExpecting header %s:%n  %s%nbut was:%n  %s%nin:%n  %s", name,
                    expected, values, describe());
        }
        return this;
    }

    /** Verifies that a header (any casing) is present. */
    public ResponseAssert hasHeader(String name) {
        isNotNull();
        if (!actual.headers().contains(name)) {
            failWithMessage("%nExpecting header %s%nbut it was missing in:%n  %s", name,
                    describe());
        }
        return this;
    }

    /** Verifies that a header (any casing) is absent. */
    public ResponseAssert doesNotHaveHeader(String name) {
        isNotNull();
        if (actual.headers().contains(name)) {
            failWithMessage("%nExpecting no header %s%nbut was:%n  %s", name,
                    actual.headers().values(name));
        }
        return this;
    }

    /** Verifies the body text, byte for byte as UTF-8. */
    public ResponseAssert hasBody(String expected) {
        isNotNull();
        if (!actual.bodyAsString().equals(expected)) {
            failWithMessage("%nExpecting body:%n  %s%nbut was:%n  %s", expected,
                    actual.bodyAsString());
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
        JsonNode got;
        try {
            got = JSON.readTree(actual.body());
        } catch (IOException e) {
            failWithMessage("%nExpecting a JSON body equal to:%n  %s%nbut the body is not JSON:%n"
                    + "  %s", expected, actual.bodyAsString());
            return this;
        }
        if (!want.equals(got)) {
            failWithMessage("%nExpecting JSON body:%n  %s%nbut was:%n  %s", want, got);
        }
        return this;
    }

    /**
     * Verifies that the response is API Gateway's default response of a type: its status and
     * {@code x-amzn-ErrorType} (reference section 3.1).
     */
    public ResponseAssert isGatewayResponse(GatewayResponseType type) {
        isNotNull();
        String errorType = actual.headers().first("x-amzn-ErrorType").orElse(null);
        boolean statusMatches = type.defaultStatus() == 0
                || actual.statusCode() == type.defaultStatus();
        if (!statusMatches || !type.errorType().map(t -> t.equals(errorType)).orElse(true)) {
            failWithMessage("%nExpecting gateway response %s (status %s, x-amzn-ErrorType %s)"
                    + "%nbut was:%n  %s", type, type.defaultStatus(),
                    type.errorType().orElse("-"), describe());
        }
        return this;
    }

    private String describe() {
        return actual.statusCode() + " " + actual.headers() + " " + actual.bodyAsString();
    }
}
