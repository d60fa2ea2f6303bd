package dev.apigw.runtime.integration;

import dev.apigw.runtime.spi.LambdaResult;
import java.time.Duration;
import java.util.Objects;

/**
 * How one call of a Lambda function ended, named after the Lambda Invoke API's answers (reference
 * 2.2, 9.5): the function answered, it reported a function error, or the call failed before or
 * after the function ran. {@link LambdaCall} returns it and leaves to its caller the gateway
 * response each outcome becomes: an integration maps it to INTEGRATION_FAILURE, INTEGRATION_TIMEOUT
 * and the others ({@link LambdaOutcomes}), a Lambda authorizer to its own. Immutable.
 */
public sealed interface LambdaOutcome
        permits LambdaOutcome.Answered,
                LambdaOutcome.FunctionError,
                LambdaOutcome.ResponseSizeTooLarge,
                LambdaOutcome.RequestTooLarge,
                LambdaOutcome.TimedOut,
                LambdaOutcome.ResourceNotFound,
                LambdaOutcome.InvalidParameterValue,
                LambdaOutcome.ServiceException {

    /**
     * The function ran and answered with a payload (Invoke's 200); for an {@code Event} or {@code
     * DryRun} invocation an empty payload.
     */
    record Answered(LambdaResult result) implements LambdaOutcome {
        /** Checks that the result is there and is no function error. */
        public Answered {
            Objects.requireNonNull(result, "result");
            if (result.functionError().isPresent()) {
                throw new IllegalArgumentException("a function error is not an answer: " + result);
            }
        }
    }

    /**
     * The function ran and failed: Invoke's 200 with {@code X-Amz-Function-Error} ({@code
     * Unhandled} or {@code Handled}) and Lambda's error payload.
     */
    record FunctionError(LambdaResult result) implements LambdaOutcome {
        /** Checks that the result is a function error. */
        public FunctionError {
            Objects.requireNonNull(result, "result");
            if (result.functionError().isEmpty()) {
                throw new IllegalArgumentException("not a function error: " + result);
            }
        }
    }

    /**
     * The function's answer passed {@link LambdaResult#MAX_RESPONSE_BYTES}: Lambda's function error
     * of type {@code Function.ResponseSizeTooLarge} (reference 9.5 [C]).
     */
    record ResponseSizeTooLarge() implements LambdaOutcome {}

    /**
     * The payload passed {@link dev.apigw.runtime.spi.LambdaInvocation#MAX_REQUEST_BYTES}: Invoke's
     * {@code RequestTooLargeException} (413); the function was not called (reference 9.5 [C]).
     */
    record RequestTooLarge(int bytes) implements LambdaOutcome {}

    /**
     * The function did not answer within the integration's timeout (reference 4.2, 9.5); its thread
     * was interrupted and abandoned.
     */
    record TimedOut(Duration timeout) implements LambdaOutcome {
        /** Checks that the timeout is there. */
        public TimedOut {
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** No function is bound under the ARN's name: Invoke's {@code ResourceNotFoundException}. */
    record ResourceNotFound(String functionArn) implements LambdaOutcome {
        /** Checks that the ARN is there. */
        public ResourceNotFound {
            Objects.requireNonNull(functionArn, "functionArn");
        }
    }

    /**
     * The function ARN is not valid once its stage variables are resolved: Invoke's {@code
     * InvalidParameterValueException}.
     */
    record InvalidParameterValue(String functionArn) implements LambdaOutcome {
        /** Checks that the ARN is there. */
        public InvalidParameterValue {
            Objects.requireNonNull(functionArn, "functionArn");
        }
    }

    /**
     * The Invoke call itself failed: the bound function threw instead of answering, returned
     * nothing, was interrupted, or an asynchronous call could not be queued (Invoke's {@code
     * ServiceException}).
     */
    record ServiceException(Exception cause) implements LambdaOutcome {
        /** Checks that the cause is there. */
        public ServiceException {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
