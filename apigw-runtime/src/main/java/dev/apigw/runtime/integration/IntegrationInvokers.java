package dev.apigw.runtime.integration;

import dev.apigw.model.Integration;
import dev.apigw.runtime.pipeline.IntegrationInvoker;

/** Creates the invoker of an integration: the one place that dispatches on its type. */
public final class IntegrationInvokers {
    private IntegrationInvokers() {}

    /** Returns the invoker of an integration, prepared from its definition. */
    public static IntegrationInvoker create(Integration integration) {
        switch (integration.type()) {
            case MOCK:
                return new MockInvoker();
            case AWS_PROXY:
                return new LambdaProxyInvoker(integration);
            case AWS:
                return new AwsInvoker(integration);
            case HTTP_PROXY:
                return new HttpProxyInvoker(integration);
            case HTTP:
                return new HttpInvoker(integration);
            default:
                throw new IllegalArgumentException("no invoker for " + integration.type());
        }
    }
}
