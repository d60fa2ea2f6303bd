package dev.apigw.runtime.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stage of an execute-api URL is its first path segment (reference 7.1, 2.1 for slashes). */
class PathPrefixStageResolverTest {
    private static final StageResolver RESOLVER = StageResolver.pathPrefix();

    private static Map<String, DeployedStage> stages() {
        return TestExchanges.builder()
                .method("/pets", "GET", m -> {})
                .arrived(Request.of("GET", "/test/pets"))
                .state()
                .stages();
    }

    @ParameterizedTest
    @CsvSource({
        "/test/pets, /pets",
        "//test/pets, /pets",
        "/test//pets, /pets",
        "/test, /",
        "/test/, /",
        "/test/pets/, /pets/"
    })
    void resolve_knownStage_givesThePathAfterIt(String path, String resourcePath) {
        StageResolver.ResolvedStage resolved =
                RESOLVER.resolve(Request.of("GET", path), stages()).orElseThrow();

        assertThat(resolved.stage().stage().stageName()).isEqualTo("test");
        assertThat(resolved.resourcePath()).isEqualTo(resourcePath);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/prod/pets", "/", "/tests/pets", "/Test/pets"})
    void resolve_noSuchStage_isEmptyAndNamesTheSegment(String path) {
        Request request = Request.of("GET", path);

        assertThat(RESOLVER.resolve(request, stages())).isEmpty();
        assertThat(RESOLVER.describeMiss(request)).startsWith("No stage named: ");
    }
}
