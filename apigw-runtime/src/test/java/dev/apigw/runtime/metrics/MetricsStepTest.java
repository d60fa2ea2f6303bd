package dev.apigw.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RealChain;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.RequestRecord.CacheStatus;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.pipeline.TestExchanges;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Where {@link MetricsStep} records a request (reference 10.1): the dimension set by how far the
 * request was resolved, the canary's own metrics (reference 9.2), the stage cache's hit or miss
 * (reference 9.3), a failure escaping the pipeline. Requests run through a {@link RealChain} whose
 * inner step stands in for the rest of the pipeline: it resolves the request further, marks the
 * record and answers. Scenario tests through {@code Api.handle} are in {@code MetricsScenarioTest}.
 */
class MetricsStepTest {
    private static final Tags UNSTAGED = ApiMeters.tags("fixture", "", "", "");
    private static final Tags TEST_STAGE = ApiMeters.tags("fixture", "test", "", "");
    private static final Tags CANARY_STAGE = ApiMeters.tags("fixture", "test/Canary", "", "");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MetricsStep step = MetricsStep.of(registry, "unitapi001", "fixture");

    private static TestExchanges.Builder fixture() {
        return TestExchanges.builder().method("/orders", "GET", m -> {});
    }

    private static Request get(String target) {
        return Request.of("GET", target);
    }

    /** Runs the metrics step, then {@code inner} on what it passes on, through a real chain. */
    private Response run(Exchange exchange, Step inner) {
        return RealChain.start(List.of(step, inner), exchange);
    }

    /** An inner step answering {@code response} to the exchange {@code resolve} makes. */
    private static Step answering(Function<Exchange, Exchange> resolve, Response response) {
        return (exchange, next) -> {
            Step last = (resolved, end) -> response;
            return RealChain.start(List.of(last), resolve.apply(exchange));
        };
    }

    private static Response status(int status) {
        return Response.builder().statusCode(status).body("{}").build();
    }

    private double count(String name, Tags tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private long timed(String name, Tags tags) {
        return registry.get(name).tags(tags).timer().count();
    }

    @Test
    void apply_routedRequest_recordedAtItsStage() {
        Exchange exchange = fixture().routed(get("/test/orders"));

        Response response = step.apply(exchange, RecordingChain.answering200());

        assertThat(response).isSameAs(RecordingChain.OK);
        assertThat(count("Count", TEST_STAGE)).isEqualTo(1);
        assertThat(count("4XXError", TEST_STAGE)).isZero();
        assertThat(count("5XXError", TEST_STAGE)).isZero();
        assertThat(timed("Latency", TEST_STAGE)).isEqualTo(1);
        assertThat(timed("IntegrationLatency", TEST_STAGE)).isZero();
        assertThat(registry.getMeters())
                .extracting(m -> m.getId().getTag("Stage"))
                .containsOnly("test");
    }

    @Test
    void apply_noStageResolved_recordedUnderTheApiNameOnly() {
        Exchange exchange = fixture().arrived(get("/nostage/orders"));

        step.apply(exchange, RecordingChain.answering(status(403)));

        assertThat(count("Count", UNSTAGED)).isEqualTo(1);
        assertThat(count("4XXError", UNSTAGED)).isEqualTo(1);
        assertThat(registry.find("Count").tags(TEST_STAGE).counter()).isNull();
    }

    @Test
    void apply_innerStepsResolveFurther_recordedAtTheMostResolved() {
        TestExchanges.Builder fixture = fixture();
        Exchange arrived = fixture.arrived(get("/test/orders"));
        Exchange routed = fixture.routed(get("/test/orders"));

        run(
                arrived,
                answering(
                        e -> e.withStage(routed.stage(), "/orders").withRoute(routed.route()),
                        status(502)));

        assertThat(count("Count", TEST_STAGE)).isEqualTo(1);
        assertThat(count("5XXError", TEST_STAGE)).isEqualTo(1);
        assertThat(registry.find("Count").tags(UNSTAGED).counter()).isNull();
    }

    @Test
    void apply_statuses_countedAsClientOrServerErrors() {
        TestExchanges.Builder fixture = fixture();
        for (int status : new int[] {200, 204, 301, 400, 403, 429, 499, 500, 502, 504}) {
            step.apply(
                    fixture.routed(get("/test/orders")), RecordingChain.answering(status(status)));
        }

        assertThat(count("Count", TEST_STAGE)).isEqualTo(10);
        assertThat(count("4XXError", TEST_STAGE)).isEqualTo(4);
        assertThat(count("5XXError", TEST_STAGE)).isEqualTo(3);
    }

    @Test
    void apply_cacheHitAndMiss_countedApart() {
        TestExchanges.Builder fixture = fixture();
        Step hit = marking(CacheStatus.HIT);
        Step miss = marking(CacheStatus.MISS);
        Step notCached = marking(CacheStatus.NOT_CACHED);

        run(fixture.routed(get("/test/orders")), hit);
        run(fixture.routed(get("/test/orders")), hit);
        run(fixture.routed(get("/test/orders")), miss);
        run(fixture.routed(get("/test/orders")), notCached);

        assertThat(count("Count", TEST_STAGE)).isEqualTo(4);
        assertThat(count("CacheHitCount", TEST_STAGE)).isEqualTo(2);
        assertThat(count("CacheMissCount", TEST_STAGE)).isEqualTo(1);
    }

    private static Step marking(CacheStatus status) {
        return (exchange, next) -> {
            exchange.record().cacheStatus(status);
            return RecordingChain.OK;
        };
    }

    @Test
    void apply_integrationCalled_integrationLatencyRecorded() {
        Step integration =
                (exchange, next) -> {
                    exchange.record().integrationLatency(Duration.ofMillis(42));
                    return RecordingChain.OK;
                };

        run(fixture().routed(get("/test/orders")), integration);

        assertThat(timed("IntegrationLatency", TEST_STAGE)).isEqualTo(1);
        assertThat(
                        registry.get("IntegrationLatency")
                                .tags(TEST_STAGE)
                                .timer()
                                .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(42.0);
    }

    @Test
    void apply_canaryRequest_recordedAtTheStageAndAtItsCanary() {
        TestExchanges.Builder fixture = fixture();
        Exchange routed = fixture.routed(get("/test/orders"));
        DeployedStage canary =
                new DeployedStage(routed.stage().stage(), routed.stage().deployment(), true);

        run(routed, answering(e -> e.withStage(canary, "/orders"), status(500)));
        run(fixture.routed(get("/test/orders")), answering(e -> e, RecordingChain.OK));

        assertThat(count("Count", TEST_STAGE)).isEqualTo(2);
        assertThat(count("5XXError", TEST_STAGE)).isEqualTo(1);
        assertThat(count("Count", CANARY_STAGE)).isEqualTo(1);
        assertThat(count("5XXError", CANARY_STAGE)).isEqualTo(1);
    }

    @Test
    void apply_canaryOfDetailedMethod_canaryHasItsMethodSet() {
        Stage detailed =
                Stage.builder()
                        .stageName("test")
                        .putMethodSetting(
                                "*/*", MethodSetting.builder().metricsEnabled(true).build())
                        .build();
        Exchange routed = fixture().stage(detailed).routed(get("/test/orders"));
        DeployedStage canary =
                new DeployedStage(routed.stage().stage(), routed.stage().deployment(), true);

        run(routed, answering(e -> e.withStage(canary, "/orders"), RecordingChain.OK));

        assertThat(count("Count", ApiMeters.tags("fixture", "test", "GET", "/orders")))
                .isEqualTo(1);
        assertThat(count("Count", ApiMeters.tags("fixture", "test/Canary", "GET", "/orders")))
                .isEqualTo(1);
    }

    @Test
    void apply_failureEscapes_countedAsServerErrorAndRethrown() {
        IllegalStateException bug = new IllegalStateException("a bug");

        Throwable thrown =
                catchThrowable(
                        () ->
                                step.apply(
                                        fixture().routed(get("/test/orders")),
                                        RecordingChain.throwing(bug)));

        assertThat(thrown).isSameAs(bug);
        assertThat(count("Count", TEST_STAGE)).isEqualTo(1);
        assertThat(count("5XXError", TEST_STAGE)).isEqualTo(1);
    }

    @Test
    void apply_manyRequests_registerOneSetPerDimensionSet() {
        TestExchanges.Builder fixture = fixture();
        for (int i = 0; i < 100; i++) {
            step.apply(fixture.routed(get("/test/orders?i=" + i)), RecordingChain.answering200());
            step.apply(fixture.arrived(get("/other" + i)), RecordingChain.answering200());
        }

        assertThat(registry.getMeters()).hasSize(14);
        assertThat(registry.getMeters())
                .extracting(Meter::getId)
                .extracting(id -> id.getTag("Stage"))
                .containsOnly("", "test");
    }

    @Test
    void apply_twoStepsOfOneRegistry_shareTheMeters() {
        MetricsStep redeployed = MetricsStep.of(registry, "unitapi001", "fixture");

        step.apply(fixture().routed(get("/test/orders")), RecordingChain.answering200());
        redeployed.apply(fixture().routed(get("/test/orders")), RecordingChain.answering200());

        assertThat(count("Count", TEST_STAGE)).isEqualTo(2);
    }
}
