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

    /** Receives the headers of an event one value at a time. */
    @FunctionalInterface
    public interface Sink {
        /** Takes one value of a header. */
        void add(String name, String value);
    }

    /** Returns every value by name, in the order they were sent. */
    public static Map<String, List<String>> of(Exchange exchange, boolean edge) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        forEach(
                exchange,
                edge,
                (name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value));
        return headers;
    }

    /**
     * Gives {@code sink} every value of the event's headers: the client's, in the order sent, then
     * the added ones; a name repeated in another casing keeps its casing, which {@link #of} folds.
     */
    public static void forEach(Exchange exchange, boolean edge, Sink sink) {
        Request request = exchange.request();
        StringBuilder forwardedFor = new StringBuilder();
        boolean host = false;
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
            host |= name.equalsIgnoreCase("Host");
            sink.add(edge ? edgeCasing(name) : name, sent.value(i));
        }
        if (!host) {
            sink.add("Host", ContextVariables.domainName(exchange));
        }
        sink.add(TRACE, TraceId.of(exchange).requestHeader());
        sink.add(FORWARDED_FOR, forwardedFor.append(request.sourceIp()).toString());
        sink.add(FORWARDED_PORT, Integer.toString(request.port()));
        sink.add(FORWARDED_PROTO, request.scheme());
    }

    /** Returns whether an API with these endpoint types is served through CloudFront. */
    static boolean isEdge(List<EndpointType> types) {
        return types.contains(EndpointType.EDGE);
    }

    private static String edgeCasing(String name) {
        if (name.equalsIgnoreCase("Authorization")) {
            return "Authorization";
        }
        return name.equalsIgnoreCase("User-Agent") ? "User-Agent" : name;
    }
}
