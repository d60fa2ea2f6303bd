package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An AWS_PROXY integration with a Lambda function (reference 2): sends the request as an event of
 * its payload format (1.0 for REST APIs) and turns the function's answer into the response. A
 * function error is 502 {@code Internal server error} (reference 2.2). An integration whose {@code
 * httpMethod} is not POST answers every call with 500 (reference 2, intro), and so does a Firehose
 * AWS_PROXY integration, which this runtime does not support. Request parameter mappings are
 * otherwise ignored, except that a mapping to a header AWS forbids fails every call with 500
 * (reference 5.2).
 */
public final class LambdaProxyInvoker implements IntegrationInvoker {
    private static final String STEP = "integration";

    private final ProxyPayloadFormat format;
    private final LambdaCall call;
    private final String misconfiguration;
    private final RequestParameters parameters;

    LambdaProxyInvoker(Integration integration, ProxyPayloadFormat format) {
        this.format = format;
        parameters = new RequestParameters(integration.requestParameters(), integration.type());
        String uri = integration.uri().orElseThrow();
        String method = integration.httpMethod().orElse("");
        if (!LambdaArn.isLambda(uri)) {
            call = null;
            misconfiguration = "AWS_PROXY integrations other than Lambda are not supported: " + uri;
        } else {
            call = new LambdaCall(LambdaArn.parse(uri), integration.timeoutInMillis());
            misconfiguration =
                    method.equals("POST")
                            ? null
                            : "Lambda proxy integrations must use httpMethod POST, not " + method;
        }
    }

    /**
     * Sends the event of {@code exchange} in {@code format} to the function of {@code call}, its
     * ARN completed with {@code stageVariables}, and returns the response its answer stands for. A
     * function error is thrown as DEFAULT_5XX 502 {@code Internal server error} (reference 2.2),
     * any other failed call as {@link LambdaOutcomes} says. Shared by REST APIs and HTTP APIs,
     * whose error step answers these failures its own way (reference 3.3).
     */
    public static Response proxy(
            Exchange exchange,
            LambdaCall call,
            Map<String, String> stageVariables,
            ProxyPayloadFormat format) {
        byte[] event = format.event(exchange);
        if (exchange.trace().isRecording()) {
            exchange.trace()
                    .data(
                            STEP,
                            "Endpoint request body after transformations: ",
                            new String(event, StandardCharsets.UTF_8));
        }
        LambdaResult result =
                LambdaOutcomes.resultOrThrow(call.invoke(exchange, event, stageVariables));
        if (result.functionError().isPresent()) {
            if (exchange.trace().isRecording()) {
                exchange.trace()
                        .error(
                                STEP,
                                "Lambda execution failed with status 200 due to"
                                        + " customer function error: ",
                                new String(result.payload(), StandardCharsets.UTF_8));
            }
            throw GatewayException.of(
                    GatewayResponseType.DEFAULT_5XX, 502, "Internal server error");
        }
        return format.response(result.payload(), exchange);
    }

    @Override
    public Response invoke(Exchange exchange) {
        if (misconfiguration != null) {
            exchange.trace()
                    .error(STEP, "Execution failed due to configuration error: ", misconfiguration);
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        parameters.checkTargets(exchange);
        return proxy(exchange, call, exchange.stageVariables(), format);
    }
}
