package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import dev.apigw.runtime.routing.RouteMatch;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The value expressions of HTTP API parameter mappings (reference 5.5). */
class MappingValueTest {
    private static Exchange exchange(Request request) {
        HttpStage stage = HttpStage.builder("prod").stageVariable("env", "blue").build();
        CompiledRoute route =
                new CompiledRoute(
                        Route.builder("GET /pets/{petId}").build(),
                        Optional.empty(),
                        Attributes.empty());
        return TestExchanges.arrived(request)
                .withAttribute(HttpResolution.KEY, new HttpResolution(stage, "/pets/7"))
                .withRoute(new RouteMatch<>(route, Map.of("petId", "7")));
    }

    private static final Exchange PETS =
            exchange(
                    Request.builder()
                            .httpMethod("POST")
                            .target("/prod/pets/7?kind=dog&kind=cat&Kind=x")
                            .header("X-Tenant", "a")
                            .header("x-tenant", "b")
                            .body("{\"pet\":{\"name\":\"rex\",\"tags\":[1,2]},\"s\":null}")
                            .build());

    private static String value(String expression) {
        return MappingValue.compile(expression).evaluate(PETS);
    }

    @Test
    void evaluate_header_isCaseInsensitiveAndJoinsRepeatsWithCommas() {
        assertThat(value("$request.header.X-TENANT")).isEqualTo("a,b");
    }

    @Test
    void evaluate_queryString_isCaseSensitiveAndJoinsRepeatsWithCommas() {
        assertThat(value("$request.querystring.kind")).isEqualTo("dog,cat");
        assertThat(value("$request.querystring.Kind")).isEqualTo("x");
    }

    @Test
    void evaluate_body_givesTheWholeBody() {
        assertThat(value("$request.body")).startsWith("{\"pet\":");
    }

    @Test
    void evaluate_bodyPath_givesStringsBareAndOtherValuesAsJson() {
        assertThat(value("$request.body.pet.name")).isEqualTo("rex");
        assertThat(value("$request.body.pet.tags")).isEqualTo("[1,2]");
        assertThat(value("$request.body.pet.tags[1]")).isEqualTo("2");
        assertThat(value("$request.body.missing")).isEmpty();
        assertThat(value("$request.body.s")).isEmpty();
    }

    @Test
    void evaluate_pathAndPathParameter_readTheRequestWithoutTheStage() {
        assertThat(value("$request.path")).isEqualTo("/pets/7");
        assertThat(value("$request.path.petId")).isEqualTo("7");
        assertThat(value("$request.path.other")).isEmpty();
    }

    @Test
    void evaluate_contextAndStageVariables_readThePipelineAndTheStage() {
        assertThat(value("$context.requestId")).isEqualTo("req-1");
        assertThat(value("$context.httpMethod")).isEqualTo("POST");
        assertThat(value("$stageVariables.env")).isEqualTo("blue");
        assertThat(value("$stageVariables.none")).isEmpty();
    }

    @Test
    void evaluate_staticText_isTheTextItself() {
        assertThat(value("application/json")).isEqualTo("application/json");
        assertThat(value("$5 off")).isEqualTo("$5 off");
    }

    @Test
    void evaluate_bracedVariables_areFilledInsideText() {
        assertThat(value("${request.path.petId} ${stageVariables.env}/${request.body.pet.name}"))
                .isEqualTo("7 blue/rex");
        assertThat(value("Bearer ${request.header.x-tenant}")).isEqualTo("Bearer a,b");
    }

    @Test
    void evaluate_responseVariables_readTheAnswerOnlyOnTheResponseSide() {
        MappingValue header = MappingValue.compile("$response.header.Etag");
        MappingValue body = MappingValue.compile("id=${response.body.id}");
        Response answer =
                Response.builder()
                        .statusCode(200)
                        .addHeader("ETag", "v1")
                        .addHeader("etag", "v2")
                        .body("{\"id\":42}")
                        .build();

        assertThat(header.evaluate(PETS, answer)).isEqualTo("v1,v2");
        assertThat(body.evaluate(PETS, answer)).isEqualTo("id=42");
        assertThat(header.evaluate(PETS)).isEmpty();
        assertThat(MappingValue.compile("$request.header.x-tenant").evaluate(PETS, answer))
                .isEmpty();
        assertThat(header.readsResponse()).isTrue();
        assertThat(header.readsRequest()).isFalse();
    }

    @Test
    void evaluate_bodyPathOverOneHundredKilobytes_readsTheTruncatedBodyWhichIsNotJson() {
        String big = "{\"a\":\"x\",\"pad\":\"" + "p".repeat(100 * 1024) + "\"}";
        Exchange exchange = exchange(Request.post("/prod/pets/7", big));

        assertThat(MappingValue.compile("$request.body.a").evaluate(exchange)).isEmpty();
        assertThat(MappingValue.compile("$request.body").evaluate(exchange)).isEqualTo(big);
    }

    @Test
    void evaluate_bodyPathJustUnderOneHundredKilobytes_readsTheBody() {
        String prefix = "{\"a\":\"x\",\"pad\":\"";
        String body = prefix + "p".repeat(100 * 1024 - prefix.length() - 2) + "\"}";
        Exchange exchange = exchange(Request.post("/prod/pets/7", body));

        assertThat(body).hasSize(100 * 1024);
        assertThat(MappingValue.compile("$request.body.a").evaluate(exchange)).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$request.body..name",
                "${request.body.pets[?(@.a)]}",
                "$request.header.",
                "$request.headers.x",
                "$request.multivalueheader.x",
                "${request.path.petId",
                "${nothing.x}",
                "${}",
                "$context.a-b",
                "$request.header.a,$request.header.b",
                "$response.querystring.x",
                "${request.body.a[}"
            })
    void compile_malformedExpression_failsNamingIt(String expression) {
        assertThatThrownBy(() -> MappingValue.compile(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid mapping expression specified: " + expression);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Random expressions and bodies never throw at evaluation and give bounded values. */
    @ParameterizedTest
    @MethodSource("seeds")
    void evaluate_randomExpressionAndBody_neverThrowsAndStaysBounded(long seed) {
        Random random = new Random(seed);
        String body = randomText(random, random.nextInt(4000), "{}[]\":,.0123abc \\nul");
        Exchange exchange = exchange(Request.post("/prod/pets/7", body));
        String expression =
                pick(random, "$request.body.", "${request.", "", "$", "${response.body.")
                        + randomText(random, 1 + random.nextInt(60), "${}.[]*'\"?@()-_:abc0129 ");
        MappingValue value;
        try {
            value = MappingValue.compile(expression);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining(expression);
            return;
        }
        String result = value.evaluate(exchange);
        String answer = value.evaluate(exchange, Response.builder().body(body).build());

        assertThat(result.length()).isLessThanOrEqualTo(MappingValue.MAX_VALUE_CHARS);
        assertThat(answer.length()).isLessThanOrEqualTo(MappingValue.MAX_VALUE_CHARS);
    }

    @Test
    void evaluate_repeatedWholeBody_isCutAtTheValueLimit() {
        String body = "b".repeat(3 * 1024 * 1024);
        Exchange exchange = exchange(Request.post("/prod/pets/7", body));

        String result =
                MappingValue.compile("${request.body}".repeat(8) + "tail").evaluate(exchange);

        assertThat(result).hasSize(MappingValue.MAX_VALUE_CHARS);
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String randomText(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
