package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A JSONPath of a mapping template ({@code $input.path}, {@code $input.json}, reference 1.3) runs
 * within the rendering's budget (issue 9 part 3): a filter regular expression that backtracks
 * catastrophically, or a deep scan over a deep payload, fails the template with API Gateway's
 * answer, 500 {@code Internal server error} and an execution-log line (reference 1.1), and ordinary
 * paths keep Jayway's results.
 */
class JsonPathSandboxScenarioTest {
    private static final String CATASTROPHIC = "[{\"a\":\"" + "a".repeat(40) + "b\"}]";
    private static final String BOOKS =
            "[{\"name\":\"Refactoring\",\"price\":8},"
                    + "{\"name\":\"REST\",\"price\":12.5},{\"name\":\"regex\",\"price\":9,"
                    + "\"tags\":[\"x\",\"y\"]},{\"name\":\"Patterns\",\"price\":30,\"flag\":true}]";

    /** An API whose request template prints {@code expression}'s value into the request. */
    private static Api api(String expression, TemplateEngine engine) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .templateEngine(engine)
                .restApi(
                        RestApi.builder()
                                .name("jsonpath")
                                .id("jp42vtl001")
                                .resource(
                                        "/t",
                                        r ->
                                                r.method(
                                                        "POST",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200, "
                                                                                                                + "\"v\": "
                                                                                                                + expression
                                                                                                                + "}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                "done")))))
                                .build())
                .deploy("test")
                .build();
    }

    private static Request post(String body) {
        return Request.builder()
                .httpMethod("POST")
                .target("/test/t")
                .header("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /**
     * An engine whose ticker advances one millisecond at every reading, with a budget of 100 ms: a
     * rendering that keeps running reaches its deadline after about 100 readings.
     */
    private static TemplateEngine fakeTicker() {
        AtomicLong nanos = new AtomicLong();
        return TemplateEngine.builder()
                .ticker(() -> nanos.addAndGet(1_000_000))
                .timeBudget(Duration.ofMillis(100))
                .build();
    }

    private static void assertFailsAndServesNext(Api api, String body, String logged) {
        TestInvokeResult result = api.testInvoke(post(body));

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(result).hasBody("{\"message\": \"Internal server error\"}");
        assertThat(result.log().contains("Unable to transform request")).isTrue();
        assertThat(result.log().contains(logged)).as(result.log().toString()).isTrue();
        Response next =
                api("$input.json('$[0].name')", TemplateEngine.create()).handle(post(BOOKS));
        assertThat(next).hasStatus(200);
        assertThat(next).hasBody("done");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "$input.path('$[?(@.a =~ /(.*a){12}/)]')",
                "$input.json('$[?(@.a =~ /(.*a){12}/)]')",
                "$input.path('$[?(@.x == 1 || @.a =~ /(.*a){12}/)]')",
                "$input.path('$[?(/(.*a){12}/ =~ @.a)]')",
                "$input.path('$..*[?(@.a =~ /(.*a){12}/i)].a')"
            })
    void handle_catastrophicFilterRegularExpression_answers500AtTheTimeBudget(String call) {
        assertFailsAndServesNext(api(call, fakeTicker()), CATASTROPHIC, "time budget of 100 ms");
    }

    /** Objects nested 900 deep (Jackson's nesting limit is 1000), each with 50 numbers. */
    private static String deepBody() {
        String numbers =
                IntStream.range(0, 50)
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(",", "[", "]"));
        String body = "{\"n\":" + numbers + "}";
        for (int level = 0; level < 900; level++) {
            body = "{\"n\":" + numbers + ",\"a\":" + body + "}";
        }
        return body;
    }

    @Test
    void handle_deepScanOverDeepPayload_answers500AtTheWorkBudget() {
        Api api =
                api(
                        "$input.path('$..*').size()",
                        TemplateEngine.builder().workBudget(10_000).build());

        assertFailsAndServesNext(api, deepBody(), "budget of 10000 steps");
    }

    @Test
    void handle_deepScanOverDeepPayload_answers500AtTheTimeBudget() {
        assertFailsAndServesNext(
                api("$input.json('$..n')", fakeTicker()), deepBody(), "time budget of 100 ms");
    }

    /** docs/differences.md row 83: where {@code =~} would reach Jayway's own matcher. */
    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "$input.path('$[?(@.tags[?(@ =~ /x/)])].name')",
                "$input.path('$[?(@.name == \"=~\" || @.name =~ /x/)].name')",
                "$input.path(\"$['a=~b']\")"
            })
    void handle_regularExpressionOutsideARelation_answers500(String call) {
        assertFailsAndServesNext(
                api(call, TemplateEngine.create()),
                BOOKS,
                "=~ is supported only as a relation of a filter");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "$input.json('$[0].name') => \"Refactoring\"",
                "$input.json('$..name') => [\"Refactoring\",\"REST\",\"regex\",\"Patterns\"]",
                "$input.json('$[?(@.price < 10)].name') => [\"Refactoring\",\"regex\"]",
                "$input.json('$[?(@.name =~ /re.*/i)].name') => [\"Refactoring\",\"REST\",\"regex\"]",
                "$input.json('$[?(@.name =~ /re.*/)].name') => [\"regex\"]",
                "$input.json('$[?(@.price =~ /1.*/)].name') => [\"REST\"]",
                "$input.json('$[?(@.flag =~ /tr.e/)].name') => [\"Patterns\"]",
                "$input.json('$[?(@.tags =~ /y/)].name') => [\"regex\"]",
                "$input.json('$[?(@.missing =~ /.*/)].price') => [8,12.5,9,30]",
                "$input.json('$[?(!(@.name =~ /R.*/) && @.price > 10)].name') => [\"Patterns\"]",
                "$input.json('$[?(@.price > 10 || @.name =~ /r.*/)].name')"
                        + " => [\"REST\",\"regex\",\"Patterns\"]",
                "$input.json('$[?((@.name =~ /R.*/))].name') => [\"Refactoring\",\"REST\"]",
                "$input.json('$[?(@.name =~ /\\w+/ && @.price < 10)].name') => [\"Refactoring\",\"regex\"]",
                "$input.json('$[?(@.name =~ /(.*a){12}/)].name') => []",
                "$input.json('$[?(/r.*/ =~ @.name)].name') => [\"regex\"]"
            })
    void handle_ordinaryPath_givesJaywaysResult(String call, String expected) {
        TestInvokeResult result = api(call, TemplateEngine.create()).testInvoke(post(BOOKS));

        assertThat(result).hasStatus(200);
        assertThat(result.log().contains("\"v\": " + expected + "}"))
                .as(result.log().toString())
                .isTrue();
    }
}
