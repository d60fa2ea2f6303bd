package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.pipeline.IntegrationRequest;

/**
 * A MOCK integration (reference 6.1): the {@code statusCode} of the JSON the request template
 * produced is the endpoint status that selects the integration response; relaxed JSON such as
 * {@code {statusCode: 200}} is accepted. Without a template, or without {@code statusCode}, the
 * status is 200. Output that is not JSON or a {@code statusCode} that is not an integer gives 500.
 */
final class MockInvoker implements IntegrationInvoker {
    @Override
    public Response invoke(Exchange exchange) {
        IntegrationRequest request = exchange.integrationRequest();
        if (!request.templateApplied()) {
            return Response.builder().statusCode(200).build();
        }
        try {
            return Response.builder().statusCode(MockStatus.of(request.body())).build();
        } catch (IllegalArgumentException e) {
            exchange.trace().error("integration", e.getMessage());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }
}
