package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.mapping.Overrides;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Applies {@code $context.responseOverride} to the method response (reference 1.6), whichever
 * template set it: {@code status} replaces the selected status and needs no method response of its
 * own; a value that is not an integer from 100 to 599 is ignored (reference: [E], unconfirmed);
 * {@code header.X} sets header X, several values for a list. A name that is not an RFC 9110 token,
 * or a value holding CR, LF or another control character, fails the call with 500 and an
 * execution-log line (our choice; AWS's handling is not recorded).
 */
final class ResponseOverrides {
    private ResponseOverrides() {}

    static void apply(Exchange exchange, Response.Builder response) {
        Overrides overrides = exchange.overrides();
        OptionalInt status = overrides.responseStatus();
        if (status.isPresent() && status.getAsInt() >= 100 && status.getAsInt() <= 599) {
            exchange.trace().add("integration-response", "Status overridden: ", status.getAsInt());
            response.statusCode(status.getAsInt());
        } else if (overrides.responseStatusValue().isPresent()) {
            exchange.trace()
                    .error(
                            "integration-response",
                            "Status override ignored: ",
                            overrides.responseStatusValue().get());
        }
        for (Map.Entry<String, List<String>> header : overrides.responseHeaders().entrySet()) {
            String name = header.getKey();
            if (!Headers.isValidName(name)) {
                exchange.trace()
                        .error(
                                "integration-response",
                                "Execution failed due to"
                                        + " configuration error: Invalid response override header name: ",
                                name);
                throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
            }
            response.removeHeader(name);
            header.getValue()
                    .forEach(
                            value ->
                                    response.addHeader(
                                            name,
                                            ResponseParameters.checked(name, value, exchange)));
        }
    }
}
