package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.mapping.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code $input.params} of one request, built once. */
class TemplateParametersTest {
    private final Request request =
            Request.builder()
                    .httpMethod("GET")
                    .target("/p?a=1&a=2&b=3")
                    .header("X-One", "1")
                    .header("Accept", "text/plain")
                    .build();
    private final TemplateParameters parameters =
            new TemplateParameters(request, QueryString.parse(request.rawQueryString()));

    @Test
    void with_lastQueryValueAndHeaders() {
        Parameters p = parameters.with(Map.of("id", "7"));

        assertThat(p.querystring()).containsExactly(Map.entry("a", "2"), Map.entry("b", "3"));
        assertThat(p.header()).containsEntry("X-One", "1").containsEntry("Accept", "text/plain");
        assertThat(p.path()).containsExactly(Map.entry("id", "7"));
    }

    @Test
    void with_samePathParameters_buildsOnce() {
        Map<String, String> path = Map.of("id", "7");

        assertThat(parameters.with(path)).isSameAs(parameters.with(path));
    }

    @Test
    void with_otherPathParameters_buildsAgain() {
        Parameters first = parameters.with(Map.of("id", "7"));
        Parameters second = parameters.with(Map.of("id", "8"));

        assertThat(second).isNotSameAs(first);
        assertThat(second.path()).containsEntry("id", "8");
        assertThat(List.copyOf(second.querystring().values())).containsExactly("2", "3");
    }
}
