package dev.apigw.runtime.integration;

import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.observe.TraceId;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Finishes the method response of an integration: API Gateway always sends a Content-Type ({@code
 * application/json} when none was set, reference 5.2 and 6.3) and adds {@code X-Amzn-Trace-Id} to
 * AWS_PROXY, AWS and HTTP responses, not to MOCK or HTTP_PROXY ones (reference 10.6).
 */
public final class MethodResponseStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        Response response = next.proceed(exchange);
        IntegrationType type = exchange.method().integration().type();
        boolean traced =
                type == IntegrationType.AWS_PROXY
                        || type == IntegrationType.AWS
                        || type == IntegrationType.HTTP;
        boolean typed = response.headers().contains("Content-Type");
        if (typed && !traced) {
            return response;
        }
        if (!traced) {
            return response.withHeaders("Content-Type", MediaTypes.JSON);
        }
        String trace = TraceId.of(exchange).responseHeader();
        return typed
                ? response.withHeaders("X-Amzn-Trace-Id", trace)
                : response.withHeaders("Content-Type", MediaTypes.JSON, "X-Amzn-Trace-Id", trace);
    }
}
