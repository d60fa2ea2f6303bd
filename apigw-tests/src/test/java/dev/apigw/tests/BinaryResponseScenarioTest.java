package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response conversions of reference 6.3 (second table, all 15 rows) for non-proxy integrations,
 * through {@link Api#handle} with a real HTTP backend answering text or binary bytes with their
 * Content-Type; plus the validated 500 of a binary result through a template.
 */
class BinaryResponseScenarioTest {
    private static final List<String> NOT_SET = List.of();
    private static final List<String> SET = List.of("image/png", "application/pdf");

    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Random bytes that are not valid UTF-8. */
    static byte[] binary(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[2 + random.nextInt(5000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xC3;
        bytes[1] = (byte) 0x28;
        return bytes;
    }

    private Api api(
            String apiId,
            List<String> binaryMediaTypes,
            Consumer<IntegrationResponse.Builder> integrationResponse) {
        RestApi restApi =
                RestApi.builder()
                        .id(apiId)
                        .name("images")
                        .binaryMediaTypes(binaryMediaTypes)
                        .resource(
                                "/images/{id}",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse(
                                                                        "200",
                                                                        mr ->
                                                                                mr
                                                                                        .putResponseParameter(
                                                                                                "method.response.header.Content-Type",
                                                                                                false))
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .HTTP)
                                                                                        .httpMethod(
                                                                                                "GET")
                                                                                        .uri(
                                                                                                server
                                                                                                                .origin()
                                                                                                        + "/blob")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                integrationResponse))))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("live")
                .build();
    }

    private void backend(String contentType, byte[] body) {
        server.respond("/blob", 200, Map.of("Content-Type", List.of(contentType)), body);
    }

    private static Request get(String accept) {
        Request.Builder request = Request.builder().httpMethod("GET").target("/live/images/9");
        return accept == null ? request.build() : request.header("Accept", accept).build();
    }

    /** What the backend answers. */
    enum Payload {
        TEXT,
        BINARY
    }

    /** What the client must get. */
    enum Result {
        AS_SENT,
        BASE64_DECODED,
        BASE64_ENCODED
    }

    static Stream<Arguments> rows() {
        ContentHandlingStrategy toBinary = ContentHandlingStrategy.CONVERT_TO_BINARY;
        ContentHandlingStrategy toText = ContentHandlingStrategy.CONVERT_TO_TEXT;
        return Stream.of(
                // binaryMediaTypes not set: nothing is binary; rows 1 and 3 send raw bytes.
                Arguments.of(1, Payload.BINARY, "application/json", NOT_SET, null, Result.AS_SENT),
                Arguments.of(2, Payload.TEXT, null, NOT_SET, toBinary, Result.BASE64_DECODED),
                Arguments.of(3, Payload.BINARY, "text/html", NOT_SET, toText, Result.AS_SENT),
                Arguments.of(4, Payload.TEXT, "application/json", SET, null, Result.AS_SENT),
                Arguments.of(5, Payload.TEXT, "text/plain", SET, toBinary, Result.BASE64_DECODED),
                Arguments.of(6, Payload.TEXT, null, SET, toText, Result.AS_SENT),
                Arguments.of(7, Payload.TEXT, "image/png", SET, null, Result.BASE64_DECODED),
                Arguments.of(
                        8,
                        Payload.TEXT,
                        "image/png, application/json",
                        SET,
                        toBinary,
                        Result.BASE64_DECODED),
                Arguments.of(9, Payload.TEXT, "application/pdf", SET, toText, Result.AS_SENT),
                Arguments.of(
                        10,
                        Payload.BINARY,
                        "application/json, image/png",
                        SET,
                        null,
                        Result.BASE64_ENCODED),
                Arguments.of(11, Payload.BINARY, null, SET, toBinary, Result.AS_SENT),
                Arguments.of(12, Payload.BINARY, "text/plain", SET, toText, Result.BASE64_ENCODED),
                Arguments.of(13, Payload.BINARY, "image/png", SET, null, Result.AS_SENT),
                Arguments.of(
                        14, Payload.BINARY, "application/pdf;q=0.9", SET, toBinary, Result.AS_SENT),
                Arguments.of(15, Payload.BINARY, "image/png", SET, toText, Result.BASE64_ENCODED));
    }

    @ParameterizedTest(name = "row {0}: {1} payload, Accept {2}, binaryMediaTypes {3}, {4} -> {5}")
    @MethodSource("rows")
    void handle_responseConversionRow_returnsTheRightBytes(
            int row,
            Payload payload,
            String accept,
            List<String> binaryMediaTypes,
            ContentHandlingStrategy handling,
            Result result) {
        byte[] bytes = binary(row * 104_729L);
        byte[] base64 = Base64.getEncoder().encode(bytes);
        if (payload == Payload.TEXT) {
            backend("text/plain; charset=utf-8", base64);
        } else {
            backend(row <= 3 ? "image/png" : SET.get(row % 2), bytes);
        }
        Api api =
                api(
                        "rsp" + row,
                        binaryMediaTypes,
                        ir -> {
                            if (handling != null) {
                                ir.contentHandling(handling);
                            }
                        });

        Response response = api.handle(get(accept));

        assertThat(response).hasStatus(200);
        byte[] sent = payload == Payload.TEXT ? base64 : bytes;
        byte[] expected =
                result == Result.AS_SENT ? sent : result == Result.BASE64_DECODED ? bytes : base64;
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.headers().values("Content-Type")).containsExactly("application/json");
    }

    @Test
    void handle_mappedContentType_sendsTheBackendsType() {
        byte[] bytes = binary(1);
        backend("image/png", bytes);
        Api api =
                api(
                        "ctmap",
                        SET,
                        ir ->
                                ir.putResponseParameter(
                                        "method.response.header.Content-Type",
                                        "integration.response.header.Content-Type"));

        Response response = api.handle(get("image/png"));

        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers().values("Content-Type")).containsExactly("image/png");
    }

    @Test
    void handle_toBinaryWithTemplate_returns500() {
        backend("text/plain", Base64.getEncoder().encode(binary(2)));
        Api api =
                api(
                        "tb500",
                        SET,
                        ir ->
                                ir.contentHandling(ContentHandlingStrategy.CONVERT_TO_BINARY)
                                        .putResponseTemplate(
                                                "application/json", "{\"data\": \"$input.body\"}"));

        Response response = api.handle(get("application/json"));

        assertThat(response).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(response).hasBody("{\"message\": \"Internal server error\"}");
    }

    @Test
    void handle_binaryAcceptedWithTemplateUnset_returns500() {
        backend("image/png", binary(3));
        Api api = api("bt500", SET, ir -> ir.putResponseTemplate("image/png", "$input.body"));

        Response response = api.handle(get("image/png"));

        assertThat(response).hasStatus(500);
    }

    @Test
    void handle_binaryToTextWithTemplate_templateSeesBase64() {
        byte[] bytes = binary(4);
        backend("application/pdf", bytes);
        Api api =
                api(
                        "b2t",
                        SET,
                        ir ->
                                ir.contentHandling(ContentHandlingStrategy.CONVERT_TO_TEXT)
                                        .putResponseTemplate(
                                                "application/json",
                                                "{\"id\": \"$input.params('id')\", \"pdf\": \"$input.body\"}"));

        Response response = api.handle(get(null));

        assertThat(response).hasStatus(200);
        assertThat(response)
                .hasBody(
                        "{\"id\": \"9\", \"pdf\": \""
                                + Base64.getEncoder().encodeToString(bytes)
                                + "\"}");
        assertThat(response.headers().values("Content-Type")).containsExactly("application/json");
    }

    @Test
    void handle_binaryAcceptForJsonText_returns500() {
        backend("application/json", "{\"id\": 9}".getBytes(StandardCharsets.UTF_8));
        Api api = api("json500", SET, ir -> {});

        Response response = api.handle(get("image/png"));

        assertThat(response).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    @Test
    void handle_mockWithBinaryAccept_returnsEmptyBody() {
        RestApi restApi =
                RestApi.builder()
                        .id("mockbin")
                        .name("m")
                        .binaryMediaTypes(List.of("*/*"))
                        .resource(
                                "/m",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
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

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/s/m")
                                .header("Accept", "*/*")
                                .build());

        assertThat(response).hasStatus(200);
        assertThat(response.bodyLength()).isZero();
    }
}
