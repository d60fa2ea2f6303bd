package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Recording and scripting of {@link RecordingHttpBackend}, directly and behind HTTP_PROXY. */
class RecordingHttpBackendTest {
    private static Api api(RecordingHttpBackend backend) {
        return Api.builder()
                .restApi(
                        RestApi.builder()
                                .name("http")
                                .resource(
                                        "/{proxy+}",
                                        r ->
                                                r.method(
                                                        "ANY",
                                                        m ->
                                                                m.putRequestParameter(
                                                                                "method.request.path.proxy",
                                                                                true)
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .HTTP_PROXY)
                                                                                                .httpMethod(
                                                                                                        "ANY")
                                                                                                .timeoutInMillis(
                                                                                                        1500)
                                                                                                .uri(
                                                                                                        "https://backend.example/{proxy}")
                                                                                                .putRequestParameter(
                                                                                                        "integration.request.path.proxy",
                                                                                                        "method.request.path.proxy"))))
                                .build())
                .deploy("test")
                .httpBackend(backend)
                .build();
    }

    private static BackendRequest request(String body) {
        return new BackendRequest(
                "PUT",
                URI.create("https://b.example/x"),
                Headers.of("X-A", "1"),
                body.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(1),
                false);
    }

    @Test
    void send_nothingScripted_answers200EmptyJsonObject() {
        RecordingHttpBackend backend = RecordingHttpBackend.create();

        BackendResponse direct = backend.send(request(""));
        Response response = api(backend).handle(Request.of("GET", "/test/a"));

        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.headers().first("Content-Type")).contains("application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{}");
    }

    @Test
    void send_throughProxy_recordsMethodUriHeadersBodyAndTimeout() {
        RecordingHttpBackend backend =
                RecordingHttpBackend.create()
                        .respondsWith(
                                201, Headers.of("Content-Type", "text/plain", "X-Id", "9"), "made");

        Response response =
                api(backend)
                        .handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/test/pets/new?dry=no")
                                        .headers(Headers.of("X-Trace-Me", "yes"))
                                        .body("{\"name\": \"Rex\"}")
                                        .build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().first("X-Id")).contains("9");
        assertThat(response.bodyAsString()).isEqualTo("made");
        RecordingHttpBackend.RecordedRequest sent = backend.lastRequest();
        assertThat(sent.httpMethod()).isEqualTo("POST");
        assertThat(sent.uri()).hasToString("https://backend.example/pets/new?dry=no");
        assertThat(sent.header("x-trace-me")).contains("yes");
        assertThat(sent.headers().first("Host")).contains("backend.example");
        assertThat(sent.bodyAsString()).isEqualTo("{\"name\": \"Rex\"}");
        assertThat(sent.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(backend.requestCount()).isEqualTo(1);
    }

    @Test
    void send_scripted_answersInOrderThenRepeatsTheLast() {
        RecordingHttpBackend backend =
                RecordingHttpBackend.create()
                        .respondsWith(500, "{}")
                        .respondsWith(new BackendResponse(204, Headers.empty(), new byte[0]));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(backend.send(request("")).statusCode());
        }

        assertThat(statuses).containsExactly(500, 204, 204);
    }

    @Test
    void send_recordsACopyOfTheBody() {
        RecordingHttpBackend backend = RecordingHttpBackend.create();
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        backend.send(
                new BackendRequest(
                        "POST",
                        URI.create("https://b.example/"),
                        Headers.empty(),
                        body,
                        Duration.ofSeconds(1),
                        false));

        body[0] = 'z';

        assertThat(backend.lastRequest().bodyAsString()).isEqualTo("abc");
    }

    @Test
    void timesOut_gatewayAnswersIntegrationTimeout() {
        RecordingHttpBackend backend = RecordingHttpBackend.create().timesOut();

        Response response = api(backend).handle(Request.of("GET", "/test/slow"));

        assertThatThrownBy(() -> backend.send(request("")))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.TIMEOUT));
        GatewayAssertions.assertThat(response)
                .isGatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT);
        assertThat(backend.requestCount()).isEqualTo(2);
    }

    @Test
    void failsWithNetworkError_gatewayAnswersIntegrationFailure() {
        RecordingHttpBackend backend = RecordingHttpBackend.create().failsWithNetworkError();

        Response response = api(backend).handle(Request.of("GET", "/test/down"));

        assertThatThrownBy(() -> backend.send(request("")))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.NETWORK));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("InternalServerErrorException");
    }

    @Test
    void lastRequest_none_failsWithExpectingMessage() {
        assertThatThrownBy(() -> RecordingHttpBackend.create().lastRequest())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting RecordingHttpBackend to have received a request");
    }

    @Test
    void close_laterSend_fails() {
        RecordingHttpBackend backend = RecordingHttpBackend.create();
        backend.close();

        assertThatThrownBy(() -> backend.send(request("")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after its test ended");
    }

    @Test
    void send_concurrent_recordsEveryRequest() throws Exception {
        int calls = 400;
        RecordingHttpBackend backend =
                RecordingHttpBackend.create()
                        .answers(
                                r ->
                                        new BackendResponse(
                                                200,
                                                Headers.empty(),
                                                r.uri()
                                                        .getPath()
                                                        .getBytes(StandardCharsets.UTF_8)));
        Api api = api(backend);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String path = "/test/item/" + i;
                futures.add(pool.submit(() -> api.handle(Request.of("GET", path))));
            }
            for (int i = 0; i < calls; i++) {
                assertThat(futures.get(i).get(30, TimeUnit.SECONDS).bodyAsString())
                        .isEqualTo("/item/" + i);
            }

            assertThat(backend.requests())
                    .extracting(r -> r.uri().getPath())
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, calls).mapToObj(i -> "/item/" + i).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
