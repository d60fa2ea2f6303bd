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
 * 6.3). HTTP APIs send the same event with {@code version} 1.0 (reference 2.3), through {@link
 * #of(Exchange, Source)}. Internal: a REQUEST Lambda authorizer's event reuses its writers
 * (reference 8.3).
 */
public final class ProxyEvent {
    private static final JsonFactory JSON = new JsonFactory();

    private ProxyEvent() {}

    /**
     * What a payload format 1.0 event takes from the kind of API that sends it: REST APIs
     * (reference 2.1) or HTTP APIs (reference 2.3).
     *
     * @param version the {@code version} field, null for none (REST APIs send none)
     * @param resource the {@code resource} field: the resource path or the route's path
     * @param path the {@code path} field: the request path after the stage
     * @param edge whether the API is served through CloudFront, which re-cases some headers
     * @param binaryBody whether the body goes base64 with {@code isBase64Encoded: true}
     * @param stageVariables the stage variables of the request
     * @param requestContext writes the {@code requestContext} field
     */
    public record Source(
            String version,
            String resource,
            String path,
            boolean edge,
            boolean binaryBody,
            Map<String, String> stageVariables,
            JsonWriter requestContext) {}

    /** Writes JSON for an exchange. */
    @FunctionalInterface
    public interface JsonWriter {
        /** Writes to {@code g}. */
        void write(JsonGenerator g, Exchange exchange) throws IOException;
    }

    /** Returns the event of a REST API's exchange as JSON bytes. */
    static byte[] of(Exchange exchange) {
        Request request = exchange.request();
        RestApi api = exchange.stage().deployment().restApi();
        Source source =
                new Source(
                        null,
                        exchange.method().resource().path(),
                        exchange.resourcePath(),
                        ProxyEventHeaders.isEdge(api.endpointConfiguration().types()),
                        request.bodyLength() > 0
                                && MediaTypes.isBinary(
                                        MediaTypes.mimeType(
                                                request.headers().first("Content-Type").orElse("")),
                                        api.binaryMediaTypes()),
                        exchange.stageVariables(),
                        ProxyRequestContext::write);
        return of(exchange, source);
    }

    /** Returns the payload format 1.0 event of an exchange as JSON bytes. */
    public static byte[] of(Exchange exchange, Source source) {
        return json(exchange, (g, e) -> write(g, e, source));
    }

    /** Returns what {@code writer} writes for an exchange, as JSON bytes. */
    public static byte[] json(Exchange exchange, JsonWriter writer) {
        BufferRecycler recycler = JSON._getBufferRecycler();
        ByteArrayBuilder out = new ByteArrayBuilder(recycler, 2048);
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                writer.write(g, exchange);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a proxy event to memory", e);
        } finally {
            out.release();
            recycler.releaseToPool();
        }
    }

    private static void write(JsonGenerator g, Exchange exchange, Source source)
            throws IOException {
        g.writeStartObject();
        if (source.version() != null) {
            g.writeStringField("version", source.version());
        }
        writeRequest(g, exchange, source.resource(), source.path(), source.edge());
        writeMap(g, EventFields.PATH_PARAMETERS, exchange.route().pathParameters());
        writeMap(g, EventFields.STAGE_VARIABLES, source.stageVariables());
        source.requestContext().write(g, exchange);
        writeBody(g, exchange.request(), source.binaryBody());
        g.writeEndObject();
    }

    /**
     * Writes the request fields a Lambda proxy event (reference 2.1) and a REQUEST authorizer's
     * event (reference 8.3) share, in AWS's order: {@code resource}, {@code path}, {@code
     * httpMethod}, {@code headers}, {@code multiValueHeaders}, {@code queryStringParameters} and
     * {@code multiValueQueryStringParameters}.
     */
    public static void writeRequest(JsonGenerator g, Exchange exchange) throws IOException {
        RestApi api = exchange.stage().deployment().restApi();
        writeRequest(
                g,
                exchange,
                exchange.method().resource().path(),
                exchange.resourcePath(),
                ProxyEventHeaders.isEdge(api.endpointConfiguration().types()));
    }

    private static void writeRequest(
            JsonGenerator g, Exchange exchange, String resource, String path, boolean edge)
            throws IOException {
        g.writeFieldName(EventFields.RESOURCE);
        g.writeString(resource);
        g.writeFieldName(EventFields.PATH);
        g.writeString(path);
        g.writeFieldName(EventFields.HTTP_METHOD);
        g.writeString(exchange.request().httpMethod());
        writeMaps(g, "headers", "multiValueHeaders", ProxyEventHeaders.of(exchange, edge));
        writeMaps(
                g,
                "queryStringParameters",
                "multiValueQueryStringParameters",
                exchange.queryParameters());
    }

    private static void writeBody(JsonGenerator g, Request request, boolean binary)
            throws IOException {
        if (request.bodyLength() == 0) {
            g.writeNullField("body");
            g.writeBooleanField("isBase64Encoded", false);
        } else if (binary) {
            g.writeStringField("body", Base64.getEncoder().encodeToString(request.body()));
            g.writeBooleanField("isBase64Encoded", true);
        } else {
            g.writeStringField("body", request.bodyAsString());
            g.writeBooleanField("isBase64Encoded", false);
        }
    }

    /**
     * Writes a 1.0 event's pair of maps (reference 2.1): {@code single} with each name's last
     * value, {@code multi} with all of them; both {@code null} when there are none.
     */
    public static void writeMaps(
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
