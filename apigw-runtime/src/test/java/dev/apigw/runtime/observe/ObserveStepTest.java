package dev.apigw.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * What {@link ObserveStep} decides (reference 10.2): it closes the execution log with the method
 * response and status, and changes nothing it passes on or returns.
 */
class ObserveStepTest {
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
}
