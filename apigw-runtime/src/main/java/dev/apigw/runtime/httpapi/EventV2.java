package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.integration.ProxyEvent;
import dev.apigw.runtime.integration.ProxyRequestContext;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString V2 = new SerializedString("2.0");
    private static final SerializedString ROUTE_KEY = new SerializedString("routeKey");
    private static final SerializedString RAW_PATH = new SerializedString("rawPath");
    private static final SerializedString RAW_QUERY_STRING = new SerializedString("rawQueryString");
    private static final SerializedString COOKIES = new SerializedString("cookies");
    private static final SerializedString HEADERS = new SerializedString("headers");
    private static final SerializedString QUERY_STRING_PARAMETERS =
            new SerializedString("queryStringParameters");
    private static final SerializedString BODY = new SerializedString("body");
    private static final SerializedString PATH_PARAMETERS = new SerializedString("pathParameters");
    private static final SerializedString IS_BASE64_ENCODED =
            new SerializedString("isBase64Encoded");
    private static final SerializedString STAGE_VARIABLES = new SerializedString("stageVariables");
    private static final SerializedString REQUEST_CONTEXT = new SerializedString("requestContext");
    private static final SerializedString ACCOUNT_ID = new SerializedString("accountId");
    private static final SerializedString API_ID = new SerializedString("apiId");
    private static final SerializedString AUTHENTICATION = new SerializedString("authentication");
    private static final SerializedString DOMAIN_NAME = new SerializedString("domainName");
    private static final SerializedString DOMAIN_PREFIX = new SerializedString("domainPrefix");
    private static final SerializedString HTTP = new SerializedString("http");
    private static final SerializedString METHOD = new SerializedString("method");
    private static final SerializedString PATH = new SerializedString("path");
    private static final SerializedString PROTOCOL = new SerializedString("protocol");
    private static final SerializedString PROTOCOL_VALUE =
            new SerializedString(ContextVariables.PROTOCOL);
    private static final SerializedString SOURCE_IP = new SerializedString("sourceIp");
    private static final SerializedString USER_AGENT = new SerializedString("userAgent");
    private static final SerializedString REQUEST_ID = new SerializedString("requestId");
    private static final SerializedString STAGE = new SerializedString("stage");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString TIME_EPOCH = new SerializedString("timeEpoch");

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
        g.writeFieldName(VERSION);
        g.writeString(V2);
        writeField(g, ROUTE_KEY, routeKey);
        writeField(g, RAW_PATH, request.path());
        writeField(g, RAW_QUERY_STRING, request.rawQueryString());
        writeCookies(g, request);
        writeHeaders(g, exchange);
        writeJoined(g, QUERY_STRING_PARAMETERS, exchange.queryParameters());
        writeRequestContext(g, exchange, resolution, routeKey);
        String text = EventBodies.text(request);
        if (text == null) {
            writeField(g, BODY, Base64.getEncoder().encodeToString(request.body()));
        } else if (!text.isEmpty()) {
            writeField(g, BODY, text);
        }
        writeMap(g, PATH_PARAMETERS, exchange.route().pathParameters());
        g.writeFieldName(IS_BASE64_ENCODED);
        g.writeBoolean(text == null);
        writeMap(g, STAGE_VARIABLES, resolution.stage().stageVariables());
        g.writeEndObject();
    }

    /**
     * Writes {@code cookies}: every {@code name=value} piece of the request's {@code Cookie}
     * headers, or nothing when there are none.
     */
    private static void writeCookies(JsonGenerator g, Request request) throws IOException {
        List<String> cookies = cookies(request);
        if (cookies.isEmpty()) {
            return;
        }
        g.writeFieldName(COOKIES);
        g.writeStartArray();
        for (String cookie : cookies) {
            g.writeString(cookie);
        }
        g.writeEndArray();
    }

    /** Returns every {@code name=value} piece of the request's {@code Cookie} headers. */
    static List<String> cookies(Request request) {
        List<String> sent = request.headers().values("Cookie");
        if (sent.isEmpty()) {
            return List.of();
        }
        List<String> cookies = new ArrayList<>();
        for (String header : sent) {
            for (String piece : header.split(";")) {
                String cookie = piece.strip();
                if (!cookie.isEmpty()) {
                    cookies.add(cookie);
                }
            }
        }
        return cookies;
    }

    /** Writes {@code headers} ({@link EventHeaders}). */
    private static void writeHeaders(JsonGenerator g, Exchange exchange) throws IOException {
        g.writeFieldName(HEADERS);
        g.writeStartObject();
        EventHeaders.of(exchange).write(g);
        g.writeEndObject();
    }

    private static void writeRequestContext(
            JsonGenerator g, Exchange exchange, HttpResolution resolution, String routeKey)
            throws IOException {
        Request request = exchange.request();
        g.writeFieldName(REQUEST_CONTEXT);
        g.writeStartObject();
        writeField(g, ACCOUNT_ID, exchange.gateway().accountId());
        writeField(g, API_ID, exchange.state().apiId());
        Optional<Request.ClientCertificate> cert = request.clientCertificate();
        if (cert.isPresent()) {
            g.writeFieldName(AUTHENTICATION);
            g.writeStartObject();
            ProxyRequestContext.writeClientCert(g, cert.get());
            g.writeEndObject();
        }
        Optional<RouteAuthorization> authorization = exchange.attribute(RouteAuthorization.KEY);
        if (authorization.isPresent()) {
            EventAuthorizer.write(g, authorization.get());
        }
        String domainName = ContextVariables.domainName(exchange);
        writeField(g, DOMAIN_NAME, domainName);
        writeField(g, DOMAIN_PREFIX, ContextVariables.domainPrefix(domainName));
        g.writeFieldName(HTTP);
        g.writeStartObject();
        writeField(g, METHOD, request.httpMethod());
        writeField(g, PATH, request.path());
        g.writeFieldName(PROTOCOL);
        g.writeString(PROTOCOL_VALUE);
        writeField(g, SOURCE_IP, request.sourceIp());
        writeField(g, USER_AGENT, request.headers().first("User-Agent").orElse(""));
        g.writeEndObject();
        writeField(g, REQUEST_ID, exchange.requestId());
        writeField(g, ROUTE_KEY, routeKey);
        writeField(g, STAGE, resolution.stageName());
        writeField(g, TIME, ContextVariables.requestTime(exchange.requestTime()));
        g.writeFieldName(TIME_EPOCH);
        g.writeNumber(exchange.requestTime().toEpochMilli());
        g.writeEndObject();
    }

    private static void writeField(JsonGenerator g, SerializedString name, String value)
            throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    /** Writes each name with its values comma-joined, or nothing when there are none. */
    private static void writeJoined(
            JsonGenerator g, SerializedString field, Map<String, List<String>> values)
            throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeFieldName(field);
        g.writeStartObject();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            writeJoinedValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeJoinedValue(JsonGenerator g, List<String> values) throws IOException {
        g.writeString(values.size() == 1 ? values.get(0) : String.join(",", values));
    }

    private static void writeMap(
            JsonGenerator g, SerializedString field, Map<String, String> values)
            throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeFieldName(field);
        g.writeStartObject();
        for (Map.Entry<String, String> e : values.entrySet()) {
            writeField(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeField(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }
}
