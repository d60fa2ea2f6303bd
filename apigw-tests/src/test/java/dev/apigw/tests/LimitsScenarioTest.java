package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API Gateway's front-door limits through {@link Api#handle} (reference section 9.5): payload 10
 * MB, headers 10,240 bytes, URL 10,240 characters, malformed request targets and headers. Whatever
 * arrives, {@code handle} answers and never throws.
 */
class LimitsScenarioTest {
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final int URL_LIMIT = 10_240;
    private static final int HEADER_LIMIT = 10_240;

    /** Every path and method of stage {@code dev} is served by a MOCK that answers 200. */
    private static Api api() {
        RestApi restApi =
                RestApi.builder()
                        .name("limits")
                        .resource(
                                "/{proxy+}",
                                r ->
                                        r.method(
                                                "ANY",
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
                                                                                                                        "ok")))))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("dev")
                .build();
    }

    private static Response post(Api api, byte[] body) {
        return api.handle(
                Request.builder()
                        .httpMethod("POST")
                        .target("/dev/upload")
                        .header("Content-Type", "application/octet-stream")
                        .body(body)
                        .build());
    }

    private static void assertRequestTooLarge(Response response) {
        assertThat(response).hasStatus(413);
        assertThat(response).hasBody("{\"message\":\"Request Too Long\"}");
        assertThat(response).hasHeader("x-amzn-RequestId");
    }

    private static void assertBadRequest(Response response) {
        assertThat(response)
                .hasStatus(400)
                .hasBody("{\"message\":\"Bad Request\"}")
                .hasErrorType("BadRequestException")
                .hasHeader("x-amzn-RequestId");
    }

    @Test
    void handle_bodyOfExactlyTenMegabytes_passes() {
        Response response = post(api(), new byte[TEN_MB]);

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("ok");
    }

    @Test
    void handle_bodyOneByteOverTenMegabytes_returnsRequestTooLarge() {
        assertRequestTooLarge(post(api(), new byte[TEN_MB + 1]));
    }

    @Test
    void handle_oversizedBodyToUnknownStage_returnsRequestTooLarge() {
        Response response =
                api().handle(
                                Request.builder()
                                        .httpMethod("PUT")
                                        .target("/nostage/x")
                                        .body(new byte[TEN_MB + 1])
                                        .build());

        assertRequestTooLarge(response);
    }

    /** One header {@code X-Big: <value>} counts its name, value, {@code ": "} and CRLF. */
    private static Response withHeaderBytes(Api api, int totalBytes) {
        String value = "v".repeat(totalBytes - "X-Big".length() - 4);
        return api.handle(
                Request.builder()
                        .httpMethod("GET")
                        .target("/dev/h")
                        .header("X-Big", value)
                        .build());
    }

    @Test
    void handle_headersAtLimit_pass() {
        assertThat(withHeaderBytes(api(), HEADER_LIMIT)).hasStatus(200);
    }

    @Test
    void handle_headersOverLimit_returnRequestTooLarge() {
        assertRequestTooLarge(withHeaderBytes(api(), HEADER_LIMIT + 1));
    }

    @Test
    void handle_manySmallHeadersOverLimit_returnRequestTooLarge() {
        Request.Builder request = Request.builder().httpMethod("GET").target("/dev/h");
        for (int i = 0; i < 600; i++) {
            request.header("X-Header-" + i, "value-" + i);
        }

        assertRequestTooLarge(api().handle(request.build()));
    }

    private static String pathOfLength(int length) {
        return "/dev/" + "p".repeat(length - "/dev/".length());
    }

    @Test
    void handle_urlAtLimit_passes() {
        Api api = api();

        Response pathOnly = api.handle(Request.of("GET", pathOfLength(URL_LIMIT)));
        Response withQuery = api.handle(Request.of("GET", pathOfLength(URL_LIMIT - 4) + "?q=1"));

        assertThat(pathOnly).hasStatus(200);
        assertThat(withQuery).hasStatus(200);
    }

    @Test
    void handle_urlOverLimit_returnsRequestTooLarge() {
        Api api = api();

        assertRequestTooLarge(api.handle(Request.of("GET", pathOfLength(URL_LIMIT + 1))));
        assertRequestTooLarge(api.handle(Request.of("GET", pathOfLength(URL_LIMIT - 3) + "?q=1")));
    }

    @ParameterizedTest(name = "value {index}")
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nInjected: yes", "a\u0000b", "\u0007"})
    void handle_headerValueWithControlCharacter_returnsBadRequest(String value) {
        Response response =
                api().handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/dev/h")
                                        .header("X-Client", value)
                                        .build());

        assertBadRequest(response);
        assertThat(response).doesNotHaveHeader("Injected");
    }

    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"", "X Space", "X:Colon", "X\u0000Nul", "Ünicode"})
    void handle_malformedHeaderName_returnsBadRequest(String name) {
        Response response =
                api().handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/dev/h")
                                        .header(name, "v")
                                        .build());

        assertBadRequest(response);
    }

    @Test
    void handle_headerValueWithTab_passes() {
        Response response =
                api().handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/dev/h")
                                        .header("X-Client", "a\tb")
                                        .build());

        assertThat(response).hasStatus(200);
    }

    @ParameterizedTest(name = "path {index}")
    @ValueSource(
            strings = {
                "/dev/my pet",
                "/dev/a\u0001b",
                "/dev/tab\there",
                "/dev/%zz",
                "/dev/%4",
                "/dev/x%",
                "/dev/x%g1",
                "/dev/del\u007f",
                "dev/no-leading-slash",
                ""
            })
    void handle_malformedPath_returnsBadRequest(String path) {
        Response response = api().handle(Request.builder().httpMethod("GET").path(path).build());

        assertBadRequest(response);
    }

    @ParameterizedTest(name = "path {index}")
    @ValueSource(strings = {"/nostage/my pet", "/%zz/x", "/ /x"})
    void handle_malformedPathOfUnknownStage_returnsBadRequest(String path) {
        assertBadRequest(api().handle(Request.builder().httpMethod("GET").path(path).build()));
    }

    @ParameterizedTest(name = "query {index}")
    @ValueSource(strings = {"a=b c", "a=%zz", "a=\u0000", "x=%"})
    void handle_malformedQuery_returnsBadRequest(String query) {
        Response response =
                api().handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/dev/q")
                                        .rawQueryString(query)
                                        .build());

        assertBadRequest(response);
    }

    @Test
    void handle_validEscapes_pass() {
        Response response = api().handle(Request.of("GET", "/dev/a%20b/%C3%A9?x=%2F&y=a+b"));

        assertThat(response).hasStatus(200);
    }

    static Stream<Arguments> seeds() {
        return LongStream.range(0, 40).mapToObj(i -> Arguments.of(0x5eed0000L + i * 7919));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void handle_hostileRequests_neverThrowAndAlwaysAnswer(long seed) {
        Random random = new Random(seed);
        Api api = api();
        for (int i = 0; i < 25; i++) {
            Request request = HostileRequests.next(random);

            assertThatCode(
                            () -> {
                                Response response = api.handle(request);
                                assertThat(response.statusCode())
                                        .as("seed %d: %s", seed, request)
                                        .isBetween(200, 599)
                                        // the API cannot fail by itself: a 500 is a bug caught by
                                        // Api.handle
                                        .isIn(200, 400, 403, 413);
                                assertThat(response)
                                        .as("seed %d: %s", seed, request)
                                        .hasHeader("x-amzn-RequestId");
                            })
                    .as("seed %d: %s", seed, request)
                    .doesNotThrowAnyException();
        }
    }
}
