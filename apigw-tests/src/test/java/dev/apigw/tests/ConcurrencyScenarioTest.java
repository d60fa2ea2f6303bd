package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiKey;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One {@link Api} used from several threads at once answers as it does sequentially: an {@code Api}
 * is immutable and thread-safe (ARCHITECTURE.md, "The objects and their life").
 */
class ConcurrencyScenarioTest {
    private static final int THREADS = 4;
    private static final int REQUESTS = 300;
    private static final ApiKey KEY = ApiKey.of("Concurrent0123456789key");

    private static Api api() {
        RestApi restApi =
                RestApi.builder()
                        .name("concurrency")
                        .resource(
                                "/items/{id}",
                                r ->
                                        r.method(
                                                        "GET",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .methodResponse(
                                                                                "404", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": #if($input.params('id') == '0')"
                                                                                                                + "404#{else}200#end}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir.putResponseParameter(
                                                                                                                                "method.response.header.X-Id",
                                                                                                                                "'static'")
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                "{\"id\":\"$input.params('id')\","
                                                                                                                                        + "\"q\":\"$input.params('q')\","
                                                                                                                                        + "\"stage\":\"$stageVariables.s\"}"))
                                                                                                .integrationResponse(
                                                                                                        "404",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .selectionPattern(
                                                                                                                                "404"))))
                                                .method(
                                                        "POST",
                                                        m ->
                                                                m.apiKeyRequired(true)
                                                                        .methodResponse(
                                                                                "200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                "$context.identity.apiKeyId"))))
                                                .method(
                                                        "PUT",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .passthroughBehavior(
                                                                                                        PassthroughBehavior
                                                                                                                .NEVER)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir -> {}))))
                        .gatewayResponse(
                                GatewayResponseType.DEFAULT_4XX,
                                g ->
                                        g.putResponseTemplate(
                                                "application/json",
                                                "{\"type\":\"$context.error.responseType\","
                                                        + "\"stage\":\"$stageVariables.s\"}"))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("one", s -> s.putVariable("s", "first"))
                .deploy("two", s -> s.putVariable("s", "second"))
                .apiKey(KEY)
                .usagePlan(
                        UsagePlan.builder()
                                .name("p")
                                .addApiStage(restApi.id(), "one")
                                .addApiKey(KEY)
                                .build())
                .build();
    }

    private static Request request(Random random) {
        String stage = random.nextBoolean() ? "one" : random.nextInt(5) == 0 ? "three" : "two";
        String id = Integer.toString(random.nextInt(4));
        Request.Builder b =
                Request.builder()
                        .target("/" + stage + "/items/" + id + "?q=" + random.nextInt(100));
        switch (random.nextInt(4)) {
            case 0:
                return b.httpMethod("POST")
                        .header("x-api-key", KEY.value())
                        .header("Content-Type", "application/json")
                        .body("{\"name\":\"n" + random.nextInt(50) + "\"}")
                        .build();
            case 1:
                return b.httpMethod("PUT").header("Content-Type", "text/plain").body("x").build();
            case 2:
                return b.httpMethod("DELETE").build();
            default:
                return b.httpMethod("GET").build();
        }
    }

    /** What must not depend on the thread: status, body and headers other than the ids. */
    private static String outcome(Response response) {
        Headers.Builder headers =
                response.headers().toBuilder().remove("x-amzn-RequestId").remove("x-amz-apigw-id");
        return response.statusCode() + " " + headers.build() + " " + response.bodyAsString();
    }

    static Stream<Arguments> seeds() {
        return LongStream.of(11, 2024, 987_654_321).mapToObj(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void handle_fromSeveralThreads_answersAsSequentialCalls(long seed) throws Exception {
        Api api = api();
        Random random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request request = request(random);
            requests.add(request);
            expected.add(outcome(api.handle(request)));
        }

        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        List<String> actual = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (Request request : requests) {
                futures.add(
                        executor.submit(
                                () -> {
                                    start.await();
                                    return outcome(api.handle(request));
                                }));
            }
            start.countDown();
            for (Future<String> future : futures) {
                actual.add(future.get());
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(actual).as("seed %d", seed).containsExactlyElementsOf(expected);
        assertThat(expected)
                .as("seed %d: the requests cover several outcomes", seed)
                .anyMatch(o -> o.startsWith("200 "))
                .anyMatch(o -> o.startsWith("403 "))
                .anyMatch(o -> o.startsWith("404 "))
                .anyMatch(o -> o.startsWith("415 "));
    }
}
