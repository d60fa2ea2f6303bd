package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Adds the header every HTTP API answer carries, {@code apigw-requestid} (reference 2.5), the
 * request id of {@code $context.requestId}.
 */
public final class HttpHeadersStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        return next.proceed(exchange).withHeaders("apigw-requestid", exchange.requestId());
    }
}
