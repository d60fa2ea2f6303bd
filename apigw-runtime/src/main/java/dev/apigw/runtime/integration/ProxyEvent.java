package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes the Lambda proxy event of a REST request, payload format 1.0 (reference 2.1), straight to
 * bytes, with the fields in the order of real AWS events. {@code path} is the path after the stage;
 * the query maps are form-decoded, the single-value map keeping the last value; the maps are {@code
 * null} rather than empty; {@code body} is {@code null} without a body, and base64 with {@code
 * isBase64Encoded: true} when the request's Content-Type is in {@code binaryMediaTypes} (reference
 * 6.3). Internal: a REQUEST Lambda authorizer's event reuses its writers (reference 8.3).
 */
public final class ProxyEvent {
    private static final JsonFactory JSON = new JsonFactory();

    private ProxyEvent() {}

    /** Returns the event of an exchange as JSON bytes. */
    static byte[] of(Exchange exchange) {
        BufferRecycler recycler = JSON._getBufferRecycler();
        ByteArrayBuilder out = new ByteArrayBuilder(recycler, 2048);
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                write(g, exchange);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a proxy event to memory", e);
        } finally {
            out.release();
            recycler.releaseToPool();
        }
    }

    private static void write(JsonGenerator g, Exchange exchange) throws IOException {
        Request request = exchange.request();
        RestApi api = exchange.stage().deployment().restApi();
        g.writeStartObject();
        writeRequest(g, exchange);
        writeMap(g, EventFields.PATH_PARAMETERS, exchange.route().pathParameters());
        writeMap(g, EventFields.STAGE_VARIABLES, exchange.stageVariables());
        ProxyRequestContext.write(g, exchange);
        writeBody(g, request, api);
        g.writeEndObject();
    }

    /**
     * Writes the request fields a Lambda proxy event (reference 2.1) and a REQUEST authorizer's
     * event (reference 8.3) share, in AWS's order: {@code resource}, {@code path}, {@code
     * httpMethod}, {@code headers}, {@code multiValueHeaders}, {@code queryStringParameters} and
     * {@code multiValueQueryStringParameters}.
     */
    public static void writeRequest(JsonGenerator g, Exchange exchange) throws IOException {
        Request request = exchange.request();
        RestApi api = exchange.stage().deployment().restApi();
        g.writeFieldName(EventFields.RESOURCE);
        g.writeString(exchange.method().resource().path());
        g.writeFieldName(EventFields.PATH);
        g.writeString(exchange.resourcePath());
        g.writeFieldName(EventFields.HTTP_METHOD);
        g.writeString(request.httpMethod());
        Map<String, List<String>> headers =
                ProxyEventHeaders.of(
                        exchange, ProxyEventHeaders.isEdge(api.endpointConfiguration().types()));
        writeMaps(g, "headers", "multiValueHeaders", headers);
        writeMaps(
                g,
                "queryStringParameters",
                "multiValueQueryStringParameters",
                exchange.queryParameters());
    }

    private static void writeBody(JsonGenerator g, Request request, RestApi api)
            throws IOException {
        if (request.bodyLength() == 0) {
            g.writeNullField("body");
            g.writeBooleanField("isBase64Encoded", false);
        } else if (MediaTypes.isBinary(
                MediaTypes.mimeType(request.headers().first("Content-Type").orElse("")),
                api.binaryMediaTypes())) {
            g.writeStringField("body", Base64.getEncoder().encodeToString(request.body()));
            g.writeBooleanField("isBase64Encoded", true);
        } else {
            g.writeStringField("body", request.bodyAsString());
            g.writeBooleanField("isBase64Encoded", false);
        }
    }

    private static void writeMaps(
            JsonGenerator g, String single, String multi, Map<String, List<String>> values)
            throws IOException {
        if (values.isEmpty()) {
            g.writeNullField(single);
            g.writeNullField(multi);
            return;
        }
        g.writeObjectFieldStart(single);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        g.writeEndObject();
        g.writeObjectFieldStart(multi);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String value : e.getValue()) {
                g.writeString(value);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeMap(JsonGenerator g, SerializedString name, Map<String, String> values)
            throws IOException {
        g.writeFieldName(name);
        if (values.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
