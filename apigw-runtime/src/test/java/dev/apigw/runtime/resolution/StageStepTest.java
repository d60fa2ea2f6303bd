package dev.apigw.runtime.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link StageStep} decides: the first path segment names the stage and the rest is the
 * resource path (reference 7.1, doubled slashes folded as reference 2.1 says); a request naming no
 * deployed stage gets AWS's fixed 403 without going further.
 */
class StageStepTest {
    private final StageStep step = new StageStep(StageResolver.pathPrefix());
    private final RecordingChain next = RecordingChain.answering200();

    private static Exchange arrived(String target) {
        return TestExchanges.builder().method("/pets", "GET", m -> {}).arrived(Request.get(target));
    }

    @ParameterizedTest
    @CsvSource({
        "/test/pets, /pets",
        "/test/pets/7?x=1, /pets/7",
        "//test/pets, /pets",
        "/test//pets, /pets",
        "/test, /",
        "/test/, /"
    })
    void apply_knownStage_passesStageAndResourcePath(String target, String resourcePath) {
        Response response = step.apply(arrived(target), next);

        assertThat(response).isSameAs(RecordingChain.OK);
        Exchange passed = next.passed();
        assertThat(passed.stageSettings().stageName()).isEqualTo("test");
        assertThat(passed.resourcePath()).isEqualTo(resourcePath);
    }

    @Test
    void apply_unknownStage_answers403ForbiddenWithoutCallingNext() {
        ExecutionTrace trace = ExecutionTrace.recording(Clock.systemUTC());
        Exchange exchange =
                TestExchanges.builder()
                        .method("/pets", "GET", m -> {})
                        .trace(trace)
                        .arrived(Request.get("/prod/pets"));

        Response response = step.apply(exchange, next);

        assertThat(next.called()).isFalse();
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().first("x-amzn-ErrorType")).contains("ForbiddenException");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(trace.contains("No stage named: prod")).isTrue();
    }

    @Test
    void apply_noStageDeployed_answers403Forbidden() {
        Response response = step.apply(TestExchanges.arrived(Request.get("/test/pets")), next);

        assertThat(next.called()).isFalse();
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
