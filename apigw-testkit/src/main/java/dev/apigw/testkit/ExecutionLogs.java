package dev.apigw.testkit;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * One test's execution logs, by response: the {@link ApiGatewayExtension} installs it as the test's
 * {@code Api} execution log listener, so that a failing assertion on a plain {@code
 * api.handle(...)} response can print the console's test result. Responses are keys by identity
 * ({@code Response} has no {@code equals}), held weakly so that a test handling many requests keeps
 * only the logs of responses it still holds. Thread-safe.
 */
final class ExecutionLogs implements Consumer<TestInvokeResult> {
    private final Map<Response, Recorded> logs = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void accept(TestInvokeResult result) {
        logs.put(result.response(), new Recorded(result.request(), result.log(), result.latency()));
    }

    /** Returns the test result of a response this test's {@code Api} gave, if it is known. */
    Optional<TestInvokeResult> find(Response response) {
        Recorded recorded = logs.get(response);
        return recorded == null
                ? Optional.empty()
                : Optional.of(
                        new TestInvokeResult(
                                recorded.request, response, recorded.log, recorded.latency));
    }

    /** A result without its response, so that the map's value does not hold its key. */
    private static final class Recorded {
        final Request request;
        final ExecutionTrace log;
        final Duration latency;

        Recorded(Request request, ExecutionTrace log, Duration latency) {
            this.request = request;
            this.log = log;
            this.latency = latency;
        }
    }
}
