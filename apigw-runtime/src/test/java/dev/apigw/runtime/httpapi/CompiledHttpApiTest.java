package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.HttpApi;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.routing.RouteMatch;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Route selection of HTTP APIs (reference 7.2). */
class CompiledHttpApiTest {
    private static final CompiledHttpApi WORKED_TABLE =
            CompiledHttpApi.compile(
                    HttpApi.builder("routes")
                            .route("GET /pets/dog/1", r -> {})
                            .route("GET /pets/dog/{id}", r -> {})
                            .route("GET /pets/{proxy+}", r -> {})
                            .route("ANY /{proxy+}", r -> {})
                            .route("$default", r -> {})
                            .build(),
                    Gateway.create());

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /pets/dog/1, GET /pets/dog/1",
        "GET, /pets/dog/2, GET /pets/dog/{id}",
        "GET, /pets/cat/1, GET /pets/{proxy+}",
        "POST, /test/5, ANY /{proxy+}",
        "POST, /pets/dog/1, ANY /{proxy+}",
        "GET, /, $default",
    })
    void route_workedTable_mostSpecificRouteWins(String method, String path, String routeKey) {
        assertThat(WORKED_TABLE.route(method, path))
                .map(m -> m.target().routeKey())
                .contains(routeKey);
    }

    @Test
    void route_fullMatchAndGreedyElsewhere_fullMatchWins() {
        CompiledHttpApi api =
                CompiledHttpApi.compile(
                        HttpApi.builder("a")
                                .route("GET /pets/{proxy+}", r -> {})
                                .route("GET /{kind}/b", r -> {})
                                .build(),
                        Gateway.create());

        Optional<RouteMatch<CompiledRoute>> match = api.route("GET", "/pets/b");

        assertThat(match).map(m -> m.target().routeKey()).contains("GET /{kind}/b");
        assertThat(match.get().pathParameters()).isEqualTo(Map.of("kind", "pets"));
    }

    @Test
    void route_exactMethodBeforeAny() {
        CompiledHttpApi api =
                CompiledHttpApi.compile(
                        HttpApi.builder("a")
                                .route("ANY /pets", r -> {})
                                .route("GET /pets", r -> {})
                                .build(),
                        Gateway.create());

        assertThat(api.route("GET", "/pets")).map(m -> m.target().routeKey()).contains("GET /pets");
        assertThat(api.route("PUT", "/pets")).map(m -> m.target().routeKey()).contains("ANY /pets");
    }

    @Test
    void route_noMatchNoDefault_isEmpty() {
        CompiledHttpApi api =
                CompiledHttpApi.compile(
                        HttpApi.builder("a").route("GET /pets", r -> {}).build(), Gateway.create());

        assertThat(api.route("POST", "/pets")).isEmpty();
        assertThat(api.route("GET", "/pets/1")).isEmpty();
    }

    @Test
    void route_greedyValue_isTheRestOfThePath() {
        assertThat(WORKED_TABLE.route("GET", "/pets/cat/1").get().pathParameters())
                .isEqualTo(Map.of("proxy", "cat/1"));
    }

    @Test
    void compile_siblingVariablesWithTwoNames_failsNamingTheRoute() {
        HttpApi api =
                HttpApi.builder("a")
                        .route("GET /pets/{id}", r -> {})
                        .route("DELETE /pets/{petId}", r -> {})
                        .build();

        assertThatThrownBy(() -> CompiledHttpApi.compile(api, Gateway.create()))
                .hasMessageContaining("DELETE /pets/{petId}");
    }
}
