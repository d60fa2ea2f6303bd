package dev.apigw.runtime.integration;

import dev.apigw.model.Integration;
import dev.apigw.runtime.pipeline.IntegrationInvoker;

/**
 * Creates the invoker of an integration: the one place that dispatches on its type (and, for AWS,
 * on whether the URI names a Lambda function or another service). The request parameter mappings of
 * every type are parsed here, so a malformed one fails when the API is built (reference 5.2), even
 * on MOCK integrations, which do not use them.
 */
public final class IntegrationInvokers {
    private IntegrationInvokers() {}

    /** Returns the invoker of an integration, prepared from its definition. */
    public static IntegrationInvoker create(Integration integration) {
        switch (integration.type()) {
            case MOCK:
                new RequestParameters(integration.requestParameters(), integration.type());
                return new MockInvoker();
            case AWS_PROXY:
                return new LambdaProxyInvoker(integration, ProxyPayloadFormat.REST_V1_0);
            case AWS:
                return LambdaArn.isLambda(integration.uri().orElseThrow())
                        ? new AwsInvoker(integration)
                        : new AwsServiceInvoker(integration);
            case HTTP_PROXY:
                return new HttpProxyInvoker(integration);
            case HTTP:
                return new HttpInvoker(integration);
            default:
                throw new IllegalArgumentException("no invoker for " + integration.type());
        }
    }
}
