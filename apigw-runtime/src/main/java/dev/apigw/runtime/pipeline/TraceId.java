package dev.apigw.runtime.pipeline;

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
        String hex = exchange.requestId().replace("-", "");
        String root = null;
        String parent = null;
        String sent = exchange.request().headers().first("X-Amzn-Trace-Id").orElse("");
        for (String field : sent.split(";")) {
            String f = field.trim();
            if (f.startsWith("Root=")) {
                root = f.substring(5);
            } else if (f.startsWith("Parent=")) {
                parent = f.substring(7);
            }
        }
        if (root == null) {
            root = "1-" + Long.toHexString(exchange.requestTime().getEpochSecond()) + "-"
                    + hex.substring(0, Math.min(24, hex.length()));
        }
        if (parent == null) {
            parent = hex.substring(Math.max(0, hex.length() - 16));
        }
        return new TraceId(root, parent);
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
