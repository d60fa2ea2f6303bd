package dev.apigw.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One call of a Lambda function.
 *
 * @param functionArn the function ARN API Gateway invokes, qualifier included
 * @param functionName the function name from the ARN
 * @param qualifier the version or alias from the ARN; empty when none
 * @param invocationType {@code RequestResponse} or {@code Event}
 * @param awsRequestId the Lambda request id of this call
 * @param timeout how long API Gateway waits for the answer
 * @param payload the JSON payload (not copied: do not change it)
 */
public record LambdaInvocation(
        String functionArn,
        String functionName,
        String qualifier,
        String invocationType,
        String awsRequestId,
        Duration timeout,
        byte[] payload) {
    /**
     * The largest payload of a synchronous invocation, in bytes: Lambda's 6 MB quota ("Request must
     * be smaller than 6291456 bytes for the InvokeFunction operation"; reference 9.5).
     */
    public static final int MAX_REQUEST_BYTES = 6_291_456;

    /** Checks that no field is null. */
    public LambdaInvocation {
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(invocationType, "invocationType");
        Objects.requireNonNull(awsRequestId, "awsRequestId");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(payload, "payload");
    }
}
