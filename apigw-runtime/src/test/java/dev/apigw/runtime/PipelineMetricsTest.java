package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.RestApi;
import dev.apigw.runtime.metrics.MetricsStep;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Metrics cost nothing without a registry (issue 13, reference 10.1): the pipeline of an API whose
 * account has none has no metrics step; with one, the metrics step is outermost.
 */
class PipelineMetricsTest {
    private static final RestApi API = RestApi.builder().name("orders").build();

    @Test
    void pipeline_noRegistry_hasNoMetricsStep() {
        Pipeline pipeline = Api.pipeline(Gateway.create(), API);

        assertThat(pipeline.steps()).noneMatch(MetricsStep.class::isInstance);
        assertThat(pipeline.steps()).hasSameSizeAs(Pipeline.rest().steps());
    }

    @Test
    void pipeline_registry_metricsStepOutermost() {
        Gateway account = Gateway.builder().meterRegistry(new SimpleMeterRegistry()).build();

        Pipeline pipeline = Api.pipeline(account, API);

        assertThat(pipeline.steps().get(0)).isInstanceOf(MetricsStep.class);
        assertThat(pipeline.steps().subList(1, pipeline.steps().size()))
                .extracting(Object::getClass)
                .containsExactlyElementsOf(
                        Pipeline.rest().steps().stream()
                                .map(Object::getClass)
                                .collect(Collectors.toList()));
    }
}
