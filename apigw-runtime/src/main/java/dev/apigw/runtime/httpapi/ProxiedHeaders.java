package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header rules of an HTTP API's HTTP proxy (reference 5.5): the client's headers go to the
 * backend without the hop-by-hop ones, with the backend's own {@code Host}, and with the {@code
 * X-Forwarded-*} headers rewritten into one standard {@code Forwarded} header (RFC 7239) to which
 * API Gateway appends the caller's address, host and protocol; the backend's headers come back
 * without the hop-by-hop ones.
 */
final class ProxiedHeaders {
    /** Connection-level headers neither direction passes on (RFC 9110 7.6.1). */
    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "keep-alive",
                    "proxy-authenticate",
                    "proxy-authorization",
                    "proxy-connection",
                    "te",
                    "trailer",
                    "trailers",
                    "transfer-encoding",
                    "upgrade",
                    "content-length");

    /** Client headers replaced: the backend's Host, the rewritten Forwarded. */
    private static final Set<String> REPLACED =
            Set.of("host", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private ProxiedHeaders() {}

    /** Returns the headers sent to {@code target} for {@code request}, in the client's order. */
    static Headers toBackend(Request request, URI target) {
        Headers client = request.headers();
        Headers.Builder sent = Headers.builder();
        client.forEach(
                (name, value) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!HOP_BY_HOP.contains(lower) && !REPLACED.contains(lower)) {
                        sent.add(name, value);
                    }
                });
        return sent.set("Host", target.getRawAuthority())
                .set("Forwarded", forwarded(request))
                .build();
    }

    /** Returns the backend's headers as the client gets them. */
    static Headers toClient(Headers backend) {
        Headers.Builder returned = Headers.builder();
        backend.forEach(
                (name, value) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                        returned.add(name, value);
                    }
                });
        return returned.build();
    }

    /**
     * Returns the {@code Forwarded} header: the elements the client sent ({@code Forwarded} as is,
     * then each {@code X-Forwarded-For} address, the first with {@code X-Forwarded-Host} and {@code
     * X-Forwarded-Proto}), then this hop's {@code for=<source ip>;host=<Host>;proto=<scheme>}.
     */
    static String forwarded(Request request) {
        Headers client = request.headers();
        List<String> elements = new ArrayList<>(client.values("Forwarded"));
        List<String> previous = new ArrayList<>();
        for (String list : client.values("X-Forwarded-For")) {
            for (String address : list.split(",")) {
                if (!address.isBlank()) {
                    previous.add("for=" + node(address.trim()));
                }
            }
        }
        if (!previous.isEmpty()) {
            String first = previous.get(0);
            first += client.first("X-Forwarded-Host").map(h -> ";host=" + token(h)).orElse("");
            first += client.first("X-Forwarded-Proto").map(p -> ";proto=" + token(p)).orElse("");
            previous.set(0, first);
        }
        elements.addAll(previous);
        String hop = "for=" + node(request.sourceIp());
        hop += client.first("Host").map(h -> ";host=" + token(h)).orElse("");
        elements.add(hop + ";proto=" + request.scheme().toLowerCase(Locale.ROOT));
        return String.join(", ", elements);
    }

    /** Returns an address as a node: IPv6 quoted in brackets (RFC 7239 6). */
    private static String node(String address) {
        return address.indexOf(':') >= 0 && !address.startsWith("\"")
                ? "\"[" + address + "]\""
                : address;
    }

    /** Returns a value as a token, or quoted when it holds other characters (RFC 7239 4). */
    private static String token(String value) {
        String trimmed = value.trim();
        return TOKEN.matcher(trimmed).matches()
                ? trimmed
                : "\"" + trimmed.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
