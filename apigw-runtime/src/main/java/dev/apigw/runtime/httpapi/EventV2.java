package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.integration.ProxyEvent;
import dev.apigw.runtime.integration.ProxyEventHeaders;
import dev.apigw.runtime.integration.ProxyRequestContext;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the Lambda event of an HTTP API request, payload format 2.0 (reference 2.4), in the order
 * of AWS's sample. {@code rawPath} and {@code requestContext.http.path} are the path as received,
 * the stage prefix of a named stage included; {@code cookies} are the {@code name=value} pieces of
 * every {@code Cookie} header (split on {@code ;}, trimmed, empty pieces dropped), omitted when
 * there are none; {@code headers} are the REST event's headers (the same hidden and added ones)
 * with lower-cased names, repeated values comma-joined, {@code content-length} as sent, and no
 * {@code cookie} (it is in {@code cookies}); {@code queryStringParameters} are the form-decoded
 * values comma-joined; {@code queryStringParameters}, {@code pathParameters}, {@code
 * stageVariables}, {@code cookies} and {@code body} are omitted when empty; the body is text or
 * base64 as {@link EventBodies} decides. {@code requestContext.authentication} is there only over
 * mutual TLS and {@code authorizer} only when the route's authorizer ran ({@link EventAuthorizer}).
 */
final class EventV2 {
    private EventV2() {}

    /** Returns the event of the exchange as JSON bytes. */
    static byte[] of(Exchange exchange) {
        return ProxyEvent.json(exchange, EventV2::write);
    }

    private static void write(JsonGenerator g, Exchange exchange) throws IOException {
        Request request = exchange.request();
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        String routeKey = exchange.target(CompiledRoute.class).routeKey();
        g.writeStartObject();
        g.writeStringField("version", "2.0");
        g.writeStringField("routeKey", routeKey);
        g.writeStringField("rawPath", request.path());
        g.writeStringField("rawQueryString", request.rawQueryString());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            g.writeArrayFieldStart("cookies");
            for (String cookie : cookies) {
                g.writeString(cookie);
            }
            g.writeEndArray();
        }
        writeJoined(g, "headers", headers(exchange));
        writeJoined(g, "queryStringParameters", exchange.queryParameters());
        writeRequestContext(g, exchange, resolution, routeKey);
        boolean binary = EventBodies.isBinary(request);
        if (request.bodyLength() > 0) {
            g.writeStringField(
                    "body",
                    binary
                            ? Base64.getEncoder().encodeToString(request.body())
                            : request.bodyAsString());
        }
        writeMap(g, "pathParameters", exchange.route().pathParameters());
        g.writeBooleanField("isBase64Encoded", binary);
        writeMap(g, "stageVariables", resolution.stage().stageVariables());
        g.writeEndObject();
    }

    /** Returns every {@code name=value} piece of the request's {@code Cookie} headers. */
    static List<String> cookies(Request request) {
        List<String> cookies = new ArrayList<>();
        for (String header : request.headers().values("Cookie")) {
            for (String piece : header.split(";")) {
                String cookie = piece.strip();
                if (!cookie.isEmpty()) {
                    cookies.add(cookie);
                }
            }
        }
        return cookies;
    }

    private static Map<String, List<String>> headers(Exchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        ProxyEventHeaders.of(exchange, false)
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("Cookie")) {
                                headers.computeIfAbsent(
                                                name.toLowerCase(Locale.ROOT),
                                                n -> new ArrayList<>())
                                        .addAll(values);
                            }
                        });
        Optional<String> length = exchange.request().headers().first("Content-Length");
        length.ifPresent(value -> headers.put("content-length", List.of(value)));
        return headers;
    }

    private static void writeRequestContext(
            JsonGenerator g, Exchange exchange, HttpResolution resolution, String routeKey)
            throws IOException {
        Request request = exchange.request();
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", exchange.gateway().accountId());
        g.writeStringField("apiId", exchange.state().apiId());
        Optional<Request.ClientCertificate> cert = request.clientCertificate();
        if (cert.isPresent()) {
            g.writeObjectFieldStart("authentication");
            ProxyRequestContext.writeClientCert(g, cert.get());
            g.writeEndObject();
        }
        Optional<RouteAuthorization> authorization = exchange.attribute(RouteAuthorization.KEY);
        if (authorization.isPresent()) {
            EventAuthorizer.write(g, authorization.get());
        }
        g.writeStringField("domainName", ContextVariables.domainName(exchange));
        g.writeStringField("domainPrefix", ContextVariables.domainPrefix(exchange));
        g.writeObjectFieldStart("http");
        g.writeStringField("method", request.httpMethod());
        g.writeStringField("path", request.path());
        g.writeStringField("protocol", ContextVariables.PROTOCOL);
        g.writeStringField("sourceIp", request.sourceIp());
        g.writeStringField("userAgent", request.headers().first("User-Agent").orElse(""));
        g.writeEndObject();
        g.writeStringField("requestId", exchange.requestId());
        g.writeStringField("routeKey", routeKey);
        g.writeStringField("stage", resolution.stageName());
        g.writeStringField("time", ContextVariables.requestTime(exchange.requestTime()));
        g.writeNumberField("timeEpoch", exchange.requestTime().toEpochMilli());
        g.writeEndObject();
    }

    private static void writeJoined(JsonGenerator g, String field, Map<String, List<String>> values)
            throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            g.writeStringField(e.getKey(), String.join(",", e.getValue()));
        }
        g.writeEndObject();
    }

    private static void writeMap(JsonGenerator g, String field, Map<String, String> values)
            throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
