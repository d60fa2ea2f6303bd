package dev.apigw.runtime.observe;

import dev.apigw.runtime.pipeline.Exchange;

/**
 * The X-Ray trace header of a request (reference 10.5, 10.6): the client's {@code Root}, {@code
 * Parent} and {@code Sampled} when it sent them; otherwise a {@code Root} of the request's arrival
 * second and id, a {@code Parent} from the request id (so the Lambda event and the response carry
 * the same trace), and {@code Sampled=1} when the stage has {@code tracingEnabled} or the client
 * sent a {@code Parent}, else {@code Sampled=0}. A request is traced when its stage has {@code
 * tracingEnabled} or its client sent {@code Sampled=1} (the trace continues through API Gateway
 * even with tracing off, reference 10.5): integrations then get the whole header and {@code
 * $context.xrayTraceId} is the {@code Root}; otherwise integrations get {@code Root=} only, as in
 * AWS's sample events, and {@code $context.xrayTraceId} is unset.
 *
 * <p>Differs from AWS: X-Ray's default sampling rule (one request a second, then 5 %) is not
 * applied; every request of a stage with tracing enabled is sampled.
 *
 * @param root the trace root, {@code 1-<8 hex epoch seconds>-<24 hex>}
 * @param parent the parent segment id, 16 hex digits
 * @param sampled {@code 1} or {@code 0}, or the client's value
 * @param traced whether the request is traced: by the stage or by its client
 */
public record TraceId(String root, String parent, String sampled, boolean traced) {
    /** Returns the trace of an exchange. */
    public static TraceId of(Exchange exchange) {
        String sent = exchange.request().headers().first("X-Amzn-Trace-Id").orElse("");
        String root = field(sent, "Root=");
        String parent = field(sent, "Parent=");
        String sampled = field(sent, "Sampled=");
        boolean tracing =
                exchange.resolvedStage().map(s -> s.stage().tracingEnabled()).orElse(false);
        if (sampled == null) {
            sampled = tracing || parent != null ? "1" : "0";
        }
        boolean traced = tracing || "1".equals(field(sent, "Sampled="));
        if (root != null && parent != null) {
            return new TraceId(root, parent, sampled, traced);
        }
        String hex = hexDigits(exchange.requestId());
        if (root == null) {
            root =
                    "1-"
                            + Long.toHexString(exchange.requestTime().getEpochSecond())
                            + "-"
                            + hex.substring(0, Math.min(24, hex.length()));
        }
        if (parent == null) {
            parent = hex.substring(Math.max(0, hex.length() - 16));
        }
        return new TraceId(root, parent, sampled, traced);
    }

    /**
     * Returns {@code $context.xrayTraceId} of an exchange: the trace's root when the request is
     * traced, else null (reference 10.5).
     */
    public static String xrayTraceId(Exchange exchange) {
        TraceId trace = of(exchange);
        return trace.traced() ? trace.root() : null;
    }

    /** Returns the value of {@code key} in a {@code Key=value;Key=value} header, if present. */
    private static String field(String header, String key) {
        int start = 0;
        while (start < header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            int from = start;
            while (from < end && header.charAt(from) == ' ') {
                from++;
            }
            if (header.startsWith(key, from)) {
                return header.substring(from + key.length(), end).trim();
            }
            start = end + 1;
        }
        return null;
    }

    private static String hexDigits(String requestId) {
        char[] hex = new char[requestId.length()];
        int n = 0;
        for (int i = 0; i < requestId.length(); i++) {
            char c = requestId.charAt(i);
            if (c != '-') {
                hex[n++] = c;
            }
        }
        return new String(hex, 0, n);
    }

    /**
     * Returns the header value sent to integrations: {@code Root=…;Parent=…;Sampled=…} when the
     * request is traced, else {@code Root=…}.
     */
    public String requestHeader() {
        return traced ? responseHeader() : "Root=" + root;
    }

    /** Returns the header value sent back: {@code Root=…;Parent=…;Sampled=…}. */
    public String responseHeader() {
        return "Root=" + root + ";Parent=" + parent + ";Sampled=" + sampled;
    }
}
