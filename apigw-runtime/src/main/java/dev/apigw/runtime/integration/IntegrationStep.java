package dev.apigw.runtime.integration;

import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ends the chain: calls the method's integration through the invoker compiled for its type.
 * Invokers turn the host's failures into INTEGRATION_FAILURE or INTEGRATION_TIMEOUT. Records the
 * integration's latency, by the account's clock, and status in the request's record ({@code
 * IntegrationLatency}, {@code $context.integrationLatency}, {@code $context.integration.status};
 * reference 10.1, 10.3). Its execution-log lines are AWS's ({@code Sending request to <uri>},
 * {@code Received response. Status: 200, Integration latency: 12 ms}; none for a MOCK, reference
 * 10.2).
 */
public final class IntegrationStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledMethod method = exchange.method();
        boolean mock = method.integration().type() == IntegrationType.MOCK;
        if (!mock) {
            exchange.trace()
                    .add(
                            "integration",
                            "Sending request to ",
                            method.integration().uri().orElse(""));
        }
        Clock clock = exchange.gateway().clock();
        Instant start = clock.instant();
        Response response;
        try {
            response = method.invoker().invoke(exchange);
        } finally {
            exchange.record().integrationLatency(Duration.between(start, clock.instant()));
        }
        exchange.record().integrationStatus(response.statusCode());
        if (!mock && exchange.trace().isRecording()) {
            exchange.trace()
                    .add(
                            "integration",
                            "Received response. Status: " + response.statusCode(),
                            ", Integration latency: "
                                    + exchange.record()
                                            .integrationLatency()
                                            .orElseThrow()
                                            .toMillis()
                                    + " ms");
        }
        return response;
    }
}
