package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request conversions of reference 6.3 (first table, every row) for non-proxy integrations,
 * through {@link Api#handle}: the bytes a real HTTP backend receives, a Lambda function's payload,
 * and the validated 500s of a binary body through a template.
 */
class BinaryRequestScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Random bytes that are not valid UTF-8 (a lone continuation byte and a 0xFF). */
    static byte[] binary(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[2 + random.nextInt(4000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0x80;
        bytes[bytes.length - 1] = (byte) 0xFF;
        return bytes;
    }

    private Api api(
            String apiId,
            List<String> binaryMediaTypes,
            Consumer<Integration.Builder> integration) {
        RestApi restApi =
                RestApi.builder()
                        .id(apiId)
                        .name("uploads")
                        .binaryMediaTypes(binaryMediaTypes)
                        .resource(
                                "/files/{name}",
                                r ->
                                        r.method(
                                                "PUT",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i -> {
                                                                            i.type(
                                                                                            IntegrationType
                                                                                                    .HTTP)
                                                                                    .httpMethod(
                                                                                            "PUT")
                                                                                    .uri(
                                                                                            server
                                                                                                            .origin()
                                                                                                    + "/store")
                                                                                    .integrationResponse(
                                                                                            "200",
                                                                                            ir -> {});
                                                                            integration.accept(i);
                                                                        })))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("prod")
                .build();
    }

    private static Request put(String contentType, byte[] body) {
        return Request.builder()
                .httpMethod("PUT")
                .target("/prod/files/a.bin")
                .header("Content-Type", contentType)
                .body(body)
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response).hasStatus(200);
        return LocalHttpServer.echoed(response.body());
    }

    /** The body a row sends and the bytes the backend must receive. */
    enum Sent {
        TEXT,
        BASE64_TEXT,
        BINARY
    }

    /** What the backend must receive. */
    enum Received {
        AS_SENT,
        BASE64_DECODED,
        BASE64_ENCODED
    }

    static Stream<Arguments> rows() {
        List<String> notSet = List.of();
        List<String> set = List.of("image/png", "application/octet-stream");
        return Stream.of(
                Arguments.of(1, Sent.TEXT, "text/plain", notSet, null, Received.AS_SENT),
                Arguments.of(
                        2,
                        Sent.BASE64_TEXT,
                        "text/plain",
                        notSet,
                        ContentHandlingStrategy.CONVERT_TO_BINARY,
                        Received.BASE64_DECODED),
                Arguments.of(
                        3,
                        Sent.TEXT,
                        "application/json",
                        notSet,
                        ContentHandlingStrategy.CONVERT_TO_TEXT,
                        Received.AS_SENT),
                Arguments.of(4, Sent.TEXT, "application/json", set, null, Received.AS_SENT),
                Arguments.of(
                        5,
                        Sent.BASE64_TEXT,
                        "text/plain",
                        set,
                        ContentHandlingStrategy.CONVERT_TO_BINARY,
                        Received.BASE64_DECODED),
                Arguments.of(
                        6,
                        Sent.TEXT,
                        "text/plain",
                        set,
                        ContentHandlingStrategy.CONVERT_TO_TEXT,
                        Received.AS_SENT),
                Arguments.of(7, Sent.BINARY, "image/png", set, null, Received.AS_SENT),
                Arguments.of(
                        8,
                        Sent.BINARY,
                        "application/octet-stream",
                        set,
                        ContentHandlingStrategy.CONVERT_TO_BINARY,
                        Received.AS_SENT),
                Arguments.of(
                        9,
                        Sent.BINARY,
                        "image/png",
                        set,
                        ContentHandlingStrategy.CONVERT_TO_TEXT,
                        Received.BASE64_ENCODED));
    }

    @ParameterizedTest(name = "row {0}: {1} {2}, binaryMediaTypes {3}, {4} -> {5}")
    @MethodSource("rows")
    void handle_requestConversionRow_sendsTheRightBytes(
            int row,
            Sent sent,
            String contentType,
            List<String> binaryMediaTypes,
            ContentHandlingStrategy handling,
            Received received) {
        byte[] bytes = binary(row * 7919L);
        byte[] body =
                sent == Sent.BINARY
                        ? bytes
                        : sent == Sent.BASE64_TEXT
                                ? Base64.getEncoder().encode(bytes)
                                : ("{\"row\": " + row + ", \"note\": \"héllo ✓ ß\"}")
                                        .getBytes(StandardCharsets.UTF_8);
        Api api =
                api(
                        "row" + row,
                        binaryMediaTypes,
                        i -> {
                            if (handling != null) {
                                i.contentHandling(handling);
                            }
                        });

        JsonNode echo = echo(api.handle(put(contentType, body)));

        byte[] expected =
                received == Received.AS_SENT
                        ? body
                        : received == Received.BASE64_DECODED
                                ? bytes
                                : Base64.getEncoder().encode(bytes);
        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(expected);
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Type")).isEqualTo(contentType);
    }

    @Test
    void handle_wildcardBinaryMediaType_passesBinaryThrough() {
        byte[] bytes = binary(424_242);
        Api api =
                api(
                        "wild",
                        List.of("image/*"),
                        i -> i.contentHandling(ContentHandlingStrategy.CONVERT_TO_TEXT));

        JsonNode echo = echo(api.handle(put("image/webp", bytes)));

        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(Base64.getEncoder().encode(bytes));
    }

    @Test
    void handle_binaryToTextWithTemplate_templateSeesBase64() {
        byte[] bytes = binary(99);
        Api api =
                api(
                        "tmpl",
                        List.of("image/png"),
                        i ->
                                i.contentHandling(ContentHandlingStrategy.CONVERT_TO_TEXT)
                                        .putRequestTemplate(
                                                "image/png",
                                                "{\"name\": \"$input.params('name')\", \"data\": \"$input.body\"}"));

        JsonNode echo = echo(api.handle(put("image/png", bytes)));

        assertThat(new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"name\": \"a.bin\", \"data\": \""
                                + Base64.getEncoder().encodeToString(bytes)
                                + "\"}");
    }

    @Test
    void handle_toBinaryWithJsonTemplate_returns500AndSendsNothing() {
        byte[] bytes = binary(5);
        List<String> received = new ArrayList<>();
        server.handle(
                "/store",
                exchange -> {
                    received.add(exchange.getRequestMethod());
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        Api api =
                api(
                        "v500",
                        List.of(),
                        i ->
                                i.contentHandling(ContentHandlingStrategy.CONVERT_TO_BINARY)
                                        .putRequestTemplate(
                                                "application/json", "{\"body\": \"$input.body\"}"));

        Response response = api.handle(put("application/json", Base64.getEncoder().encode(bytes)));

        assertThat(response).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(response).hasBody("{\"message\": \"Internal server error\"}");
        assertThat(received).isEmpty();
    }

    @Test
    void handle_toBinarySameBodyWithoutTemplate_isDecodedAndStored() {
        byte[] bytes = binary(5);
        Api api =
                api(
                        "v200",
                        List.of(),
                        i ->
                                i.contentHandling(ContentHandlingStrategy.CONVERT_TO_BINARY)
                                        .putRequestTemplate(
                                                "application/json", "{\"body\": \"$input.body\"}"));

        JsonNode echo = echo(api.handle(put("image/png", Base64.getEncoder().encode(bytes))));

        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(bytes);
    }

    @Test
    void handle_toBinaryNotBase64_returns500() {
        Api api =
                api(
                        "nob64",
                        List.of("image/png"),
                        i -> i.contentHandling(ContentHandlingStrategy.CONVERT_TO_BINARY));

        Response response =
                api.handle(put("text/plain", "èé+à)(".getBytes(StandardCharsets.UTF_8)));

        assertThat(response).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    @Test
    void handle_binaryWithTemplateUnset_returns500() {
        Api api =
                api(
                        "binvtl",
                        List.of("image/png"),
                        i -> i.putRequestTemplate("image/png", "{\"data\": \"$input.body\"}"));

        Response response = api.handle(put("image/png", binary(8)));

        assertThat(response).hasStatus(500);
    }

    @Test
    void handle_binaryPassthroughNever_returns415() {
        Api api =
                api(
                        "never",
                        List.of("image/png"),
                        i -> i.passthroughBehavior(PassthroughBehavior.NEVER));

        Response response = api.handle(put("image/png", binary(13)));

        assertThat(response).hasStatus(415);
        assertThat(response).hasBody("{\"message\":\"Unsupported Media Type\"}");
    }

    @Test
    void handle_binaryUnmappedWhenNoTemplates_returns415() {
        Api api =
                api(
                        "nomatch",
                        List.of("image/png"),
                        i ->
                                i.passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES)
                                        .putRequestTemplate("application/json", "{}"));

        Response response = api.handle(put("image/png", binary(21)));

        assertThat(response).hasStatus(415);
    }

    @Test
    void handle_mockToBinaryNotBase64_returns500() {
        RestApi restApi =
                RestApi.builder()
                        .id("mockb64")
                        .name("m")
                        .resource(
                                "/m",
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
                                                                                        .contentHandling(
                                                                                                ContentHandlingStrategy
                                                                                                        .CONVERT_TO_BINARY)
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("s")
                        .build();

        Response bad =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/s/m")
                                .header("Content-Type", "text/plain")
                                .body("not base64!")
                                .build());
        Response good =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/s/m")
                                .header("Content-Type", "text/plain")
                                .body("bm90IGJhc2U2NCE=")
                                .build());

        assertThat(bad).hasStatus(500);
        assertThat(good).hasStatus(200);
    }

    @Test
    void handle_lambdaBinaryToText_functionGetsBase64InTemplate() {
        byte[] bytes = binary(77);
        List<String> payloads = new ArrayList<>();
        RestApi restApi =
                RestApi.builder()
                        .id("lmb")
                        .name("l")
                        .binaryMediaTypes(List.of("application/octet-stream"))
                        .resource(
                                "/up",
                                r ->
                                        r.method(
                                                "POST",
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
                                                                                                LambdaProxyScenarioTest
                                                                                                        .uri(
                                                                                                                "uploader"))
                                                                                        .contentHandling(
                                                                                                ContentHandlingStrategy
                                                                                                        .CONVERT_TO_TEXT)
                                                                                        .putRequestTemplate(
                                                                                                "application/octet-stream",
                                                                                                "{\"file\": \"$input.body\"}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("dev")
                        .lambda(
                                "uploader",
                                (LambdaInvocation invocation) -> {
                                    payloads.add(
                                            new String(
                                                    invocation.payload(), StandardCharsets.UTF_8));
                                    return LambdaResult.of(
                                            "{\"stored\": true}".getBytes(StandardCharsets.UTF_8));
                                })
                        .build();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/up")
                                .header("Content-Type", "application/octet-stream")
                                .body(bytes)
                                .build());

        assertThat(response).hasStatus(200);
        assertThat(payloads)
                .containsExactly(
                        "{\"file\": \"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
    }
}
