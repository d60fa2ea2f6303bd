package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.Locale;

/**
 * What every Lambda proxy answer of an HTTP API goes through (reference 2.5): header names as the
 * client gets them, lower-cased (HTTP APIs answer with lower-case names, see docs/differences.md),
 * and {@code content-type: application/json} when the function set no content type; and the failure
 * of a malformed answer, 500 {@code Internal Server Error} (reference 3.3).
 */
final class HttpProxyResponses {
    private HttpProxyResponses() {}

    /** Returns the response with lower-case header names and a content type. */
    static Response finish(Response response) {
        Headers.Builder headers = Headers.builder();
        Headers sent = response.headers();
        for (int i = 0; i < sent.size(); i++) {
            headers.add(sent.name(i).toLowerCase(Locale.ROOT), sent.value(i));
        }
        if (!sent.contains("content-type")) {
            headers.add("content-type", "application/json");
        }
        return response.toBuilder().headers(headers.build()).build();
    }

    /** Returns a header name, refused when it is not an RFC 9110 token (CR, LF, space...). */
    static String checkedName(String name, Exchange exchange) {
        if (!Headers.isValidName(name)) {
            throw malformed(exchange, "header name is not a token: " + name);
        }
        return name;
    }

    /** Returns a header value, refused when it holds a control character (CR, LF, NUL...). */
    static String checkedValue(String value, Exchange exchange) {
        if (!Headers.isValidValue(value)) {
            throw malformed(exchange, "a header value has a control character");
        }
        return value;
    }

    /** Returns the failure of a malformed answer, written to the execution trace. */
    static GatewayException malformed(Exchange exchange, String why) {
        exchange.trace()
                .error(
                        "integration",
                        "Execution failed due to configuration error: Malformed"
                                + " Lambda proxy response: ",
                        why);
        return GatewayException.of(
                GatewayResponseType.INTEGRATION_FAILURE, 500, "Internal Server Error");
    }
}
