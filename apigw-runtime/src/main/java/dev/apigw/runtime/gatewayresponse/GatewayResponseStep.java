package dev.apigw.runtime.gatewayresponse;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.GatewayResponder;
import dev.apigw.runtime.pipeline.Step;

/**
 * Renders a rejected request as the deployed API's gateway response, or AWS's built-in one when no
 * stage was found (reference section 3). The only step that catches {@link GatewayException}. It
 * records the response's type and message in the request's record, for the access log's {@code
 * $context.error.*} variables (reference 10.3).
 */
public final class GatewayResponseStep implements Step {
    private static final GatewayResponder DEFAULTS = GatewayResponses.defaults();

    @Override
    public Response apply(Exchange exchange, Chain next) {
        try {
            return next.proceed(exchange);
        } catch (GatewayException e) {
            exchange.trace()
                    .add(
                            "gateway-response",
                            "Gateway response type: "
                                    + e.type()
                                    + " with status code: "
                                    + e.statusCode()
                                    + ", message: ",
                            e.errorMessage().orElse("null"));
            exchange.record().gatewayError(e.type(), e.errorMessage().orElse(null));
            Exchange failing = e.exchange().orElse(exchange);
            GatewayResponder responses =
                    failing.resolvedStage()
                            .map(s -> s.deployment().gatewayResponses())
                            .orElse(DEFAULTS);
            return responses.render(e, failing);
        }
    }
}
