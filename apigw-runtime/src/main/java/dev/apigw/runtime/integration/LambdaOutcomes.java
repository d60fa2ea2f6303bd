package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.spi.LambdaResult;

/**
 * Maps the outcome of a Lambda call to what the AWS_PROXY and AWS integrations answer: the result
 * when the function ran (answered or a function error, which each integration handles its own way),
 * otherwise the gateway response of the failure. An unbound function or an ARN that stage variables
 * cannot complete is a configuration error (500 API_CONFIGURATION_ERROR: AWS answers 500 when it
 * cannot call the function, reference 2.2); a request payload past Lambda's quota is 413 {@code
 * Request Too Long} with {@code x-amzn-ErrorType: BadRequestException} (reference 9.5 [C]); no
 * answer within the integration timeout is 504 INTEGRATION_TIMEOUT (reference 2.2 [C]); an answer
 * past the quota and a failed Invoke call are 502 INTEGRATION_FAILURE {@code Internal server error}
 * (reference 2.2 "Lambda invoke failure: other", 3.1, 9.5). Shared with WebSocket AWS integrations.
 */
public final class LambdaOutcomes {
    private LambdaOutcomes() {}

    /**
     * Returns what the function returned, an answer or a function error; throws the integration's
     * gateway response for any other outcome.
     */
    public static LambdaResult resultOrThrow(LambdaOutcome outcome) {
        if (outcome instanceof LambdaOutcome.Answered answered) {
            return answered.result();
        }
        if (outcome instanceof LambdaOutcome.FunctionError error) {
            return error.result();
        }
        throw failure(outcome);
    }

    private static GatewayException failure(LambdaOutcome outcome) {
        if (outcome instanceof LambdaOutcome.ResourceNotFound
                || outcome instanceof LambdaOutcome.InvalidParameterValue) {
            return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        if (outcome instanceof LambdaOutcome.RequestTooLarge) {
            return GatewayException.of(GatewayResponseType.DEFAULT_4XX, 413, "Request Too Long");
        }
        if (outcome instanceof LambdaOutcome.TimedOut) {
            return GatewayException.of(GatewayResponseType.INTEGRATION_TIMEOUT);
        }
        if (outcome instanceof LambdaOutcome.ResponseSizeTooLarge
                || outcome instanceof LambdaOutcome.ServiceException) {
            return GatewayException.of(
                    GatewayResponseType.INTEGRATION_FAILURE, 502, "Internal server error");
        }
        throw new IllegalStateException("unmapped Lambda outcome " + outcome);
    }
}
