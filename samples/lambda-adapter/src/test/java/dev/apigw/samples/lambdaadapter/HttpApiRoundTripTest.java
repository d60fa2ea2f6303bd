package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;

/**
 * Round trip (issue 14): a payload format 2.0 event made by our own HTTP API (reference 2.4) goes
 * through {@link HttpApiEventHandler} into the embedded REST API, and the handler's 2.0 response
 * comes back through the HTTP API (reference 2.5) to the client.
 */
class HttpApiRoundTripTest {
    private static final Api FRONT = front();

    private static Api front() {
        HttpApi api =
                HttpApi.builder("front")
                        .integration(
                                HttpIntegration.builder("adapter")
                                        .lambdaProxy(
                                                "arn:aws:lambda:us-east-1:123456789012:function:adapter")
                                        .payloadFormatVersion("2.0")
                                        .build())
                        .route("$default", "adapter")
                        .stage("$default", s -> {})
                        .stage("beta", s -> {})
                        .build();
        return Api.builder()
                .httpApi(api)
                .lambda(
                        "adapter",
                        LambdaHandlers.requestHandler(
                                new HttpApiEventHandler(TestApis.api("live"))))
                .build();
    }

    @Test
    void handle_defaultStage_reachesTheEmbeddedApiAndComesBack() {
        Response response =
                FRONT.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/status")
                                .sourceIp("203.0.113.7")
                                .build());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(418);
        assertThat(response.headers().first("x-teapot")).contains("short and stout");
        assertThat(response.bodyAsString())
                .isEqualTo(
                        "{\"stage\": \"live\", \"path\": \"/live/status\", \"ip\": \"203.0.113.7\"}");
    }

    @Test
    void handle_namedStageWithQueryCookiesAndBody_roundTripsThroughTheAdapter() {
        Response response =
                FRONT.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/beta/echo/x?q=1&q=2")
                                .header("Content-Type", "text/plain")
                                .header("Cookie", "a=1; b=2")
                                .body("hello")
                                .build());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.bodyAsString())
                .contains("method=POST\n")
                .contains("path=/echo/x\n")
                .contains("stage=live\n")
                .contains("query={q=[1, 2]}\n")
                .containsIgnoringCase("header cookie=[a=1; b=2]\n")
                .endsWith("body=hello");
        assertThat(response.headers().values("set-cookie"))
                .containsExactlyElementsOf(EchoFunction.COOKIES);
        assertThat(response.headers().first("x-multi")).contains("zeta,alpha,mu");
        assertThat(response.headers().first("content-type")).contains("text/plain; charset=utf-8");
    }

    @Test
    void handle_binaryBody_staysBinaryBothWays() {
        Response response =
                FRONT.handle(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/echo/logo.png")
                                .header("Content-Type", "image/png")
                                .header("Accept", "image/png")
                                .body(TestApis.PNG)
                                .build());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.headers().first("content-type")).contains("image/png");
        assertThat(response.body()).isEqualTo(TestApis.PNG);
    }
}
