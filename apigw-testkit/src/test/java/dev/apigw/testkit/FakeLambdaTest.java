package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Recording and scripting of {@link FakeLambda}, directly and behind a Lambda proxy. */
class FakeLambdaTest {
    private static Api api(FakeLambda fake) {
        return Api.builder()
                .restApi(
                        RestApi.builder()
                                .name("fake")
                                .resource(
                                        "/{proxy+}",
                                        r ->
                                                r.method(
                                                        "ANY",
                                                        m ->
                                                                m.integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS_PROXY)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                                                                                                        + "functions/arn:aws:lambda:us-east-1:123456789012:"
                                                                                                        + "function:fn:live/invocations"))))
                                .build())
                .deploy("test")
                .lambda("fn:live", fake)
                .build();
    }

    private static LambdaInvocation invocation(String payload) {
        return new LambdaInvocation(
                "arn:aws:lambda:us-east-1:123456789012:function:fn",
                "fn",
                "",
                "RequestResponse",
                "req-1",
                Duration.ofSeconds(29),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(LambdaResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void invoke_nothingScripted_returnsEmptyObject() {
        FakeLambda fake = FakeLambda.create("fn");

        Response response = api(fake).handle(Request.of("GET", "/test/a"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEmpty();
        assertThat(payload(fake.invoke(invocation("{}")))).isEqualTo("{}");
    }

    @Test
    void invoke_scripted_answersInOrderThenRepeatsTheLast() {
        FakeLambda fake = FakeLambda.create("fn").returns("1").returns("2").returns("3");

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(payload(fake.invoke(invocation("{}"))));
        }

        assertThat(answers).containsExactly("1", "2", "3", "3", "3");
    }

    @Test
    void invoke_throughProxy_recordsEventNameQualifierAndType() {
        FakeLambda fake =
                FakeLambda.create("fn")
                        .returnsProxyResponse(201, Map.of("Location", "/pets/9"), "{\"id\": 9}");

        Response response =
                api(fake)
                        .handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/test/pets?x=1")
                                        .body("{\"name\": \"Rex\"}")
                                        .build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().first("Location")).contains("/pets/9");
        assertThat(response.bodyAsString()).isEqualTo("{\"id\": 9}");
        FakeLambda.Invocation call = fake.lastInvocation();
        assertThat(call.functionName()).isEqualTo("fn");
        assertThat(call.qualifier()).isEqualTo("live");
        assertThat(call.functionArn()).endsWith("function:fn:live");
        assertThat(call.invocationType()).isEqualTo("RequestResponse");
        assertThat(call.timeout()).isEqualTo(Duration.ofMillis(29_000));
        assertThat(call.json().path("httpMethod").asText()).isEqualTo("POST");
        assertThat(call.payload()).contains("\"path\":\"/pets\"");
        assertThat(fake.lastEvent().body()).contains("{\"name\": \"Rex\"}");
        assertThat(fake.invocationCount()).isEqualTo(1);
    }

    @Test
    void throwsError_proxy_answers502AndIsAFunctionError() {
        FakeLambda fake = FakeLambda.create("fn").throwsError("boom", "IllegalStateException");

        LambdaResult direct = fake.invoke(invocation("{}"));
        Response response = api(fake).handle(Request.of("GET", "/test/a"));

        assertThat(direct.functionError()).contains("Unhandled");
        assertThat(payload(direct))
                .isEqualTo(
                        "{\"errorMessage\":\"boom\","
                                + "\"errorType\":\"IllegalStateException\",\"stackTrace\":[]}");
        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void fails_invokeThrows_gatewayAnswers502() {
        IllegalStateException failure = new IllegalStateException("Rate exceeded");
        FakeLambda fake = FakeLambda.create("fn").fails(failure);

        assertThatThrownBy(() -> fake.invoke(invocation("{}"))).isSameAs(failure);
        assertThat(api(fake).handle(Request.of("GET", "/test/a")).statusCode()).isEqualTo(502);
        assertThat(fake.invocationCount()).isEqualTo(2);
    }

    @Test
    void answers_computedFromTheInvocation_seesThePayload() {
        FakeLambda fake =
                FakeLambda.create("fn")
                        .answers(
                                call ->
                                        LambdaResult.of(
                                                ("{\"body\": \"" + call.event().path() + "\"}")
                                                        .getBytes(StandardCharsets.UTF_8)));

        Response response = api(fake).handle(Request.of("GET", "/test/echo/me"));

        assertThat(response.bodyAsString()).isEqualTo("/echo/me");
    }

    @Test
    void lastInvocation_none_failsWithExpectingMessage() {
        FakeLambda fake = FakeLambda.create("fn");

        assertThatThrownBy(fake::lastEvent)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting FakeLambda fn to have been invoked");
        assertThat(fake.invocations()).isEmpty();
    }

    @Test
    void invocationJson_payloadNotJson_failsNamingIt() {
        FakeLambda fake = FakeLambda.create("fn");
        fake.invoke(invocation("plain text"));

        assertThatThrownBy(() -> fake.lastInvocation().json())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not JSON: plain text");
    }

    @Test
    void close_laterInvoke_failsAndIsNotRecorded() {
        FakeLambda fake = FakeLambda.create("fn");
        fake.close();

        assertThatThrownBy(() -> fake.invoke(invocation("{}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FakeLambda fn was called after its test ended");
        assertThat(fake.invocations()).isEmpty();
    }

    @Test
    void invoke_concurrent_recordsEveryCallAndGivesEachScriptedAnswerOnce() throws Exception {
        int calls = 400;
        FakeLambda fake = FakeLambda.create("fn");
        IntStream.range(0, calls).forEach(i -> fake.returnsProxyResponse(200, "answer-" + i));
        Api api = api(fake);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                String path = "/test/item/" + i;
                futures.add(pool.submit(() -> api.handle(Request.of("GET", path))));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Response> f : futures) {
                bodies.add(f.get(30, TimeUnit.SECONDS).bodyAsString());
            }

            assertThat(bodies)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, calls).mapToObj(i -> "answer-" + i).toList());
            assertThat(fake.invocations())
                    .extracting(c -> c.event().path())
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, calls).mapToObj(i -> "/item/" + i).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
