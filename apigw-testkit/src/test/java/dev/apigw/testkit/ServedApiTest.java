package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.testkit.GatewayAssertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link ServedApi}: the test's {@code Api} on a loopback port answers an HTTP client as {@code
 * api.handle} answers, with the same fakes, and stops when the test ends.
 */
class ServedApiTest {
    /** Headers that differ per request or belong to the HTTP transport, not the gateway. */
    private static final Set<String> PER_REQUEST =
            Set.of(
                    "date",
                    "content-length",
                    "connection",
                    "x-amzn-requestid",
                    "x-amz-apigw-id",
                    "x-amzn-trace-id");

    @RegisterExtension
    static final ApiGatewayExtension gateway =
            ApiGatewayExtension.builder()
                    .restApi(ApiGatewayExtensionTest::pets)
                    .lambda("pets")
                    .lambda("owners")
                    .build();

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

    @Test
    void get_overHttp_answersAsHandleDoes(
            Api api, ServedApi served, @Lambda("pets") FakeLambda pets) throws Exception {
        pets.returnsProxyResponse(
                201, Map.of("X-Pet", "Rex", "Content-Type", "application/json"), "{\"id\": \"7\"}");

        HttpResponse<String> overHttp =
                http.send(
                        HttpRequest.newBuilder(served.uri("/pets?a=1")).build(),
                        HttpResponse.BodyHandlers.ofString());
        Response inProcess = api.handle(Request.get("/test/pets?a=1"));

        assertThat(overHttp.statusCode()).isEqualTo(inProcess.statusCode()).isEqualTo(201);
        assertThat(overHttp.body())
                .isEqualTo(inProcess.bodyAsString())
                .isEqualTo("{\"id\": \"7\"}");
        assertThat(gatewayHeaders(overHttp.headers().map()))
                .isEqualTo(gatewayHeaders(inProcess.headers().toMultimap()))
                .containsEntry("x-pet", List.of("Rex"));
        assertThat(overHttp.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(pets).wasInvokedTimes(2);
        assertThat(pets.invocations().get(0).event().queryParameter("a")).contains("1");
    }

    @Test
    void post_overHttp_reachesTheFakeWithTheJsonBody(
            ServedApi served, @Lambda("owners") FakeLambda owners) throws Exception {
        owners.returnsProxyResponse(200, "{}");

        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(served.uri("owners"))
                                .header("Content-Type", "application/json")
                                .method(
                                        "GET",
                                        HttpRequest.BodyPublishers.ofString("{\"name\": \"Ann\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        LambdaEvent event = owners.lastEvent();
        assertThat(event.path()).isEqualTo("/owners");
        assertThat(event.body()).contains("{\"name\": \"Ann\"}");
        assertThat(event.header("Content-Type")).contains("application/json");
    }

    @Test
    void urls_ofTheStage_onLoopback(ServedApi served) {
        assertThat(served.baseUrl()).isEqualTo("http://127.0.0.1:" + served.port() + "/test");
        assertThat(served.serverUrl()).isEqualTo("http://127.0.0.1:" + served.port());
        assertThat(served.uri("/pets/7?x=1"))
                .isEqualTo(URI.create("http://127.0.0.1:" + served.port() + "/test/pets/7?x=1"));
        assertThat(served.uri("pets")).isEqualTo(URI.create(served.baseUrl() + "/pets"));
    }

    @Test
    void unknownStagePath_overHttp_getsTheGatewaysForbidden(ServedApi served) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(served.serverUrl() + "/nostage/pets"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                .contains("ForbiddenException");
    }

    /** Gateway headers by lower-case name, per-request and transport headers left out. */
    private static Map<String, List<String>> gatewayHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach(
                (name, values) -> {
                    String lower = name.toLowerCase(java.util.Locale.ROOT);
                    if (!PER_REQUEST.contains(lower) && !lower.startsWith(":")) {
                        kept.put(lower, values);
                    }
                });
        return kept;
    }

    static class Served {
        static final AtomicReference<ServedApi> SERVED = new AtomicReference<>();

        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .lambda("owners")
                        .build();

        @Test
        void serves(ServedApi served) {
            SERVED.set(served);
        }
    }

    @Test
    void servedApi_afterTheTest_isStopped() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Served.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1));
        URI uri = Served.SERVED.get().uri("/pets");

        assertThatThrownBy(
                        () ->
                                http.send(
                                        HttpRequest.newBuilder(uri).build(),
                                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    static class SameInstance {
        static final AtomicReference<Boolean> SAME = new AtomicReference<>();
        static final AtomicReference<ServedApi> FIRST = new AtomicReference<>();

        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .lambda("owners")
                        .build();

        @org.junit.jupiter.api.BeforeEach
        void setUp(ServedApi served) {
            FIRST.set(served);
        }

        @Test
        void serves(ServedApi served) throws IOException {
            SAME.set(served == FIRST.get());
        }
    }

    @Test
    void servedApi_beforeEachAndTest_shareOneServer() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SameInstance.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1));

        assertThat(SameInstance.SAME.get()).isTrue();
    }
}
