package dev.apigw.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.Stage;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;

/**
 * What {@link TraceId} makes of a request (reference 10.5, 10.6): the client's fields kept, the
 * missing ones generated, {@code Sampled} by the stage's tracing or the client's, and the header
 * sent to integrations in full only for a traced request.
 */
class TraceIdTest {
    private static final String ROOT = "1-5e6f7a8b-0123456789abcdef01234567";
    private static final String REQUEST_ID = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    private static Exchange exchange(boolean tracing, String header) {
        Request.Builder request = Request.get("/test/pets").toBuilder();
        if (header != null) {
            request.header("X-Amzn-Trace-Id", header);
        }
        return TestExchanges.builder()
                .ids(REQUEST_ID, "ext")
                .stage(Stage.builder().stageName("test").tracingEnabled(tracing).build())
                .method("/pets", "GET", m -> {})
                .atStage(request.build());
    }

    @Test
    void of_noHeaderTracingOff_generatesUnsampledUntracedTrace() {
        TraceId trace = TraceId.of(exchange(false, null));

        assertThat(trace.root()).isEqualTo("1-67a04072-0a1b2c3d4e5f4a6b8c7d8e9f");
        assertThat(trace.parent()).isEqualTo("8c7d8e9f0a1b2c3d");
        assertThat(trace.responseHeader())
                .isEqualTo(
                        "Root=1-67a04072-0a1b2c3d4e5f4a6b8c7d8e9f;Parent=8c7d8e9f0a1b2c3d"
                                + ";Sampled=0");
        assertThat(trace.requestHeader()).isEqualTo("Root=1-67a04072-0a1b2c3d4e5f4a6b8c7d8e9f");
        assertThat(TraceId.xrayTraceId(exchange(false, null))).isNull();
    }

    @Test
    void of_noHeaderTracingOn_sampledAndSentInFull() {
        Exchange exchange = exchange(true, null);
        TraceId trace = TraceId.of(exchange);

        assertThat(trace.sampled()).isEqualTo("1");
        assertThat(trace.requestHeader()).isEqualTo(trace.responseHeader()).endsWith(";Sampled=1");
        assertThat(TraceId.xrayTraceId(exchange)).isEqualTo(trace.root());
    }

    @Test
    void of_rootOnly_keepsRootAndGeneratesParent() {
        TraceId trace = TraceId.of(exchange(false, "Root=" + ROOT));

        assertThat(trace.responseHeader())
                .isEqualTo("Root=" + ROOT + ";Parent=8c7d8e9f0a1b2c3d;Sampled=0");
        assertThat(trace.requestHeader()).isEqualTo("Root=" + ROOT);
    }

    @Test
    void of_sampledCallerTracingOff_passesTheTraceThrough() {
        Exchange exchange = exchange(false, "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");
        TraceId trace = TraceId.of(exchange);

        assertThat(trace.requestHeader())
                .isEqualTo("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(TraceId.xrayTraceId(exchange)).isEqualTo(ROOT);
    }

    @Test
    void of_rootAndParentWithoutSampled_isSampled() {
        TraceId trace = TraceId.of(exchange(false, "Root=" + ROOT + "; Parent=53995c3f42cd8ad8"));

        assertThat(trace.responseHeader())
                .isEqualTo("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(trace.traced()).isFalse();
    }

    @Test
    void of_unsampledCallerTracingOn_keepsTheCallersDecision() {
        TraceId trace = TraceId.of(exchange(true, "Root=" + ROOT + ";Sampled=0"));

        assertThat(trace.sampled()).isEqualTo("0");
        assertThat(trace.traced()).isTrue();
    }
}
