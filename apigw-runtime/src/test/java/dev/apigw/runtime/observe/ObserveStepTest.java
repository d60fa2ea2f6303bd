package dev.apigw.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.AccessLogFormat;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link ObserveStep} decides (reference 10.2): it closes the execution log with the method
 * response and status, writes the access log line of a request that reached a stage with access
 * logging (reference 10.3, canary destinations 9.2), and changes nothing it passes on or returns.
 */
class ObserveStepTest {
    private static final ContextVariables ACCESS_LOG =
            ContextVariables.builder()
                    .registerAll(ContextVariables::requestVariables)
                    .registerAll(AccessLogVariables::register)
                    .build();

    private final ObserveStep step = new ObserveStep();
    private final RecordingChain next = RecordingChain.answering200();

    @Test
    void apply_recordingTrace_logsCompletion() {
        ExecutionTrace trace = ExecutionTrace.recording(Clock.systemUTC());
        Exchange exchange =
                TestExchanges.builder()
                        .ids("req-42", "ext-42")
                        .trace(trace)
                        .arrived(Request.get("/test/pets"));

        step.apply(exchange, next);

        assertThat(trace.entries())
                .extracting(ExecutionTrace.Entry::message)
                .containsExactly(
                        "Method response body after transformations: {\"ok\":true}",
                        "Method response headers: " + RecordingChain.OK.headers(),
                        "Successfully completed execution",
                        "Method completed with status: 200");
    }

    @Test
    void apply_anyRequest_passesExchangeAndResponseUnchanged() {
        Exchange exchange = TestExchanges.arrived(Request.get("/test/pets"));

        assertThat(step.apply(exchange, next)).isSameAs(RecordingChain.OK);
        assertThat(next.passed()).isSameAs(exchange);
    }

    @Test
    void apply_canaryRequest_writesToTheDestinationWithCanarySuffix() {
        List<String> written = new ArrayList<>();
        AccessLogSettings settings =
                new AccessLogSettings("$context.requestId $context.status", "arn:logs:group");
        Exchange exchange =
                TestExchanges.builder()
                        .ids("req-7", "ext-7")
                        .gateway(g -> g.accessLog((d, line) -> written.add(d + " | " + line)))
                        .accessLogFormats(
                                Map.of(
                                        "test",
                                        AccessLogFormat.compile("test", settings, ACCESS_LOG)))
                        .method("/pets", "GET", m -> {})
                        .atStage(Request.get("/test/pets"));
        Exchange canary =
                exchange.withStage(
                        new DeployedStage(
                                exchange.stage().stage(), exchange.stage().deployment(), true),
                        exchange.resourcePath());

        step.apply(exchange, next);
        step.apply(canary, next);

        assertThat(written)
                .containsExactly("arn:logs:group | req-7 200", "arn:logs:group/Canary | req-7 200");
    }

    @Test
    void apply_noStageResolved_writesNoAccessLog() {
        List<String> written = new ArrayList<>();
        AccessLogSettings settings = new AccessLogSettings("$context.requestId", "arn:logs:group");
        Exchange exchange =
                TestExchanges.builder()
                        .gateway(g -> g.accessLog((d, line) -> written.add(line)))
                        .accessLogFormats(
                                Map.of(
                                        "test",
                                        AccessLogFormat.compile("test", settings, ACCESS_LOG)))
                        .arrived(Request.get("/test/pets"));

        step.apply(exchange, next);

        assertThat(written).isEmpty();
    }
}
