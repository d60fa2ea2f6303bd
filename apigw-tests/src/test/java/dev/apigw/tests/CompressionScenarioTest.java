package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Payload compression of reference 6.4 through {@link Api#handle}: request bodies decompressed
 * before mapping (a real HTTP backend shows what arrives), responses compressed by {@code
 * minimumCompressionSize} and {@code Accept-Encoding}.
 */
class CompressionScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    static byte[] inflate(byte[] bytes) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    static byte[] binary(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[100 + random.nextInt(3000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFE;
        return bytes;
    }

    private Api httpApi(
            String apiId, Consumer<RestApi.Builder> api, Map<String, String> templates) {
        RestApi restApi =
                RestApi.builder()
                        .id(apiId)
                        .name("zip")
                        .resource(
                                "/docs",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .HTTP)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                server
                                                                                                                .origin()
                                                                                                        + "/docs")
                                                                                        .requestTemplates(
                                                                                                templates)
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .resource(
                                "/raw/{proxy+}",
                                r ->
                                        r.method(
                                                "ANY",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .HTTP_PROXY)
                                                                                .httpMethod("ANY")
                                                                                .uri(
                                                                                        server
                                                                                                        .origin()
                                                                                                + "/{proxy}")
                                                                                .putRequestParameter(
                                                                                        "integration.request.path.proxy",
                                                                                        "method.request.path.proxy"))))
                        .build()
                        .copy(api);
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("z")
                .build();
    }

    private static Request post(String target, String contentType, String encoding, byte[] body) {
        return Request.builder()
                .httpMethod("POST")
                .target(target)
                .header("Content-Type", contentType)
                .header("Content-Encoding", encoding)
                .body(body)
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response).hasStatus(200);
        return LocalHttpServer.echoed(response.body());
    }

    @Test
    void handle_gzipJsonWithTemplate_templateReadsDecompressedBody() throws IOException {
        String json = "{\"name\": \"Bo\", \"legs\": 4, \"note\": \"ünïcode\"}";
        Api api =
                httpApi(
                        "gzt",
                        b -> {},
                        Map.of(
                                "application/json",
                                "{\"who\": \"$input.params('who')\", \"all\": $input.body}"));

        JsonNode echo =
                echo(
                        api.handle(
                                post(
                                        "/z/docs?who=Bo",
                                        "application/json",
                                        "gzip",
                                        gzip(json.getBytes(StandardCharsets.UTF_8)))));

        assertThat(new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8))
                .isEqualTo("{\"who\": \"Bo\", \"all\": " + json + "}");
    }

    @Test
    void handle_gzipBinaryPassthrough_backendGetsTheOriginalBytes() throws IOException {
        byte[] bytes = binary(61);
        Api api = httpApi("gzb", b -> b.addBinaryMediaType("image/png"), Map.of());

        JsonNode echo = echo(api.handle(post("/z/docs", "image/png", "GZip", gzip(bytes))));

        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(bytes);
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Encoding")).isEmpty();
    }

    @Test
    void handle_deflateAndIdentity_backendGetsDecodedBytes() throws IOException {
        byte[] text = "plain words, deflated ✓".getBytes(StandardCharsets.UTF_8);
        Api api = httpApi("dfl", b -> {}, Map.of());

        JsonNode deflated =
                echo(api.handle(post("/z/docs", "text/plain", "deflate", deflate(text))));
        JsonNode identity = echo(api.handle(post("/z/docs", "text/plain", "identity", text)));
        JsonNode both =
                echo(
                        api.handle(
                                post(
                                        "/z/docs",
                                        "text/plain",
                                        "deflate, gzip",
                                        gzip(deflate(text)))));

        assertThat(LocalHttpServer.echoedBody(deflated)).isEqualTo(text);
        assertThat(LocalHttpServer.echoedBody(identity)).isEqualTo(text);
        assertThat(LocalHttpServer.echoedBody(both)).isEqualTo(text);
    }

    @Test
    void handle_bodyNotInItsCoding_returns415() throws IOException {
        Api api = httpApi("bad", b -> {}, Map.of());

        Response notGzip =
                api.handle(
                        post(
                                "/z/docs",
                                "application/json",
                                "gzip",
                                "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
        Response brotli =
                api.handle(
                        post(
                                "/z/docs",
                                "application/json",
                                "br",
                                gzip("{}".getBytes(StandardCharsets.UTF_8))));

        for (Response response : List.of(notGzip, brotli)) {
            assertThat(response).hasStatus(415);
            assertThat(response).hasBody("{\"message\":\"Unsupported Media Type\"}");
        }
    }

    @Test
    void handle_decompressedOverTenMegabytes_returns413() throws IOException {
        Api api = httpApi("bomb", b -> {}, Map.of());

        Response response =
                api.handle(
                        post(
                                "/z/docs",
                                "text/plain",
                                "gzip",
                                gzip(new byte[10 * 1024 * 1024 + 1])));

        assertThat(response).hasStatus(413);
    }

    @Test
    void handle_gzipToHttpProxy_backendGetsDecompressedBody() throws IOException {
        byte[] bytes = binary(62);
        Api api = httpApi("prx", b -> {}, Map.of());

        JsonNode echo =
                echo(
                        api.handle(
                                post(
                                        "/z/raw/echo",
                                        "application/octet-stream",
                                        "gzip",
                                        gzip(bytes))));

        assertThat(LocalHttpServer.echoedBody(echo)).isEqualTo(bytes);
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Encoding")).isEmpty();
    }

    private Api mockApi(String apiId, Consumer<RestApi.Builder> api, String body) {
        RestApi restApi =
                RestApi.builder()
                        .id(apiId)
                        .name("m")
                        .resource(
                                "/big",
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
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        body)))))
                        .build()
                        .copy(api);
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("m")
                .build();
    }

    private static Request get(String path, String acceptEncoding) {
        Request.Builder request = Request.builder().httpMethod("GET").target(path);
        return acceptEncoding == null
                ? request.build()
                : request.header("Accept-Encoding", acceptEncoding).build();
    }

    @Test
    void handle_enabledAndAccepted_compressesTheMappedBody() throws IOException {
        String body = "{\"rows\": \"" + "abc".repeat(400) + "\"}";
        Api api = mockApi("cmp", b -> b.minimumCompressionSize(1000), body);

        Response gz = api.handle(get("/m/big", "deflate;q=0.5,gzip;q=1.0"));
        Response df = api.handle(get("/m/big", "br;q=0.2, deflate"));

        assertThat(gz.headers().values("Content-Encoding")).containsExactly("gzip");
        assertThat(new String(gunzip(gz.body()), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(gz.bodyLength()).isLessThan(body.length());
        assertThat(gz.headers().first("Content-Type")).contains("application/json");
        assertThat(df.headers().values("Content-Encoding")).containsExactly("deflate");
        assertThat(new String(inflate(df.body()), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void handle_belowMinimumOrNotAcceptedOrDisabled_leavesBodyAlone() {
        String body = "{\"rows\": \"" + "xyz".repeat(300) + "\"}";
        Api enabled = mockApi("min", b -> b.minimumCompressionSize(body.length() + 1), body);
        Api exact = mockApi("exact", b -> b.minimumCompressionSize(body.length()), body);
        Api disabled = mockApi("off", b -> {}, body);

        List<Response> plain =
                List.of(
                        enabled.handle(get("/m/big", "gzip")),
                        exact.handle(get("/m/big", null)),
                        exact.handle(get("/m/big", "*")),
                        exact.handle(get("/m/big", "br, gzip")),
                        exact.handle(get("/m/big", "gzip;q=0")),
                        disabled.handle(get("/m/big", "gzip")));

        for (Response response : plain) {
            assertThat(response).doesNotHaveHeader("Content-Encoding");
            assertThat(response).hasBody(body);
        }
        assertThat(exact.handle(get("/m/big", "gzip")).headers().first("Content-Encoding"))
                .contains("gzip");
    }

    @Test
    void handle_proxyResponseAlreadyEncoded_isNotCompressedAgain() throws IOException {
        byte[] precompressed = gzip("already small".getBytes(StandardCharsets.UTF_8));
        server.respond(
                "/enc",
                200,
                Map.of("Content-Encoding", List.of("gzip"), "Content-Type", List.of("text/plain")),
                precompressed);
        server.respond(
                "/plain",
                200,
                Map.of("Content-Type", List.of("text/plain")),
                "q".repeat(64).getBytes(StandardCharsets.UTF_8));
        Api api = httpApi("pre", b -> b.minimumCompressionSize(0), Map.of());

        Response encoded = api.handle(get("/z/raw/enc", "gzip"));
        Response plain = api.handle(get("/z/raw/plain", "gzip"));

        assertThat(encoded.body()).isEqualTo(precompressed);
        assertThat(encoded.headers().values("Content-Encoding")).containsExactly("gzip");
        assertThat(new String(gunzip(plain.body()), StandardCharsets.UTF_8))
                .isEqualTo("q".repeat(64));
    }

    @Test
    void handle_gatewayError_isNotCompressed() {
        Api api = mockApi("err", b -> b.minimumCompressionSize(0), "{}");

        Response response = api.handle(get("/m/nothing-here", "gzip"));

        assertThat(response).isGatewayResponse(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
        assertThat(response).doesNotHaveHeader("Content-Encoding");
        assertThat(response).hasBodyContaining("Missing Authentication Token");
    }
}
