package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.mapping.Overrides;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Applies {@code $context.responseOverride} to the method response (reference 1.6), whichever
 * template set it: {@code status} replaces the selected status and needs no method response of
 * its own; a value that is not an integer from 100 to 599 is ignored (reference: [E],
 * unconfirmed); {@code header.X} sets header X, several values for a list.
 */
final class ResponseOverrides {
    private ResponseOverrides() {}

    static void apply(Exchange exchange, Response.Builder response) {
        Overrides overrides = exchange.overrides();
        OptionalInt status = overrides.responseStatus();
        if (status.isPresent() && status.getAsInt() >= 100 && status.getAsInt() <= 599) {
            exchange.trace().add("integration-response", "Status overridden: ",
                    status.getAsInt());
            response.statusCode(status.getAsInt());
        } else if (overrides.responseStatusValue().isPresent()) {
            exchange.trace().add("integration-response", "Status override ignored: ",
                    overrides.responseStatusValue().get());
        }
        for (Map.Entry<String, List<String>> header : overrides.responseHeaders().entrySet()) {
            response.removeHeader(header.getKey());
            header.getValue().forEach(value -> response.addHeader(header.getKey(), value));
        }
    }
}
