package dev.apigw.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link Api#testInvoke}, as the console's TestInvokeMethod reports it: the
 * response, the execution log and the latency.
 *
 * @param request the request that was handled
 * @param response what the caller gets
 * @param log what each step did
 * @param latency how long the request took, by the API's clock
 */
public record TestInvokeResult(
        Request request, Response response, ExecutionTrace log, Duration latency) {
    /** Checks that no field is null. */
    public TestInvokeResult {
        Objects.requireNonNull(request);
        Objects.requireNonNull(response);
        Objects.requireNonNull(log);
        Objects.requireNonNull(latency);
    }
}
