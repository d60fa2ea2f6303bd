package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.pipeline.SelectionValue;
import dev.apigw.runtime.spi.LambdaResult;

/**
 * An AWS (non-proxy) integration. With a Lambda URI (reference 6.1) the mapped integration
 * request body is the payload, and the endpoint response is 200 with the function's payload and
 * {@link SelectionValue#EXECUTED_VERSION}, so that a success selects the default integration
 * response whatever the patterns; a function error is also 200, with the error payload and {@link SelectionValue#FUNCTION_ERROR}
 * set, so that integration responses are selected by its {@code errorMessage}. Other AWS
 * service integrations are not supported yet and answer 500.
 */
final class AwsInvoker implements IntegrationInvoker {
    private final LambdaCall call;
    private final String uri;

    AwsInvoker(Integration integration) {
        uri = integration.uri().orElseThrow();
        call = LambdaArn.isLambda(uri)
                ? new LambdaCall(LambdaArn.parse(uri), integration.timeoutInMillis()) : null;
    }

    @Override
    public Response invoke(Exchange exchange) {
        if (call == null) {
            exchange.trace().add("integration",
                    "AWS service integrations are not supported yet: ", uri);
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        LambdaResult result = call.invoke(exchange, exchange.integrationRequest().body());
        Response.Builder endpoint = Response.builder().statusCode(200).body(result.payload())
                .setHeader(SelectionValue.EXECUTED_VERSION, "$LATEST");
        result.functionError().ifPresent(kind -> {
            exchange.trace().add("integration", "Lambda function error: ", kind);
            endpoint.setHeader(SelectionValue.FUNCTION_ERROR, kind);
        });
        return endpoint.build();
    }
}
