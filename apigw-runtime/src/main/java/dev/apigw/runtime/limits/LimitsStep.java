package dev.apigw.runtime.limits;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;

/**
 * Rejects what API Gateway's front door does not accept, before anything else looks at the request
 * (reference section 9.5): a payload over 10 MB, headers over 10,240 bytes or a URL over 10,240
 * characters (REQUEST_TOO_LARGE, 413); a path that is not an absolute path of printable characters
 * with valid percent-escapes, or a header with control characters (400).
 *
 * <p>Differs from AWS: AWS's answer to oversized headers and URLs and to malformed requests comes
 * from its edge and was not recorded; see {@code docs/differences.md}.
 */
public final class LimitsStep implements Step {
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    static final int MAX_HEADER_BYTES = 10_240;
    static final int MAX_URL_LENGTH = 10_240;

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Request request = exchange.request();
        if (request.bodyLength() > MAX_PAYLOAD_BYTES) {
            throw GatewayException.of(GatewayResponseType.REQUEST_TOO_LARGE);
        }
        if (urlLength(request) > MAX_URL_LENGTH) {
            throw GatewayException.of(GatewayResponseType.REQUEST_TOO_LARGE);
        }
        if (!validPath(request.path()) || !validQuery(request.rawQueryString())) {
            exchange.trace().error("limits", "Malformed request target: ", request);
            throw badRequest();
        }
        checkHeaders(request.headers(), exchange);
        return next.proceed(exchange);
    }

    /** Returns the length of path and query, counting {@code ?} only when there is a query. */
    private static int urlLength(Request request) {
        String query = request.rawQueryString();
        return request.path().length() + (query.isEmpty() ? 0 : query.length() + 1);
    }

    private static void checkHeaders(Headers headers, Exchange exchange) {
        long size = 0;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            size += name.length() + value.length() + 4;
            if (!Headers.isValidName(name) || !Headers.isValidValue(value)) {
                exchange.trace().error("limits", "Malformed header: ", name);
                throw badRequest();
            }
        }
        if (size > MAX_HEADER_BYTES) {
            throw GatewayException.of(GatewayResponseType.REQUEST_TOO_LARGE);
        }
    }

    private static GatewayException badRequest() {
        return GatewayException.of(GatewayResponseType.DEFAULT_4XX, 400, "Bad Request");
    }

    static boolean validPath(String path) {
        return path.startsWith("/") && validTarget(path);
    }

    static boolean validQuery(String query) {
        return validTarget(query);
    }

    private static boolean validTarget(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
            if (c == '%'
                    && (i + 2 >= s.length()
                            || Character.digit(s.charAt(i + 1), 16) < 0
                            || Character.digit(s.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        return true;
    }
}
