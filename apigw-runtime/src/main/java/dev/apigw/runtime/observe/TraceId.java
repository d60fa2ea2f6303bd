package dev.apigw.runtime.observe;

import dev.apigw.runtime.pipeline.Exchange;

/**
 * The X-Ray trace header of a request (reference 10.6): the client's {@code Root} and {@code
 * Parent} when it sent them, otherwise ones derived from the request id, so the Lambda event and
 * the response carry the same trace.
 *
 * @param root the trace root, {@code 1-<8 hex epoch seconds>-<24 hex>}
 * @param parent the parent segment id, 16 hex digits
 */
public record TraceId(String root, String parent) {
    /** Returns the trace of an exchange. */
    public static TraceId of(Exchange exchange) {
        String sent = exchange.request().headers().first("X-Amzn-Trace-Id").orElse("");
        String root = field(sent, "Root=");
        String parent = field(sent, "Parent=");
        if (root != null && parent != null) {
            return new TraceId(root, parent);
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
        return new TraceId(root, parent);
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

    /** Returns the header value sent to integrations: {@code Root=…}. */
    public String requestHeader() {
        return "Root=" + root;
    }

    /** Returns the header value sent back: {@code Root=…;Parent=…;Sampled=0}. */
    public String responseHeader() {
        return "Root=" + root + ";Parent=" + parent + ";Sampled=0";
    }
}
