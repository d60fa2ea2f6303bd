package dev.apigw.runtime.observe;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Adds the headers API Gateway puts on every REST response, gateway responses included: {@code
 * x-amzn-RequestId} and {@code x-amz-apigw-id} (reference section 10.6).
 */
public final class StandardHeadersStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        return next.proceed(exchange)
                .withHeaders(
                        "x-amzn-RequestId",
                        exchange.requestId(),
                        "x-amz-apigw-id",
                        exchange.extendedRequestId());
    }
}
