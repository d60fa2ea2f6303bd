package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.SelectionValue;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.spi.LambdaResult;

/**
 * An AWS (non-proxy) integration with a Lambda URI (reference 6.1): the mapped integration request
 * body is the payload, and the endpoint response is 200 with the function's payload and {@link
 * SelectionValue#EXECUTED_VERSION}, so that a success selects the default integration response
 * whatever the patterns; a function error is also 200, with the error payload and {@link
 * SelectionValue#FUNCTION_ERROR} set, so that integration responses are selected by its {@code
 * errorMessage}.
 *
 * <p>The integration's header mappings (reference 5.2) are resolved; the one Lambda's Invoke API
 * reads is {@code X-Amz-Invocation-Type} ("Set up asynchronous invocation of the backend Lambda
 * function"): {@code Event} hands the call to the host's executor and answers at once with Lambda's
 * 202 and an empty payload, which selects the default integration response as a success does;
 * {@code DryRun} only checks that the function is bound (204, empty payload); {@code
 * RequestResponse} or no mapping invokes synchronously. Any other value fails the call as Lambda's
 * Invoke rejects it (502, our choice).
 */
final class AwsInvoker implements IntegrationInvoker {
    private static final String INVOCATION_TYPE = "X-Amz-Invocation-Type";

    private final LambdaCall call;
    private final RequestParameters parameters;

    AwsInvoker(Integration integration) {
        call =
                new LambdaCall(
                        LambdaArn.parse(integration.uri().orElseThrow()),
                        integration.timeoutInMillis());
        parameters = new RequestParameters(integration.requestParameters(), integration.type());
    }

    @Override
    public Response invoke(Exchange exchange) {
        parameters.checkTargets(exchange);
        Headers mapped = parameters.headers(exchange);
        if (!mapped.isEmpty()) {
            exchange.trace().data("integration", "Endpoint request headers: ", mapped);
        }
        String type = mapped.last(INVOCATION_TYPE).orElse(LambdaCall.REQUEST_RESPONSE);
        int status;
        if (type.equals(LambdaCall.REQUEST_RESPONSE)) {
            status = 200;
        } else if (type.equals(LambdaCall.EVENT)) {
            status = 202;
        } else if (type.equals(LambdaCall.DRY_RUN)) {
            status = 204;
        } else {
            exchange.trace()
                    .error(
                            "integration",
                            "Lambda invocation failed: invalid " + INVOCATION_TYPE + ": ",
                            type);
            throw GatewayException.of(
                    GatewayResponseType.INTEGRATION_FAILURE, 502, "Internal server error");
        }
        LambdaResult result =
                LambdaOutcomes.resultOrThrow(
                        call.invoke(exchange, exchange.integrationRequest().body(), type));
        Response.Builder endpoint =
                Response.builder()
                        .statusCode(status)
                        .body(result.payload())
                        .setHeader(SelectionValue.EXECUTED_VERSION, "$LATEST");
        result.functionError()
                .ifPresent(
                        kind -> {
                            exchange.trace().error("integration", "Lambda function error: ", kind);
                            endpoint.setHeader(SelectionValue.FUNCTION_ERROR, kind);
                        });
        return endpoint.build();
    }
}
