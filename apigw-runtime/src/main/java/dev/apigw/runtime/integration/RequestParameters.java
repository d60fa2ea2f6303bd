package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.parameters.MappingExpression;
import dev.apigw.runtime.parameters.ParameterSource;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code integration.request.*} mappings of an integration (reference 5.2), parsed once when
 * the API is built and resolved per request, for every integration type that uses them. Targets are
 * {@code path}, {@code querystring}, {@code multivaluequerystring}, {@code header} and {@code
 * multivalueheader}. A source without a value leaves its target out. Several values of a
 * multi-value source become several query parameters (for both query targets), several header lines
 * for a {@code multivalueheader} target, and one value joined with commas for a {@code header} or
 * {@code path} target (unconfirmed, reference 5.2 lists the multi-value targets as unconfirmed).
 *
 * <p>Header targets follow the recorded rules of reference 5.2. Mappings to {@code Content-Length}
 * or {@code Transfer-Encoding} are accepted but make every call fail with 500 for HTTP, HTTP_PROXY,
 * AWS and AWS_PROXY; for AWS and AWS_PROXY so do {@code Authorization}, {@code Connection}, {@code
 * Expect}, {@code Proxy-Authenticate} and {@code TE}. For HTTP and HTTP_PROXY, mappings to {@code
 * Expect}, {@code Proxy-Authenticate}, {@code TE} and {@code Via} are silently dropped; for AWS and
 * AWS_PROXY a mapping to {@code Via} is dropped too (unconfirmed).
 */
final class RequestParameters {
    private static final String PATH = "integration.request.path.";
    private static final String QUERY = "integration.request.querystring.";
    private static final String MULTI_QUERY = "integration.request.multivaluequerystring.";
    private static final String HEADER = "integration.request.header.";
    private static final String MULTI_HEADER = "integration.request.multivalueheader.";
    private static final Set<String> HTTP_FAILING = Set.of("content-length", "transfer-encoding");
    private static final Set<String> HTTP_DROPPED =
            Set.of("expect", "proxy-authenticate", "te", "via");
    private static final Set<String> AWS_FAILING =
            Set.of(
                    "content-length",
                    "transfer-encoding",
                    "authorization",
                    "connection",
                    "expect",
                    "proxy-authenticate",
                    "te");
    private static final Set<String> AWS_DROPPED = Set.of("via");

    private final Map<String, ParameterSource> path = new LinkedHashMap<>();
    private final Map<String, ParameterSource> query = new LinkedHashMap<>();
    private final Map<String, HeaderTarget> headers = new LinkedHashMap<>();
    private final String failingHeader;

    private record HeaderTarget(ParameterSource source, boolean multiValue) {}

    /**
     * Parses the mappings, target to source, with the header rules of an integration type; fails
     * with AWS's text naming an invalid target or source.
     */
    RequestParameters(Map<String, String> requestParameters, IntegrationType type) {
        boolean aws = type == IntegrationType.AWS || type == IntegrationType.AWS_PROXY;
        boolean http = type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY;
        Set<String> failingHeaders = aws ? AWS_FAILING : http ? HTTP_FAILING : Set.of();
        Set<String> droppedHeaders = aws ? AWS_DROPPED : http ? HTTP_DROPPED : Set.of();
        String failing = null;
        for (Map.Entry<String, String> e : requestParameters.entrySet()) {
            String target = e.getKey();
            ParameterSource source =
                    ParameterSource.parse(e.getValue(), ParameterSource.Side.METHOD_REQUEST);
            if (target.startsWith(PATH)) {
                path.put(name(target, PATH), source);
            } else if (target.startsWith(QUERY)) {
                query.put(name(target, QUERY), source);
            } else if (target.startsWith(MULTI_QUERY)) {
                query.put(name(target, MULTI_QUERY), source);
            } else if (target.startsWith(HEADER) || target.startsWith(MULTI_HEADER)) {
                boolean multi = target.startsWith(MULTI_HEADER);
                String name = name(target, multi ? MULTI_HEADER : HEADER);
                String lower = name.toLowerCase(Locale.ROOT);
                if (failingHeaders.contains(lower)) {
                    failing = failing == null ? name : failing;
                } else if (!droppedHeaders.contains(lower)) {
                    headers.put(name, new HeaderTarget(source, multi));
                }
            } else {
                throw MappingExpression.invalid(target);
            }
        }
        this.failingHeader = failing;
    }

    private static String name(String target, String prefix) {
        String name = target.substring(prefix.length());
        if (!MappingExpression.isValidName(name)) {
            throw MappingExpression.invalid(target);
        }
        return name;
    }

    /**
     * Fails the call when a header mapping targets a header AWS cannot send (reference 5.2: 500
     * {@code Internal server error} on every call).
     */
    void checkTargets(Exchange exchange) {
        if (failingHeader != null) {
            exchange.trace()
                    .error(
                            "integration",
                            "Execution failed due to configuration error:"
                                    + " Invalid mapping target header: ",
                            failingHeader);
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }

    /** Returns the values of the URI's {@code {name}} placeholders that have one. */
    Map<String, String> pathValues(Exchange exchange) {
        MethodRequestInput input = new MethodRequestInput(exchange);
        Map<String, String> values = new LinkedHashMap<>();
        path.forEach(
                (name, source) -> {
                    List<String> v = source.values(input);
                    if (!v.isEmpty()) {
                        values.put(name, String.join(",", v));
                    }
                });
        return values;
    }

    /** Returns the names of the mapped query parameters. */
    Set<String> queryNames() {
        return Collections.unmodifiableSet(query.keySet());
    }

    /** Returns the mapped query parameters, one name and value per entry, in order. */
    List<Map.Entry<String, String>> queryValues(Exchange exchange) {
        MethodRequestInput input = new MethodRequestInput(exchange);
        List<Map.Entry<String, String>> values = new ArrayList<>();
        query.forEach(
                (name, source) -> {
                    for (String value : source.values(input)) {
                        values.add(Map.entry(name, value));
                    }
                });
        return values;
    }

    /** Returns the mapped query parameters by name, every value in order. */
    Map<String, List<String>> queryParameters(Exchange exchange) {
        MethodRequestInput input = new MethodRequestInput(exchange);
        Map<String, List<String>> values = new LinkedHashMap<>();
        query.forEach(
                (name, source) -> {
                    List<String> v = source.values(input);
                    if (!v.isEmpty()) {
                        values.put(name, v);
                    }
                });
        return Collections.unmodifiableMap(values);
    }

    /** Sets the mapped headers on {@code headers}, replacing those of the same name. */
    void applyHeaders(Exchange exchange, Headers.Builder target) {
        MethodRequestInput input = new MethodRequestInput(exchange);
        headers.forEach(
                (name, header) -> {
                    List<String> v = header.source().values(input);
                    if (v.isEmpty()) {
                        return;
                    }
                    if (header.multiValue()) {
                        target.set(name, v.get(0));
                        for (int i = 1; i < v.size(); i++) {
                            target.add(name, v.get(i));
                        }
                    } else {
                        target.set(name, String.join(",", v));
                    }
                });
    }

    /** Returns the mapped headers alone. */
    Headers headers(Exchange exchange) {
        Headers.Builder mapped = Headers.builder();
        applyHeaders(exchange, mapped);
        return mapped.build();
    }
}
