package dev.apigw.runtime.integration;

import dev.apigw.model.EndpointType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.observe.TraceId;
import dev.apigw.runtime.parameters.HiddenHeaders;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers of a Lambda proxy event (reference 2.1): the client's headers under the casing each
 * name was first sent with, without the ones API Gateway hides (reference 5.2), plus the ones API
 * Gateway adds: {@code Host} when the client sent none, {@code X-Amzn-Trace-Id} (reference 10.5),
 * and {@code X-Forwarded-For} (the client's value followed by the source IP), {@code
 * X-Forwarded-Port} and {@code X-Forwarded-Proto} (the connection's, replacing the client's). An
 * EDGE API re-cases {@code Authorization} and {@code User-Agent}, as CloudFront does. Names are
 * sorted case-insensitively, as in AWS's sample events. Internal: the HTTP API events use them too
 * (reference 2.3, 2.4).
 */
public final class ProxyEventHeaders {
    private static final String TRACE = "X-Amzn-Trace-Id";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PORT = "X-Forwarded-Port";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private ProxyEventHeaders() {}

    /** Returns every value by name, in the order they were sent. */
    public static Map<String, List<String>> of(Exchange exchange, boolean edge) {
        Request request = exchange.request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        StringBuilder forwardedFor = new StringBuilder();
        Headers sent = request.headers();
        for (int i = 0; i < sent.size(); i++) {
            String name = sent.name(i);
            if (HiddenHeaders.isHidden(name)
                    || name.equalsIgnoreCase(TRACE)
                    || name.equalsIgnoreCase(FORWARDED_PORT)
                    || name.equalsIgnoreCase(FORWARDED_PROTO)) {
                continue;
            }
            if (name.equalsIgnoreCase(FORWARDED_FOR)) {
                forwardedFor.append(sent.value(i)).append(", ");
                continue;
            }
            add(headers, edge ? edgeCasing(name) : name, sent.value(i));
        }
        if (!headers.containsKey("Host")) {
            add(headers, "Host", ContextVariables.domainName(exchange));
        }
        add(headers, TRACE, TraceId.of(exchange).requestHeader());
        add(headers, FORWARDED_FOR, forwardedFor.append(request.sourceIp()).toString());
        add(headers, FORWARDED_PORT, Integer.toString(request.port()));
        add(headers, FORWARDED_PROTO, request.scheme());
        return headers;
    }

    /** Returns whether an API with these endpoint types is served through CloudFront. */
    static boolean isEdge(List<EndpointType> types) {
        return types.contains(EndpointType.EDGE);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    private static String edgeCasing(String name) {
        if (name.equalsIgnoreCase("Authorization")) {
            return "Authorization";
        }
        return name.equalsIgnoreCase("User-Agent") ? "User-Agent" : name;
    }
}
