package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link MethodResponseStep} decides: a method response always has a Content-Type, {@code
 * application/json} when none was set (reference 5.2 and 6.3), and AWS_PROXY, AWS and HTTP
 * responses get {@code X-Amzn-Trace-Id}, MOCK and HTTP_PROXY ones do not (reference 10.6).
 */
class MethodResponseStepTest {
    private final MethodResponseStep step = new MethodResponseStep();

    private static Exchange routed(IntegrationType type) {
        return TestExchanges.builder()
                .method(
                        "/pets",
                        "GET",
                        m ->
                                m.integration(
                                        i -> {
                                            i.type(type).httpMethod("POST");
                                            if (type == IntegrationType.AWS
                                                    || type == IntegrationType.AWS_PROXY) {
                                                i.uri(
                                                        "arn:aws:apigateway:ap-south-1:lambda:path"
                                                                + "/2015-03-31/functions/arn:aws:lambda"
                                                                + ":ap-south-1:111122223333:function"
                                                                + ":pets/invocations");
                                            } else if (type != IntegrationType.MOCK) {
                                                i.uri("http://backend.example/pets");
                                            }
                                        }))
                .routed(Request.get("/test/pets"));
    }

    private static Response apply(IntegrationType type, Response endpoint) {
        return new MethodResponseStep().apply(routed(type), RecordingChain.answering(endpoint));
    }

    private static Response untyped() {
        return Response.builder().statusCode(200).body("{}").build();
    }

    private static Response typed() {
        return Response.builder()
                .statusCode(200)
                .setHeader("Content-Type", "text/plain")
                .body("hi")
                .build();
    }

    @ParameterizedTest
    @EnumSource(
            value = IntegrationType.class,
            names = {"MOCK", "HTTP_PROXY"})
    void apply_untracedTypeWithoutContentType_addsJsonContentTypeOnly(IntegrationType type) {
        Response response = apply(type, untyped());

        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.headers().contains("X-Amzn-Trace-Id")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = IntegrationType.class,
            names = {"MOCK", "HTTP_PROXY"})
    void apply_untracedTypeWithContentType_returnsResponseUnchanged(IntegrationType type) {
        Response endpoint = typed();

        assertThat(apply(type, endpoint)).isSameAs(endpoint);
    }

    @ParameterizedTest
    @EnumSource(
            value = IntegrationType.class,
            names = {"AWS_PROXY", "AWS", "HTTP"})
    void apply_tracedTypeWithoutContentType_addsJsonContentTypeAndTraceId(IntegrationType type) {
        Response response = apply(type, untyped());

        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.headers().first("X-Amzn-Trace-Id"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Root=1-"));
    }

    @Test
    void apply_tracedTypeWithContentType_keepsItAndAddsTraceId() {
        Response response =
                step.apply(routed(IntegrationType.HTTP), RecordingChain.answering(typed()));

        assertThat(response.headers().values("Content-Type")).containsExactly("text/plain");
        assertThat(response.headers().contains("X-Amzn-Trace-Id")).isTrue();
        assertThat(response.bodyAsString()).isEqualTo("hi");
    }
}
