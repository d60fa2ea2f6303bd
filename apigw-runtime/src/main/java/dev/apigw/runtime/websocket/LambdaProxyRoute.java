package dev.apigw.runtime.websocket;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.integration.LambdaOutcome;
import dev.apigw.runtime.pipeline.Backends;
import java.util.Map;

/**
 * A WebSocket route's {@code AWS_PROXY} Lambda integration (reference 2.6): the route's event goes
 * to the function through {@link LambdaCall} (the account's threads, the integration's timeout) and
 * its answer is read by {@link ProxyAnswer}. A function error or an answer past Lambda's quota is a
 * 502 failure, a timeout 504, an unbound function or an ARN its stage variables cannot complete
 * 500, a failed Invoke call 502. Immutable and thread-safe.
 */
final class LambdaProxyRoute implements RouteIntegration {
    private final LambdaCall call;
    private final Gateway gateway;
    private final Backends backends;
    private final Map<String, String> stageVariables;

    LambdaProxyRoute(
            LambdaCall call,
            Gateway gateway,
            Backends backends,
            Map<String, String> stageVariables) {
        this.call = call;
        this.gateway = gateway;
        this.backends = backends;
        this.stageVariables = Map.copyOf(stageVariables);
    }

    @Override
    public RouteAnswer invoke(RouteRequest request) {
        LambdaOutcome outcome =
                call.invoke(
                        gateway,
                        backends,
                        ExecutionTrace.off(),
                        request.proxyEvent().get(),
                        stageVariables);
        if (outcome instanceof LambdaOutcome.Answered answered) {
            return ProxyAnswer.parse(answered.result().payload());
        }
        if (outcome instanceof LambdaOutcome.TimedOut) {
            return RouteAnswer.failure(504);
        }
        if (outcome instanceof LambdaOutcome.ResourceNotFound
                || outcome instanceof LambdaOutcome.InvalidParameterValue) {
            return RouteAnswer.failure(500);
        }
        return RouteAnswer.failure(502);
    }
}
