package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template functions loaded from a jar answer {@code AWS_PROXY} methods through {@link Api#handle},
 * as their deployed copies answer behind API Gateway (reference 2.1, 2.2).
 */
class TemplateFunctionsScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @AfterEach
    void forgetShared() {
        System.getProperties().remove(FunctionSources.SHARED);
    }

    private static RestApi proxyApi(String path, String function) {
        return RestApi.builder()
                .id("a1b2c3d4e5")
                .name("orders")
                .resource(
                        path,
                        r ->
                                r.method(
                                        "ANY",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.AWS_PROXY)
                                                                        .httpMethod("POST")
                                                                        .uri(uri(function)))))
                .build();
    }

    private static String uri(String function) {
        return "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:eu-west-1:123456789012:function:"
                + function
                + "/invocations";
    }

    private static FunctionConfiguration function(
            String id, String runtime, String handler, Path code, int timeout) {
        return FunctionConfiguration.builder()
                .logicalId(id)
                .runtime(runtime)
                .handler(handler)
                .codeUri(code)
                .timeout(timeout)
                .memorySize(256)
                .build();
    }

    /** A jar holding the typed proxy handler, events and joda-time bundled in its lib/. */
    private Path proxyJar() throws IOException {
        Path classes = CompiledCode.compile(work, FunctionSources.proxyHandler());
        FunctionSources.bundleEvents(classes);
        return CompiledCode.pack(classes, work.resolve("target/orders.jar"), Map.of());
    }

    @Test
    void handle_awsProxyMethodBoundToFunctionFromJar_answersWithTheFunctionsResponse()
            throws IOException {
        List<FunctionConfiguration> template =
                List.of(
                        function("OrdersFunction", "java17", "fn.ProxyHandler", proxyJar(), 3),
                        function("Mailer", "python3.12", "app.handler", work, 3));
        try (TemplateFunctions functions = TemplateFunctions.loadAll(template)) {
            Api api =
                    Api.builder()
                            .restApi(proxyApi("/orders/{id}", "OrdersFunction"))
                            .deploy("prod")
                            .lambda("OrdersFunction", functions.functions().get("OrdersFunction"))
                            .build();

            Response response =
                    api.handle(
                            Request.builder().httpMethod("GET").target("/prod/orders/7").build());

            assertThat(functions.functions()).containsOnlyKeys("OrdersFunction");
            assertThat(functions.skipped())
                    .extracting(FunctionConfiguration::logicalId)
                    .containsExactly("Mailer");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString()).isEqualTo("GET /orders/7");
            assertThat(response.headers().first("X-Function")).contains("OrdersFunction");
            assertThat(response.headers().first("X-Memory")).contains("256");
        }
    }

    @Test
    void handle_functionPastItsTimeout_answers502AsApiGatewayDoes() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        System.getProperties().put(FunctionSources.SHARED, interrupted);
        Path classes = CompiledCode.compile(work, FunctionSources.waiting());
        Path jar = CompiledCode.pack(classes, work.resolve("target/slow.jar"), Map.of());
        try (TemplateFunction slow =
                TemplateFunctions.load(function("Slow", "java21", "fn.Waiting", jar, 1))) {
            Api api =
                    Api.builder()
                            .restApi(proxyApi("/slow", "Slow"))
                            .deploy("prod")
                            .lambda("Slow", slow)
                            .build();

            Response response =
                    api.handle(Request.builder().httpMethod("POST").target("/prod/slow").build());

            assertThat(response.statusCode()).isEqualTo(502);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("message").asText()).isEqualTo("Internal server error");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
