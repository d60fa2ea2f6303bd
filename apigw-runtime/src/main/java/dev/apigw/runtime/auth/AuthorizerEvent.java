package dev.apigw.runtime.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.apigw.runtime.integration.ProxyEvent;
import dev.apigw.runtime.integration.ProxyRequestContext;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes the event a Lambda authorizer receives (reference 8.3), straight to bytes, with the fields
 * in the order of AWS's samples. TOKEN: {@code {"type":"TOKEN","authorizationToken":…,
 * "methodArn":…}}. REQUEST: {@code type}, {@code methodArn}, then the request's {@code resource},
 * {@code path}, {@code httpMethod}, {@code headers}, {@code multiValueHeaders}, {@code
 * queryStringParameters}, {@code multiValueQueryStringParameters} as the Lambda proxy event writes
 * them (reference 2.1, {@code null} when empty), {@code pathParameters} ({@code {}} when the
 * resource has none, as in AWS's sample), {@code stageVariables} ({@code null} when the stage has
 * none) and the proxy event's {@code requestContext} (no {@code authorizer} yet).
 */
final class AuthorizerEvent {
    private static final JsonFactory JSON = new JsonFactory();

    private AuthorizerEvent() {}

    /** Returns the TOKEN authorizer's event. */
    static byte[] token(String authorizationToken, String methodArn) {
        return write(
                g -> {
                    g.writeStringField("type", "TOKEN");
                    g.writeStringField("authorizationToken", authorizationToken);
                    g.writeStringField("methodArn", methodArn);
                });
    }

    /** Returns the REQUEST authorizer's event of an exchange. */
    static byte[] request(Exchange exchange, String methodArn) {
        return write(
                g -> {
                    g.writeStringField("type", "REQUEST");
                    g.writeStringField("methodArn", methodArn);
                    ProxyEvent.writeRequest(g, exchange);
                    writeMap(g, "pathParameters", exchange.route().pathParameters(), false);
                    writeMap(g, "stageVariables", exchange.stageVariables(), true);
                    ProxyRequestContext.write(g, exchange);
                });
    }

    private static void writeMap(
            JsonGenerator g, String name, Map<String, String> values, boolean nullWhenEmpty)
            throws IOException {
        if (values.isEmpty() && nullWhenEmpty) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Writes the fields of an event. */
    interface Fields {
        /** Writes the fields. */
        void write(JsonGenerator g) throws IOException;
    }

    /** Returns the event object whose fields {@code fields} writes, as bytes. */
    static byte[] write(Fields fields) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(1024)) {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an authorizer event to memory", e);
        }
    }
}
