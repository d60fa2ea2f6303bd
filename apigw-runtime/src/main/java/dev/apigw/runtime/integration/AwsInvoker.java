package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;

/** PLACEHOLDER-TO-REPLACE: being written. */
final class AwsInvoker implements IntegrationInvoker {
    AwsInvoker(Integration integration) {}

    @Override
    public Response invoke(Exchange exchange) {
        throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
}
