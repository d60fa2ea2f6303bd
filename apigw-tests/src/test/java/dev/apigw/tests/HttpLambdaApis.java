package dev.apigw.tests;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** HTTP APIs whose routes call one Lambda function, {@code fn}, through a Lambda proxy. */
final class HttpLambdaApis {
    /** When every request of these APIs arrives. */
    static final Instant NOW = Instant.parse("2020-03-12T19:03:58.390Z");

    private HttpLambdaApis() {}

    /** Returns the ARN of the function {@code fn}. */
    static String functionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:fn";
    }

    /**
     * Returns an API with routes {@code GET /pets/{id}}, {@code ANY /files/{proxy+}} and {@code
     * $default} on the stages {@code $default} and {@code prod} (stage variable {@code color}),
     * calling {@code fn} with payload format {@code version}.
     */
    static Api api(String version, LambdaFunction fn) {
        return api(version, fn, i -> {});
    }

    /**
     * Returns {@link #api(String, LambdaFunction)} with the integration changed by {@code spec}.
     */
    static Api api(String version, LambdaFunction fn, Consumer<HttpIntegration.Builder> spec) {
        HttpIntegration.Builder integration =
                HttpIntegration.builder("fn")
                        .lambdaProxy(functionArn())
                        .payloadFormatVersion(version);
        spec.accept(integration);
        HttpApi api =
                HttpApi.builder("pets")
                        .id("a1b2c3d4e5")
                        .integration(integration.build())
                        .route("GET /pets/{id}", "fn")
                        .route("ANY /files/{proxy+}", "fn")
                        .route("$default", "fn")
                        .stage("$default", s -> {})
                        .stage("prod", s -> s.stageVariable("color", "blue"))
                        .build();
        return Api.builder()
                .httpApi(api)
                .gateway(
                        Gateway.builder()
                                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                                .region("us-east-1")
                                .accountId("123456789012")
                                .build())
                .lambda("fn", fn)
                .build();
    }
}
