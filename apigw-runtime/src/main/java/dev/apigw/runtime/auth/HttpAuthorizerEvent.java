package dev.apigw.runtime.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.model.RouteKey;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.httpapi.CompiledRoute;
import dev.apigw.runtime.httpapi.HttpResolution;
import dev.apigw.runtime.integration.ProxyEvent;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the event an HTTP API Lambda authorizer receives (reference 8.6), straight to bytes.
 * Format 2.0: {@code version}, {@code type} {@code REQUEST}, {@code routeArn}, {@code
 * identitySource} (the values, an array), {@code routeKey}, {@code rawPath}, {@code
 * rawQueryString}, {@code cookies} (omitted when none), {@code headers} (names lower-cased,
 * repeated values comma-joined, {@code cookie} moved to {@code cookies}), {@code
 * queryStringParameters} (comma-joined, omitted when none), {@code requestContext} as in the 2.0
 * integration event (reference 2.4), {@code pathParameters} and {@code stageVariables} (omitted
 * when empty). Format 1.0: the REST REQUEST event's fields (reference 8.3) with {@code version}
 * {@code 1.0}, {@code methodArn} the route ARN, and {@code identitySource} and {@code
 * authorizationToken} the values joined by commas.
 */
final class HttpAuthorizerEvent {
    private static final String PROTOCOL = "HTTP/1.1";

    private HttpAuthorizerEvent() {}

    /** Returns the 2.0 event of an exchange. */
    static byte[] v2(Exchange exchange, String routeArn, List<String> identity) {
        Request request = exchange.request();
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers()
                .forEach(
                        (name, value) -> {
                            String key = name.toLowerCase(Locale.ROOT);
                            if (key.equals("cookie")) {
                                for (String cookie : value.split(";")) {
                                    if (!cookie.isBlank()) {
                                        cookies.add(cookie.strip());
                                    }
                                }
                            } else {
                                headers.merge(key, value, (a, b) -> a + "," + b);
                            }
                        });
        return AuthorizerEvent.write(
                g -> {
                    g.writeStringField("version", "2.0");
                    g.writeStringField("type", "REQUEST");
                    g.writeStringField("routeArn", routeArn);
                    g.writeArrayFieldStart("identitySource");
                    for (String value : identity) {
                        g.writeString(value);
                    }
                    g.writeEndArray();
                    g.writeStringField("routeKey", routeKey(exchange));
                    g.writeStringField("rawPath", request.path());
                    g.writeStringField("rawQueryString", request.rawQueryString());
                    if (!cookies.isEmpty()) {
                        g.writeArrayFieldStart("cookies");
                        for (String cookie : cookies) {
                            g.writeString(cookie);
                        }
                        g.writeEndArray();
                    }
                    writeMap(g, "headers", headers);
                    Map<String, String> query = new LinkedHashMap<>();
                    exchange.queryParameters().forEach((k, v) -> query.put(k, String.join(",", v)));
                    writeMap(g, "queryStringParameters", query);
                    g.writeObjectFieldStart("requestContext");
                    writeContext(g, exchange, resolution);
                    g.writeObjectFieldStart("http");
                    g.writeStringField("method", request.httpMethod());
                    g.writeStringField("path", request.path());
                    g.writeStringField("protocol", PROTOCOL);
                    g.writeStringField("sourceIp", request.sourceIp());
                    g.writeStringField(
                            "userAgent", request.headers().last("user-agent").orElse(""));
                    g.writeEndObject();
                    g.writeStringField(
                            "time", ContextVariables.requestTime(exchange.requestTime()));
                    g.writeNumberField("timeEpoch", exchange.requestTime().toEpochMilli());
                    g.writeEndObject();
                    writeMap(g, "pathParameters", exchange.route().pathParameters());
                    writeMap(g, "stageVariables", resolution.stage().stageVariables());
                });
    }

    /** Returns the 1.0 event of an exchange. */
    static byte[] v1(Exchange exchange, String routeArn, List<String> identity) {
        Request request = exchange.request();
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        String joined = String.join(",", identity);
        Map<String, List<String>> headers = request.headers().toMultimap();
        return AuthorizerEvent.write(
                g -> {
                    g.writeStringField("version", "1.0");
                    g.writeStringField("type", "REQUEST");
                    g.writeStringField("methodArn", routeArn);
                    g.writeStringField("identitySource", joined);
                    g.writeStringField("authorizationToken", joined);
                    RouteKey key = exchange.target(CompiledRoute.class).route().routeKey();
                    String resource = key.isDefault() ? RouteKey.DEFAULT : key.path();
                    g.writeStringField("resource", resource);
                    g.writeStringField("path", request.path());
                    g.writeStringField("httpMethod", request.httpMethod());
                    ProxyEvent.writeMaps(g, "headers", "multiValueHeaders", headers);
                    ProxyEvent.writeMaps(
                            g,
                            "queryStringParameters",
                            "multiValueQueryStringParameters",
                            exchange.queryParameters());
                    g.writeObjectFieldStart("requestContext");
                    writeContext(g, exchange, resolution);
                    g.writeStringField("extendedRequestId", exchange.requestId());
                    g.writeStringField("httpMethod", request.httpMethod());
                    g.writeObjectFieldStart("identity");
                    g.writeStringField("sourceIp", request.sourceIp());
                    g.writeStringField(
                            "userAgent", request.headers().last("user-agent").orElse(""));
                    g.writeEndObject();
                    g.writeStringField("path", request.path());
                    g.writeStringField("protocol", PROTOCOL);
                    g.writeStringField(
                            "requestTime", ContextVariables.requestTime(exchange.requestTime()));
                    g.writeNumberField("requestTimeEpoch", exchange.requestTime().toEpochMilli());
                    g.writeStringField("resourceId", routeKey(exchange));
                    g.writeStringField("resourcePath", resource);
                    g.writeEndObject();
                    writeMap(g, "pathParameters", exchange.route().pathParameters());
                    writeMap(g, "stageVariables", resolution.stage().stageVariables());
                });
    }

    private static String routeKey(Exchange exchange) {
        return exchange.target(CompiledRoute.class).routeKey();
    }

    private static void writeContext(JsonGenerator g, Exchange exchange, HttpResolution resolution)
            throws IOException {
        String apiId = exchange.state().apiId();
        String domain =
                exchange.request()
                        .headers()
                        .last("host")
                        .orElse(
                                apiId
                                        + ".execute-api."
                                        + exchange.gateway().region()
                                        + ".amazonaws.com");
        int dot = domain.indexOf('.');
        g.writeStringField("accountId", exchange.gateway().accountId());
        g.writeStringField("apiId", apiId);
        g.writeStringField("domainName", domain);
        g.writeStringField("domainPrefix", dot < 0 ? domain : domain.substring(0, dot));
        g.writeStringField("requestId", exchange.requestId());
        g.writeStringField("routeKey", routeKey(exchange));
        g.writeStringField("stage", resolution.stageName());
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, String> values)
            throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
