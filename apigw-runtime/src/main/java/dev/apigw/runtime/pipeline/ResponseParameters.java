package dev.apigw.runtime.pipeline;

import dev.apigw.model.IntegrationResponse;
import dev.apigw.runtime.Response;

/**
 * Applies an integration response's {@code method.response.header.X} mappings (reference 5.3)
 * from {@code 'static'} values, {@code integration.response.header.Y}, the whole {@code
 * integration.response.body}, {@code stageVariables.Z} and {@code context.W}. A source without
 * a value leaves the header out.
 */
final class ResponseParameters {
    private static final String TARGET = "method.response.header.";

    private ResponseParameters() {}

    static void apply(IntegrationResponse selected, Response endpoint, Exchange exchange,
            Response.Builder response) {
        selected.responseParameters().forEach((target, source) -> {
            if (!target.startsWith(TARGET)) {
                return;
            }
            String value = resolve(source, endpoint, exchange);
            if (value != null) {
                response.setHeader(target.substring(TARGET.length()), value);
            }
        });
    }

    private static String resolve(String source, Response endpoint, Exchange exchange) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("integration.response.header.")) {
            return endpoint.headers().first(
                    source.substring("integration.response.header.".length())).orElse(null);
        }
        if (source.equals("integration.response.body")) {
            return endpoint.bodyAsString();
        }
        if (source.startsWith("stageVariables.")) {
            return exchange.stageVariables().get(source.substring("stageVariables.".length()));
        }
        if (source.startsWith("context.")) {
            return ContextVariables.get(exchange, source.substring("context.".length()));
        }
        exchange.trace().add("integration-response", "Unsupported mapping source: ", source);
        return null;
    }
}
