package dev.apigw.runtime.integration;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes the Lambda function of an integration, shared by AWS_PROXY and AWS integrations:
 * synchronously ({@code RequestResponse}, reference 2, intro) unless an AWS integration maps {@code
 * X-Amz-Invocation-Type} to {@code Event} (asynchronous: the call is handed to the host's executor
 * and the answer is Lambda's empty 202 payload) or {@code DryRun} (the function is looked up, not
 * run). The function is looked up among the host's bindings by {@code name:qualifier}, else by
 * name. It returns a {@link LambdaOutcome} named after the Invoke API's answers and leaves the
 * gateway response to its caller (for integrations: {@link LambdaOutcomes}): a function that is not
 * bound is {@code ResourceNotFound}, an ARN whose stage variables cannot be resolved {@code
 * InvalidParameterValue}, a failure of the Invoke call itself, a function that throws, {@code
 * ServiceException}.
 *
 * <p>An empty payload (a non-proxy request without body and without template) reaches the function
 * as {@code {}}, two characters (reference 6.2, "added" [V]); any other payload goes unchanged.
 *
 * <p>A synchronous call runs on the {@code Api}'s own threads ({@link
 * dev.apigw.runtime.Gateway#requestResponse()}) and is waited for no longer than the integration's
 * {@code timeoutInMillis} (default 29,000 ms, reference 4.2, 9.5): past it the outcome is {@code
 * TimedOut} (an integration answers 504 INTEGRATION_TIMEOUT {@code Endpoint request timed out},
 * reference 2.2 [C]) and the function's thread is interrupted and abandoned ({@link TimedCall}). An
 * {@link Error} the function throws is Lambda's {@code Runtime.ExitError} function error.
 *
 * <p>Lambda's payload quotas hold (reference 9.5): a synchronous call whose payload passes {@link
 * LambdaInvocation#MAX_REQUEST_BYTES} is not made ({@code RequestTooLarge}; an integration answers
 * 413 {@code Request Too Long} with {@code x-amzn-ErrorType: BadRequestException} [C]); an answer
 * past {@link LambdaResult#MAX_RESPONSE_BYTES} is {@code ResponseSizeTooLarge} with the
 * execution-log line "Lambda execution failed with status 200 due to customer function error:
 * Response payload size exceeded maximum allowed payload size (6291556 bytes)." [C] (an integration
 * answers 502 INTEGRATION_FAILURE, for proxy and non-proxy integrations alike; non-proxy: our
 * choice).
 */
public final class LambdaCall {
    /** Synchronous invocation: the default of Lambda's Invoke API. */
    static final String REQUEST_RESPONSE = "RequestResponse";

    /** Asynchronous invocation. */
    static final String EVENT = "Event";

    /** Checks the call without running the function. */
    static final String DRY_RUN = "DryRun";

    private static final Logger LOG = LoggerFactory.getLogger(LambdaCall.class);

    /** What a function receives for an empty payload. */
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final LambdaArn arn;
    private final Duration timeout;
    private final String step;

    LambdaCall(LambdaArn arn, int timeoutInMillis) {
        this(arn, timeoutInMillis, "integration");
    }

    /**
     * Creates a call of the function {@code arn} names, waited for no longer than {@code
     * timeoutInMillis}, whose execution-log lines carry the label {@code step} (an integration's
     * {@code integration}, a Lambda authorizer's {@code authorizer}).
     */
    public LambdaCall(LambdaArn arn, int timeoutInMillis, String step) {
        this.arn = Objects.requireNonNull(arn);
        this.timeout = Duration.ofMillis(timeoutInMillis);
        this.step = Objects.requireNonNull(step);
    }

    /** Invokes the function synchronously with a payload and returns how the call ended. */
    public LambdaOutcome invoke(Exchange exchange, byte[] payload) {
        return invoke(exchange, payload, REQUEST_RESPONSE, exchange.stageVariables());
    }

    /**
     * Invokes the function synchronously with a payload, its ARN completed with {@code
     * stageVariables} (an HTTP API stage's, reference 1.5), and returns how the call ended.
     */
    public LambdaOutcome invoke(
            Exchange exchange, byte[] payload, Map<String, String> stageVariables) {
        return invoke(exchange, payload, REQUEST_RESPONSE, stageVariables);
    }

    /**
     * Invokes the function with a payload and an invocation type ({@link #REQUEST_RESPONSE}, {@link
     * #EVENT} or {@link #DRY_RUN}) and returns how the call ended; for the last two the answer is
     * an empty payload returned at once. Writes the execution-log lines of each outcome.
     */
    LambdaOutcome invoke(Exchange exchange, byte[] body, String invocationType) {
        return invoke(exchange, body, invocationType, exchange.stageVariables());
    }

    private LambdaOutcome invoke(
            Exchange exchange,
            byte[] body,
            String invocationType,
            Map<String, String> stageVariables) {
        return invoke(
                exchange.gateway(),
                exchange.backends(),
                exchange.trace(),
                body,
                invocationType,
                stageVariables);
    }

    /**
     * Invokes the function synchronously outside a request pipeline (a WebSocket API's routes,
     * reference 2.6): the function is looked up in {@code backends}, runs on {@code gateway}'s
     * threads within the timeout, and the execution-log lines go to {@code trace}.
     */
    public LambdaOutcome invoke(
            Gateway gateway,
            Backends backends,
            ExecutionTrace trace,
            byte[] payload,
            Map<String, String> stageVariables) {
        return invoke(gateway, backends, trace, payload, REQUEST_RESPONSE, stageVariables);
    }

    private LambdaOutcome invoke(
            Gateway gateway,
            Backends backends,
            ExecutionTrace trace,
            byte[] body,
            String invocationType,
            Map<String, String> stageVariables) {
        byte[] payload = body.length == 0 ? EMPTY_OBJECT : body;
        LambdaArn.Function function = arn.resolve(stageVariables).orElse(null);
        if (function == null) {
            trace.error(
                    step,
                    "Execution failed due to configuration error: Invalid"
                            + " Lambda function ARN after stage variables: ",
                    arn);
            return new LambdaOutcome.InvalidParameterValue(arn.toString());
        }
        LambdaFunction bound = backends.lambda(function.name(), function.qualifier()).orElse(null);
        if (bound == null) {
            trace.error(
                    step,
                    "Execution failed due to configuration error:"
                            + " no Lambda function is bound for ",
                    function.arn());
            return new LambdaOutcome.ResourceNotFound(function.arn());
        }
        LambdaInvocation invocation =
                new LambdaInvocation(
                        function.arn(),
                        function.name(),
                        function.qualifier(),
                        invocationType,
                        RequestIds.requestId(gateway.random()),
                        timeout,
                        payload);
        if (invocationType.equals(DRY_RUN)) {
            trace.add(step, "Lambda dry run of ", function.arn());
            return new LambdaOutcome.Answered(LambdaResult.of(new byte[0]));
        }
        if (invocationType.equals(EVENT)) {
            return invokeAsync(gateway, trace, bound, invocation);
        }
        if (payload.length > LambdaInvocation.MAX_REQUEST_BYTES) {
            trace.error(
                    step,
                    "Lambda invocation failed: request payload of "
                            + payload.length
                            + " bytes exceeds ",
                    LambdaInvocation.MAX_REQUEST_BYTES);
            return new LambdaOutcome.RequestTooLarge(payload.length);
        }
        trace.add(step, "Invoking Lambda function ", function.arn());
        LambdaResult result;
        try {
            result =
                    Objects.requireNonNull(
                            TimedCall.invoke(gateway.requestResponse(), bound, invocation),
                            "LambdaFunction returned null");
        } catch (TimeoutException e) {
            LOG.warn("Lambda function {} did not answer within {}", function.arn(), timeout);
            trace.error(
                    step,
                    "Execution failed due to a timeout error: no answer"
                            + " from the Lambda function within ",
                    timeout.toMillis() + " ms");
            return new LambdaOutcome.TimedOut(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return invokeFailed(trace, function, e);
        } catch (RuntimeException e) {
            return invokeFailed(trace, function, e);
        }
        return outcomeOf(trace, result);
    }

    private LambdaOutcome outcomeOf(ExecutionTrace trace, LambdaResult result) {
        if (result.functionError().isPresent() && trace.isRecording()) {
            trace.error(
                    step,
                    "Lambda function error: ",
                    new String(result.payload(), StandardCharsets.UTF_8));
        }
        if (result.isResponseSizeTooLarge()) {
            trace.error(
                    step,
                    "Lambda execution failed with status 200 due to customer" + " function error: ",
                    LambdaResult.responseSizeTooLargeMessage());
            return new LambdaOutcome.ResponseSizeTooLarge();
        }
        if (trace.isRecording()) {
            trace.data(
                    step,
                    "Endpoint response body before transformations: ",
                    new String(result.payload(), StandardCharsets.UTF_8));
        }
        return result.functionError().isPresent()
                ? new LambdaOutcome.FunctionError(result)
                : new LambdaOutcome.Answered(result);
    }

    private LambdaOutcome invokeFailed(
            ExecutionTrace trace, LambdaArn.Function function, Exception e) {
        LOG.warn("Lambda function {} failed to invoke: {}", function.arn(), e.toString());
        trace.error(step, "Lambda invocation failed: ", e);
        return new LambdaOutcome.ServiceException(e);
    }

    private LambdaOutcome invokeAsync(
            Gateway gateway,
            ExecutionTrace trace,
            LambdaFunction bound,
            LambdaInvocation invocation) {
        trace.add(step, "Invoking Lambda function asynchronously ", invocation.functionArn());
        try {
            gateway.eventInvocations().execute(() -> runEvent(bound, invocation));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Lambda function {} could not be queued: {}",
                    invocation.functionArn(),
                    e.toString());
            trace.error(step, "Lambda invocation failed: ", e);
            return new LambdaOutcome.ServiceException(e);
        }
        return new LambdaOutcome.Answered(LambdaResult.of(new byte[0]));
    }

    /** Runs an asynchronous call: its result has no one to go to, failures are logged. */
    private static void runEvent(LambdaFunction bound, LambdaInvocation invocation) {
        try {
            LambdaResult result = bound.invoke(invocation);
            if (result != null && result.functionError().isPresent()) {
                LOG.warn(
                        "Lambda function {} (Event {}) failed: {}",
                        invocation.functionArn(),
                        invocation.awsRequestId(),
                        new String(result.payload(), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException | Error e) {
            LOG.warn(
                    "Lambda function {} (Event {}) failed to invoke",
                    invocation.functionArn(),
                    invocation.awsRequestId(),
                    e);
        }
    }
}
