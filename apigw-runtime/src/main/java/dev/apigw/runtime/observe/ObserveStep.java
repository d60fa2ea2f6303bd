package dev.apigw.runtime.observe;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outermost step: opens and closes the execution trace and logs one line per request at debug level
 * (reference section 10.2).
 */
public final class ObserveStep implements Step {
    private static final Logger LOG = LoggerFactory.getLogger("dev.apigw.access");

    @Override
    public Response apply(Exchange exchange, Chain next) {
        if (exchange.trace().isRecording()) {
            exchange.trace()
                    .add("observe", "Starting execution for request: ", exchange.requestId());
            exchange.trace()
                    .add(
                            "observe",
                            "HTTP Method: ",
                            exchange.request().httpMethod()
                                    + ", Resource Path: "
                                    + exchange.request().path());
        }
        Response response = next.proceed(exchange);
        if (exchange.trace().isRecording()) {
            exchange.trace()
                    .add(
                            "observe",
                            "Method response body after transformations: ",
                            response.bodyAsString());
            exchange.trace().add("observe", "Method response headers: ", response.headers());
        }
        exchange.trace().add("observe", "Method completed with status: ", response.statusCode());
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} {} {}",
                    exchange.requestId(),
                    exchange.request().httpMethod(),
                    exchange.request().path(),
                    response.statusCode());
        }
        return response;
    }
}
