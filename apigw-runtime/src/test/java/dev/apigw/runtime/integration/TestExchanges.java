package dev.apigw.runtime.integration;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.HostBindings;
import dev.apigw.runtime.pipeline.ServingState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Exchanges of a request before routing, for unit tests of mapping pieces. */
final class TestExchanges {
    private static final Instant NOW = Instant.parse("2025-02-03T04:05:06Z");

    private TestExchanges() {}

    static Exchange of(Request request) {
        HostBindings host =
                new HostBindings(
                        Map.of(),
                        r -> {
                            throw new AssertionError("no backend expected");
                        },
                        HostBindings.NO_AWS_SERVICE_BACKEND,
                        task -> {
                            throw new AssertionError("no asynchronous invocation expected");
                        },
                        Runnable::run,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        () -> 7L,
                        "ap-south-1",
                        "111122223333");
        return Exchange.of(
                request,
                "req-1",
                "ext-1",
                NOW,
                ExecutionTrace.off(),
                new ServingState("unitapi001", Map.of(), Map.of(), List.of(), host));
    }
}
