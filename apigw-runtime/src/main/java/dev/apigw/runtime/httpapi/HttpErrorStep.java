package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;

/**
 * Answers every failure of the steps inside it with the HTTP API's fixed answer ({@link
 * HttpErrors}, reference 3.3) and records it for the access log ({@code $context.error.message},
 * {@code $context.error.responseType}, reference 10.4).
 */
public final class HttpErrorStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        try {
            return next.proceed(exchange);
        } catch (GatewayException e) {
            exchange.trace()
                    .add(
                            "error",
                            "Error type: " + e.type() + ", message: ",
                            e.errorMessage().orElse("null"));
            HttpErrors.Answer answer = HttpErrors.answer(e.type(), e.statusCode());
            exchange.record().gatewayError(e.type(), answer.message());
            return answer.response();
        }
    }
}
