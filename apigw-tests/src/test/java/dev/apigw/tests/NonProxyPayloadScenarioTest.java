package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.LambdaProxyScenarioTest.uri;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The payload a non-proxy integration receives without a request template (reference 6.2 and 6.3,
 * the facts marked "added"): a Lambda function called without a body gets {@code {}}, a JSON body
 * goes unchanged, and a text body (content handling unset, Content-Type not binary) has every
 * invalid UTF-8 sequence replaced by U+FFFD while a binary one arrives as sent; through {@link
 * Api#handle}, the function recording its payload.
 */
class NonProxyPayloadScenarioTest {
    private final AtomicReference<byte[]> received = new AtomicReference<>();

    private Api api(String... binaryMediaTypes) {
        RestApi.Builder restApi =
                RestApi.builder()
                        .name("payloads")
                        .resource(
                                "/orders",
                                r ->
                                        r.method(
                                                "ANY",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                uri(
                                                                                                        "orders"))
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))));
        for (String type : binaryMediaTypes) {
            restApi.addBinaryMediaType(type);
        }
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi.build())
                .deploy("dev")
                .lambda(
                        "orders",
                        invocation -> {
                            received.set(invocation.payload().clone());
                            return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
                        })
                .build();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void handle_getWithoutBodyOrTemplate_invokesTheFunctionWithAnEmptyObject() {
        Response response = api().handle(Request.of("GET", "/dev/orders"));

        assertThat(response).hasStatus(200);
        assertThat(new String(received.get(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void handle_jsonBodyWithoutTemplate_isPassedUnchanged() {
        String body = "{ \"order\" : [1, 2],\n  \"note\": \"caf\u00e9\" }";

        api().handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/orders")
                                .header("Content-Type", "application/json")
                                .body(body)
                                .build());

        assertThat(new String(received.get(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void handle_invalidUtf8UnderATextType_replacesEachInvalidSequenceWithFffd() {
        byte[] sent = bytes(0x1f, 0x8b, 0x08, 'a', 0xff, 0xfe, 'b', 0xe2, 0x82, 'c', 0xc3);

        api("image/png")
                .handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/orders")
                                .header("Content-Type", "application/octet-stream")
                                .body(sent)
                                .build());

        assertThat(received.get())
                .isEqualTo(
                        bytes(
                                0x1f, 0xef, 0xbf, 0xbd, 0x08, 'a', 0xef, 0xbf, 0xbd, 0xef, 0xbf,
                                0xbd, 'b', 0xef, 0xbf, 0xbd, 'c', 0xef, 0xbf, 0xbd));
    }

    @Test
    void handle_invalidUtf8UnderABinaryType_arrivesUnchanged() {
        byte[] sent = bytes(0x1f, 0x8b, 0x08, 'a', 0xff, 0xfe, 'b', 0xe2, 0x82, 'c', 0xc3);

        api("image/png")
                .handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/orders")
                                .header("Content-Type", "image/png")
                                .body(sent)
                                .build());

        assertThat(received.get()).isEqualTo(sent);
    }
}
