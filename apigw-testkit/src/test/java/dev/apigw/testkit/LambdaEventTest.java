package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import org.junit.jupiter.api.Test;

/** The helpers of {@link LambdaEvent}, on events a real {@code Api} sent. */
class LambdaEventTest {
    private static LambdaEvent send(Request request) {
        FakeLambda fake = FakeLambda.create("fn");
        Api.builder()
                .restApi(
                        RestApi.builder()
                                .name("events")
                                .resource(
                                        "/pets/{id}",
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
                                                                                                        + "function:fn/invocations"))))
                                .build())
                .deploy("test", s -> s.putVariable("color", "red"))
                .lambda("fn", fake)
                .build()
                .handle(request);
        return fake.lastEvent();
    }

    @Test
    void helpers_fullRequest_readTheEventFields() {
        LambdaEvent event =
                send(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/test/pets/7?a=1&a=2")
                                .headers(Headers.of("X-Multi", "one", "x-multi", "two"))
                                .body("hi")
                                .build());

        assertThat(event.httpMethod()).isEqualTo("PUT");
        assertThat(event.path()).isEqualTo("/pets/7");
        assertThat(event.resource()).isEqualTo("/pets/{id}");
        assertThat(event.header("X-MULTI")).contains("two");
        assertThat(event.headerValues("x-Multi")).containsExactly("one", "two");
        assertThat(event.queryParameter("a")).contains("2");
        assertThat(event.pathParameter("id")).contains("7");
        assertThat(event.stageVariable("color")).contains("red");
        assertThat(event.body()).contains("hi");
        assertThat(event.isBase64Encoded()).isFalse();
        assertThat(event.requestContext().path("stage").asText()).isEqualTo("test");
        assertThat(event.json().path("httpMethod").asText()).isEqualTo("PUT");
        assertThat(event.toString()).startsWith("{").contains("\"resource\":\"/pets/{id}\"");
    }

    @Test
    void helpers_absentValues_areEmpty() {
        LambdaEvent event = send(Request.of("GET", "/test/pets/7"));

        assertThat(event.header("X-None")).isEmpty();
        assertThat(event.headerValues("X-None")).isEmpty();
        assertThat(event.queryParameter("a")).isEmpty();
        assertThat(event.pathParameter("other")).isEmpty();
        assertThat(event.stageVariable("size")).isEmpty();
        assertThat(event.body()).isEmpty();
    }
}
