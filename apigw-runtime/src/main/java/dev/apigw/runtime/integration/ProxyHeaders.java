package dev.apigw.runtime.integration;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.parameters.HiddenHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header rules of an HTTP_PROXY integration (reference 5.2): which client headers reach the
 * backend, and how the backend's headers come back to the client.
 */
final class ProxyHeaders {
    /** Client headers dropped besides the hidden ones; the backend's own Host is sent. */
    private static final Set<String> NOT_FORWARDED =
            Set.of(
                    "content-encoding",
                    "via",
                    "host",
                    "x-amzn-apigateway-api-id",
                    "x-amzn-trace-id");

    /** Backend headers renamed {@code x-amzn-Remapped-<name>}, by lower-case name. */
    private static final Map<String, String> REMAPPED =
            Map.of(
                    "connection", "x-amzn-Remapped-Connection",
                    "content-length", "x-amzn-Remapped-Content-Length",
                    "date", "x-amzn-Remapped-Date",
                    "server", "x-amzn-Remapped-Server",
                    "x-amzn-requestid", "x-amzn-Remapped-x-amzn-RequestId");

    private static final String SIGV4 = "AWS4-HMAC-SHA256 ";

    private ProxyHeaders() {}

    /**
     * Returns the client headers forwarded to the backend, in order: all but the hidden ones
     * ({@link HiddenHeaders}), {@code Content-Encoding}, {@code Via}, {@code Host}, an {@code
     * Authorization} carrying a SigV4 signature (reference 5.2), and the trace and API id headers
     * API Gateway sets itself.
     */
    static Headers.Builder forwarded(Headers client) {
        Headers.Builder forwarded = Headers.builder();
        client.forEach(
                (name, value) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    boolean signature = lower.equals("authorization") && value.startsWith(SIGV4);
                    if (!HiddenHeaders.isHidden(name)
                            && !NOT_FORWARDED.contains(lower)
                            && !signature) {
                        forwarded.add(name, value);
                    }
                });
        return forwarded;
    }

    /**
     * Returns the backend's headers as the client gets them: {@code Connection}, {@code
     * Content-Length}, {@code Date}, {@code Server} and {@code x-amzn-RequestId} renamed {@code
     * x-amzn-Remapped-<name>}, {@code Transfer-Encoding} dropped, every other header (also {@code
     * Content-Encoding} and {@code Via}) passed unchanged.
     */
    static Headers returned(Headers backend) {
        Headers.Builder returned = Headers.builder();
        backend.forEach(
                (name, value) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!lower.equals("transfer-encoding")) {
                        returned.add(REMAPPED.getOrDefault(lower, name), value);
                    }
                });
        return returned.build();
    }
}
