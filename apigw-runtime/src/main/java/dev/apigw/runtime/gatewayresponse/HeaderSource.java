package dev.apigw.runtime.gatewayresponse;

import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.List;

/**
 * Resolves the source of a {@code gatewayresponse.header.X} mapping (reference 3.2): a {@code
 * 'static'} value, {@code method.request.header|path|querystring.X}, {@code stageVariables.X} or
 * {@code context.X}. A source with no value for this request gives null and the header is left out.
 */
final class HeaderSource {
    private HeaderSource() {}

    static String resolve(String source, Exchange exchange) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("method.request.header.")) {
            return exchange.request()
                    .headers()
                    .first(source.substring("method.request.header.".length()))
                    .orElse(null);
        }
        if (source.startsWith("method.request.path.")) {
            return exchange.matchedRoute()
                    .map(
                            r ->
                                    r.pathParameters()
                                            .get(source.substring("method.request.path.".length())))
                    .orElse(null);
        }
        if (source.startsWith("method.request.querystring.")) {
            List<String> values =
                    exchange.queryParameters()
                            .get(source.substring("method.request.querystring.".length()));
            return values == null ? null : values.get(values.size() - 1);
        }
        if (source.startsWith("stageVariables.")) {
            return exchange.stageVariables().get(source.substring("stageVariables.".length()));
        }
        if (source.startsWith("context.")) {
            return ContextVariables.get(exchange, source.substring("context.".length()));
        }
        return null;
    }
}
