package dev.apigw.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing of REST API requests to resource methods (reference 7.1, and 2.1's path table). */
class RouteMatcherTest {

    /** Builds a matcher whose target is "{resourcePath} {METHOD}" for each pair given. */
    private static RouteMatcher<String> matcher(String... resourceAndMethods) {
        RouteMatcher.Builder<String> b = RouteMatcher.builder();
        for (String rm : resourceAndMethods) {
            String[] parts = rm.split(" ");
            b.add(parts[0], parts[1], rm);
        }
        return b.build();
    }

    private static String target(RouteMatcher<String> m, String method, String path) {
        return m.match(method, path).map(RouteMatch::target).orElse("none");
    }

    private static Map<String, String> params(RouteMatcher<String> m, String method, String path) {
        return m.match(method, path).orElseThrow().pathParameters();
    }

    @Test
    void match_awsValidatedExample_literalBeforeGreedyAndBacktracksToGreedy() {
        RouteMatcher<String> m =
                matcher("/part1 GET", "/{param+} GET", "/part1/hardcoded-value GET");

        assertThat(target(m, "GET", "/part1")).isEqualTo("/part1 GET");
        assertThat(params(m, "GET", "/part1")).isEmpty();
        assertThat(target(m, "GET", "/part1/hardcoded-value"))
                .isEqualTo("/part1/hardcoded-value GET");
        assertThat(target(m, "GET", "/part1/random-value")).isEqualTo("/{param+} GET");
        assertThat(params(m, "GET", "/part1/random-value"))
                .containsExactly(Map.entry("param", "part1/random-value"));
    }

    @Test
    void match_literalSiblingOfVariable_literalWins() {
        RouteMatcher<String> m = matcher("/pets/{petId} GET", "/pets/mine GET");

        assertThat(target(m, "GET", "/pets/mine")).isEqualTo("/pets/mine GET");
        assertThat(target(m, "GET", "/pets/7")).isEqualTo("/pets/{petId} GET");
        assertThat(params(m, "GET", "/pets/7")).containsExactly(Map.entry("petId", "7"));
    }

    @Test
    void match_literalSiblingOfGreedy_literalWinsOnlyWhereItCanServe() {
        RouteMatcher<String> m = matcher("/files/readme GET", "/files/{path+} GET");

        assertThat(target(m, "GET", "/files/readme")).isEqualTo("/files/readme GET");
        assertThat(target(m, "GET", "/files/readme/more")).isEqualTo("/files/{path+} GET");
        assertThat(params(m, "GET", "/files/readme/more"))
                .containsExactly(Map.entry("path", "readme/more"));
    }

    @Test
    void match_variableAndGreedyUnderSameParent_variableBeforeGreedy() {
        // The model forbids these siblings (reference 7.1); the matcher still orders them.
        RouteMatcher<String> m = matcher("/a/{id} GET", "/a/{rest+} GET");

        assertThat(target(m, "GET", "/a/1")).isEqualTo("/a/{id} GET");
        assertThat(target(m, "GET", "/a/1/2")).isEqualTo("/a/{rest+} GET");
    }

    @Test
    void match_deadEndVariableBranch_backtracksToGreedyAtRoot() {
        RouteMatcher<String> m = matcher("/{id}/details GET", "/{proxy+} GET");

        assertThat(target(m, "GET", "/42/details")).isEqualTo("/{id}/details GET");
        assertThat(params(m, "GET", "/42/details")).containsExactly(Map.entry("id", "42"));
        assertThat(target(m, "GET", "/42/other")).isEqualTo("/{proxy+} GET");
        assertThat(params(m, "GET", "/42/other")).containsExactly(Map.entry("proxy", "42/other"));
    }

    @Test
    void match_literalLacksMethod_backtracksByMethodToGreedy() {
        RouteMatcher<String> m = matcher("/test POST", "/{proxy+} OPTIONS", "/test/any ANY");

        assertThat(target(m, "OPTIONS", "/test")).isEqualTo("/{proxy+} OPTIONS");
        assertThat(params(m, "OPTIONS", "/test")).containsExactly(Map.entry("proxy", "test"));
        assertThat(target(m, "POST", "/test")).isEqualTo("/test POST");
        assertThat(target(m, "OPTIONS", "/test/any")).isEqualTo("/test/any ANY");
        assertThat(target(m, "GET", "/test/any")).isEqualTo("/test/any ANY");
        assertThat(target(m, "GET", "/test")).isEqualTo("none");
    }

    @Test
    void match_variableLacksMethod_backtracksToGreedySibling() {
        RouteMatcher<String> m = matcher("/v/{id} DELETE", "/v/{all+} PUT");

        assertThat(target(m, "PUT", "/v/9")).isEqualTo("/v/{all+} PUT");
        assertThat(target(m, "DELETE", "/v/9")).isEqualTo("/v/{id} DELETE");
    }

    @Test
    void match_exactMethodAndAny_exactMethodWins() {
        RouteMatcher<String> m = matcher("/orders ANY", "/orders PATCH");

        assertThat(target(m, "PATCH", "/orders")).isEqualTo("/orders PATCH");
        assertThat(target(m, "DELETE", "/orders")).isEqualTo("/orders ANY");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"})
    void match_anyMethod_servesEveryHttpMethod(String method) {
        RouteMatcher<String> m = matcher("/items/{id} ANY");

        assertThat(target(m, method, "/items/3")).isEqualTo("/items/{id} ANY");
    }

    @Test
    void match_anyOnHigherPriorityResource_winsOverExactMethodOnGreedy() {
        RouteMatcher<String> m = matcher("/shop ANY", "/{proxy+} GET");

        assertThat(target(m, "GET", "/shop")).isEqualTo("/shop ANY");
    }

    @Test
    void match_headWithOnlyGet_isNotServed() {
        RouteMatcher<String> m = matcher("/docs GET");

        assertThat(target(m, "HEAD", "/docs")).isEqualTo("none");
        assertThat(target(m, "GET", "/docs")).isEqualTo("/docs GET");
    }

    @Test
    void match_unknownPathOrMethod_isEmpty() {
        RouteMatcher<String> m = matcher("/a/b GET");

        assertThat(m.match("GET", "/a")).isEmpty();
        assertThat(m.match("GET", "/a/b/c")).isEmpty();
        assertThat(m.match("GET", "/a/c")).isEmpty();
        assertThat(m.match("POST", "/a/b")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/proxy-value/, proxy-value",
        "/proxy-value//double-slash, proxy-value//double-slash",
        "//proxy-value, proxy-value",
        "/a//b///c//, a//b///c",
        "/x/y/, x/y",
    })
    void match_greedyWithEmptySegments_keepsInnerAndDropsOuterSlashes(String path, String value) {
        RouteMatcher<String> m = matcher("/{proxy+} ANY");

        assertThat(params(m, "GET", path)).containsExactly(Map.entry("proxy", value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/hardcoded", "//hardcoded", "/hardcoded/", "///hardcoded//"})
    void match_doubledOrTrailingSlashes_routeToLiteral(String path) {
        RouteMatcher<String> m = matcher("/hardcoded GET", "/{proxy+} GET");

        assertThat(target(m, "GET", path)).isEqualTo("/hardcoded GET");
        assertThat(params(m, "GET", path)).isEmpty();
    }

    @Test
    void match_doubledSlashBetweenLiterals_routesLikeSingleSlash() {
        RouteMatcher<String> m = matcher("/pets/{id}/toys GET");

        assertThat(params(m, "GET", "/pets//5//toys/")).containsExactly(Map.entry("id", "5"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"/", "", "//", "///"})
    void match_rootPathWithOnlyGreedy_isNotServed(String path) {
        RouteMatcher<String> m = matcher("/{proxy+} ANY");

        assertThat(m.match("GET", path)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"/", "", "//"})
    void match_rootPathWithRootMethod_servesRoot(String path) {
        RouteMatcher<String> m = matcher("/ GET", "/{proxy+} ANY");

        assertThat(target(m, "GET", path)).isEqualTo("/ GET");
        assertThat(params(m, "GET", path)).isEmpty();
        assertThat(target(m, "POST", path)).isEqualTo("none");
    }

    @Test
    void match_greedyBelowLiteral_needsAtLeastOneSegment() {
        RouteMatcher<String> m = matcher("/files/{key+} GET");

        assertThat(m.match("GET", "/files")).isEmpty();
        assertThat(m.match("GET", "/files/")).isEmpty();
        assertThat(params(m, "GET", "/files/k")).containsExactly(Map.entry("key", "k"));
    }

    @Test
    void match_percentEncodedAndPlus_keptAsSent() {
        RouteMatcher<String> m = matcher("/user/{email} GET", "/{proxy+} GET");

        assertThat(params(m, "GET", "/user/test%2Balias@gmail.com"))
                .containsExactly(Map.entry("email", "test%2Balias@gmail.com"));
        assertThat(params(m, "GET", "/user/test+alias@gmail.com"))
                .containsExactly(Map.entry("email", "test+alias@gmail.com"));
        assertThat(
                        params(
                                m,
                                "GET",
                                "/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com"))
                .containsExactly(
                        Map.entry(
                                "proxy",
                                "proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com"));
    }

    @Test
    void match_encodedSlashInSegment_isNotASeparator() {
        RouteMatcher<String> m = matcher("/a/{id} GET");

        assertThat(params(m, "GET", "/a/x%2Fy")).containsExactly(Map.entry("id", "x%2Fy"));
    }

    @Test
    void match_encodedLiteral_doesNotMatchDecodedResource() {
        RouteMatcher<String> m = matcher("/a b GET");

        assertThat(m.match("GET", "/a%20b")).isEmpty();
    }

    @Test
    void match_pathCaseDiffers_isNotMatched() {
        RouteMatcher<String> m = matcher("/Pets GET", "/pets/{id} GET");

        assertThat(target(m, "GET", "/Pets")).isEqualTo("/Pets GET");
        assertThat(m.match("GET", "/pets")).isEmpty();
        assertThat(m.match("GET", "/PETS")).isEmpty();
        assertThat(m.match("GET", "/PETS/1")).isEmpty();
    }

    @Test
    void match_nestedVariables_bindsEachByName() {
        RouteMatcher<String> m = matcher("/users/{userId}/orders/{orderId}/{rest+} GET");

        assertThat(params(m, "GET", "/users/u1/orders/o2/a/b"))
                .containsOnly(
                        Map.entry("userId", "u1"),
                        Map.entry("orderId", "o2"),
                        Map.entry("rest", "a/b"));
    }

    @Test
    void match_failedVariableBranch_leavesNoStaleParameter() {
        RouteMatcher<String> m = matcher("/{a}/x GET", "/{b+} GET");

        assertThat(params(m, "GET", "/1/y")).containsExactly(Map.entry("b", "1/y"));
    }

    @Test
    void add_sameMethodTwice_lastTargetWins() {
        RouteMatcher<String> m =
                RouteMatcher.<String>builder()
                        .add("/a", "GET", "first")
                        .add("/a", "GET", "second")
                        .build();

        assertThat(m.match("GET", "/a").map(RouteMatch::target)).isEqualTo(Optional.of("second"));
    }

    @Test
    void add_twoVariableNamesUnderOneParent_throwsNamingThePath() {
        RouteMatcher.Builder<String> b = RouteMatcher.<String>builder().add("/a/{id}", "GET", "x");

        assertThatThrownBy(() -> b.add("/a/{key}", "GET", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/a/{key}")
                .hasMessageContaining("{id}");
    }

    @Test
    void match_builderChangedAfterBuild_doesNotChangeBuiltMatcher() {
        RouteMatcher.Builder<String> b = RouteMatcher.<String>builder().add("/a", "GET", "x");
        RouteMatcher<String> m = b.build();

        b.add("/b", "GET", "y");

        assertThat(m.match("GET", "/b")).isEmpty();
    }
}
