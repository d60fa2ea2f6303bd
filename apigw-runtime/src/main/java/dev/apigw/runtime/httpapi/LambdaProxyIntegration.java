package dev.apigw.runtime.httpapi;

import dev.apigw.model.HttpIntegration;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.integration.LambdaArn;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.integration.LambdaProxyInvoker;
import dev.apigw.runtime.pipeline.Exchange;

/**
 * An HTTP API Lambda proxy integration ({@code AWS_PROXY} without subtype, reference 2.3 to 2.5):
 * sends the request as an event of the integration's payload format to the function its URI names
 * (a Lambda integration URI or the function ARN, stage variables resolved with the HTTP API
 * stage's) and answers with what the function returned. The function is called as REST Lambda
 * proxies call it ({@link LambdaCall}): waited for no longer than {@code timeoutInMillis} (default
 * and maximum 30,000 ms, reference 4.2, 9.5), past which the answer is 503 {@code Service
 * Unavailable}; a function error, a function that is not bound, a failed call or a malformed answer
 * is 500 {@code Internal Server Error} (reference 2.5, 3.3). Immutable and thread-safe.
 */
final class LambdaProxyIntegration implements RouteIntegration {
    private final LambdaCall call;
    private final HttpPayloadFormat format;

    /** Compiles {@code integration}; fails when its URI names no Lambda function. */
    LambdaProxyIntegration(HttpIntegration integration) {
        String uri = integration.integrationUri().orElseThrow();
        LambdaArn arn;
        try {
            arn = LambdaArn.parseTarget(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "integration "
                            + integration.integrationId()
                            + ": integrationUri names no Lambda function: "
                            + uri,
                    e);
        }
        this.call = new LambdaCall(arn, integration.timeoutInMillis(), "integration");
        this.format = HttpPayloadFormat.of(integration.payloadFormatVersion());
    }

    @Override
    public Response invoke(Exchange exchange) {
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        return LambdaProxyInvoker.proxy(
                exchange, call, resolution.stage().stageVariables(), format);
    }
}
