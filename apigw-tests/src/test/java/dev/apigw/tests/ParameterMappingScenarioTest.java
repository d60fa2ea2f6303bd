package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Integration request parameter mappings (reference 5.2) through {@link Api#handle}, against a real
 * local HTTP backend that echoes what it receives.
 */
class ParameterMappingScenarioTest {
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static RestApi petsApi(
            String uri, IntegrationType type, Consumer<Integration.Builder> mappings) {
        return RestApi.builder()
                .id("pm4x2k9q1z")
                .name("pets")
                .resource(
                        "/pets/{id}",
                        r ->
                                r.method(
                                        "POST",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .integration(
                                                                i -> {
                                                                    i.type(type)
                                                                            .httpMethod("POST")
                                                                            .integrationResponse(
                                                                                    "200",
                                                                                    ir -> {});
                                                                    if (type
                                                                            != IntegrationType
                                                                                    .MOCK) {
                                                                        i.uri(uri);
                                                                    }
                                                                    mappings.accept(i);
                                                                })))
                .build();
    }

    private Api httpApi(Consumer<Integration.Builder> mappings) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        petsApi(
                                server.origin() + "/backend/{petId}",
                                IntegrationType.HTTP,
                                i -> {
                                    i.putRequestParameter(
                                            "integration.request.path.petId",
                                            "method.request.path.id");
                                    mappings.accept(i);
                                }))
                .deploy("live", s -> s.putVariable("env", "blue-7"))
                .build();
    }

    private static JsonNode echo(Response response) {
        assertThat(response).hasStatus(200);
        return LocalHttpServer.echoed(response.body());
    }

    private static List<String> received(JsonNode echo, String header) {
        List<String> values = new ArrayList<>();
        echo.get("headers")
                .properties()
                .forEach(
                        e -> {
                            if (e.getKey().equalsIgnoreCase(header)) {
                                e.getValue().forEach(v -> values.add(v.asText()));
                            }
                        });
        return values;
    }

    @Test
    void handle_methodRequestSources_reachPathQueryAndHeaders() {
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                                "integration.request.path.petId",
                                                "method.request.path.id")
                                        .putRequestParameter(
                                                "integration.request.querystring.q",
                                                "method.request.querystring.q")
                                        .putRequestParameter(
                                                "integration.request.multivaluequerystring.tags",
                                                "method.request.multivaluequerystring.tag")
                                        .putRequestParameter(
                                                "integration.request.querystring.every",
                                                "method.request.multivaluequerystring.tag")
                                        .putRequestParameter(
                                                "integration.request.header.X-Last",
                                                "method.request.header.X-In")
                                        .putRequestParameter(
                                                "integration.request.header.X-Joined",
                                                "method.request.multivalueheader.X-In")
                                        .putRequestParameter(
                                                "integration.request.multivalueheader.X-Lines",
                                                "method.request.multivalueheader.X-In"));

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/live/pets/k%209?q=first&q=second&tag=x&tag=y%20z")
                                        .header("X-In", "one")
                                        .header("X-In", "two")
                                        .build()));

        assertThat(echo.get("uri").asText())
                .isEqualTo("/backend/k%209?q=second&tags=x&tags=y%20z&every=x&every=y%20z");
        assertThat(received(echo, "X-Last")).containsExactly("two");
        assertThat(received(echo, "X-Joined")).containsExactly("one,two");
        assertThat(received(echo, "X-Lines")).containsExactly("one", "two");
    }

    @Test
    void handle_bodySources_mapWholeBodyAndJsonPathFields() {
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                                "integration.request.header.X-Body",
                                                "method.request.body")
                                        .putRequestParameter(
                                                "integration.request.header.X-Name",
                                                "method.request.body.petstore.pets[0].name")
                                        .putRequestParameter(
                                                "integration.request.header.X-Second",
                                                "method.request.body.petstore.pets[1]")
                                        .putRequestParameter(
                                                "integration.request.querystring.age",
                                                "method.request.body.petstore.pets[1].age")
                                        .putRequestParameter(
                                                "integration.request.header.X-Missing",
                                                "method.request.body.petstore.owner.name"));
        String body = "{\"petstore\":{\"pets\":[{\"name\":\"Rex\"},{\"name\":\"Tom\",\"age\":3}]}}";

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/live/pets/1")
                                        .header("Content-Type", "application/json")
                                        .body(body)
                                        .build()));

        assertThat(received(echo, "X-Body")).containsExactly(body);
        assertThat(received(echo, "X-Name")).containsExactly("Rex");
        assertThat(received(echo, "X-Second")).containsExactly("{\"name\":\"Tom\",\"age\":3}");
        assertThat(echo.get("uri").asText()).endsWith("?age=3");
        assertThat(received(echo, "X-Missing")).isEmpty();
    }

    @Test
    void handle_bodyNotJson_bodyFieldHasNoValue() {
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                                "integration.request.header.X-Name",
                                                "method.request.body.name")
                                        .putRequestParameter(
                                                "integration.request.header.X-Raw",
                                                "method.request.body"));

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/live/pets/1")
                                        .header("Content-Type", "text/plain")
                                        .body("name=not json")
                                        .build()));

        assertThat(received(echo, "X-Name")).isEmpty();
        assertThat(received(echo, "X-Raw")).containsExactly("name=not json");
    }

    @Test
    void handle_stageContextAndStaticSources_areMapped() {
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                                "integration.request.header.X-Env",
                                                "stageVariables.env")
                                        .putRequestParameter(
                                                "integration.request.header.X-Undefined",
                                                "stageVariables.nothing")
                                        .putRequestParameter(
                                                "integration.request.header.X-Stage",
                                                "context.stage")
                                        .putRequestParameter(
                                                "integration.request.header.X-Method",
                                                "context.httpMethod")
                                        .putRequestParameter(
                                                "integration.request.querystring.ip",
                                                "context.identity.sourceIp")
                                        .putRequestParameter(
                                                "integration.request.header.X-Request",
                                                "context.requestId")
                                        .putRequestParameter(
                                                "integration.request.header.X-Fixed",
                                                "'a, b; c=d'"));

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/live/pets/1")
                                .sourceIp("198.51.100.23")
                                .build());

        JsonNode echo = echo(response);
        assertThat(received(echo, "X-Env")).containsExactly("blue-7");
        assertThat(received(echo, "X-Undefined")).isEmpty();
        assertThat(received(echo, "X-Stage")).containsExactly("live");
        assertThat(received(echo, "X-Method")).containsExactly("POST");
        assertThat(echo.get("uri").asText()).isEqualTo("/backend/1?ip=198.51.100.23");
        assertThat(received(echo, "X-Request"))
                .containsExactly(response.headers().first("x-amzn-RequestId").orElseThrow());
        assertThat(received(echo, "X-Fixed")).containsExactly("a, b; c=d");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 4242, 90001})
    void handle_randomHeaderValues_areForwardedUnchanged(long seed) {
        Random random = new Random(seed);
        String name = "X-H" + Integer.toString(random.nextInt(1 << 20), 36);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            value.append((char) ('!' + random.nextInt(94)));
        }
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header." + name,
                                        "method.request.header.X-Client"));

        JsonNode echo =
                echo(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/live/pets/1")
                                        .header("X-Client", value.toString())
                                        .build()));

        assertThat(received(echo, name)).containsExactly(value.toString());
    }

    static Stream<Arguments> forbiddenHeaders() {
        List<Arguments> cases = new ArrayList<>();
        for (IntegrationType type : IntegrationType.values()) {
            if (type == IntegrationType.MOCK) {
                continue;
            }
            List<String> headers = new ArrayList<>(List.of("Content-Length", "transfer-encoding"));
            if (type == IntegrationType.AWS || type == IntegrationType.AWS_PROXY) {
                headers.addAll(
                        List.of(
                                "Authorization",
                                "Connection",
                                "Expect",
                                "Proxy-Authenticate",
                                "TE"));
            }
            headers.forEach(h -> cases.add(Arguments.of(type, h)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forbiddenHeaders")
    void handle_forbiddenHeaderTarget_returns500WithoutCallingBackend(
            IntegrationType type, String header) {
        AtomicInteger calls = new AtomicInteger();
        String uri =
                type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY
                        ? server.origin() + "/backend"
                        : LambdaProxyScenarioTest.uri("counted");
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                petsApi(
                                        uri,
                                        type,
                                        i ->
                                                i.putRequestParameter(
                                                        "integration.request.header." + header,
                                                        "'1'")))
                        .deploy("live")
                        .lambda(
                                "counted",
                                invocation -> {
                                    calls.incrementAndGet();
                                    return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
                                })
                        .httpBackend(
                                request -> {
                                    calls.incrementAndGet();
                                    return new BackendResponse(200, Headers.empty(), new byte[0]);
                                })
                        .build();

        Response response = api.handle(Request.of("POST", "/live/pets/1"));

        assertThat(response)
                .isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR)
                .hasBody("{\"message\": \"Internal server error\"}");
        assertThat(calls).hasValue(0);
    }

    @Test
    void handle_forbiddenHeaderTargetOnAwsServiceIntegration_returns500() {
        AtomicInteger calls = new AtomicInteger();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                petsApi(
                                        "arn:aws:apigateway:us-east-1:sqs:path/123456789012/pets",
                                        IntegrationType.AWS,
                                        i ->
                                                i.putRequestParameter(
                                                        "integration.request.header.TE",
                                                        "'trailers'")))
                        .deploy("live")
                        .awsServiceBackend(
                                request -> {
                                    calls.incrementAndGet();
                                    return new BackendResponse(200, Headers.empty(), new byte[0]);
                                })
                        .build();

        Response response = api.handle(Request.of("POST", "/live/pets/1"));

        assertThat(response).hasStatus(500);
        assertThat(calls).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Authorization", "Max-Forwards", "Content-MD5", "Server"})
    void handle_headersAllowedForHttp_reachBackend(String header) {
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header." + header,
                                        "'mapped-" + header.length() + "'"));

        JsonNode echo = echo(api.handle(Request.of("POST", "/live/pets/1")));

        assertThat(received(echo, header)).containsExactly("mapped-" + header.length());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Expect", "Proxy-Authenticate", "TE", "Via"})
    void handle_headersDroppedForHttp_doNotReachBackend(String header) {
        Api api =
                httpApi(
                        i ->
                                i.putRequestParameter(
                                        "integration.request.header." + header, "'dropped'"));

        JsonNode echo = echo(api.handle(Request.of("POST", "/live/pets/1")));

        assertThat(received(echo, header)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void build_malformedMapping_failsWithAwsText(
            IntegrationType type, String target, String source) {
        RestApi restApi =
                petsApi(server.origin() + "/x", type, i -> i.putRequestParameter(target, source));

        assertThatThrownBy(
                        () ->
                                Api.builder()
                                        .internalErrorHandler(FailingInternalErrorHandler.create())
                                        .restApi(restApi)
                                        .deploy("live")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "/pets/{id} POST: Invalid mapping expression specified:"
                                + " Validation Result: warnings : [], errors : [Invalid mapping"
                                + " expression specified: ");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        IntegrationType.HTTP,
                        "integration.request.header.X",
                        "method.request.cookie.x"),
                Arguments.of(
                        IntegrationType.HTTP,
                        "integration.request.header.X",
                        "method.request.body.pets[0"),
                Arguments.of(
                        IntegrationType.HTTP,
                        "integration.request.header.X",
                        "method.request.body."),
                Arguments.of(IntegrationType.HTTP, "integration.request.header.X", "'open"),
                Arguments.of(
                        IntegrationType.HTTP,
                        "integration.request.header.X",
                        "method.request.header.bad name"),
                Arguments.of(IntegrationType.HTTP, "integration.request.cookie.x", "'static'"),
                Arguments.of(IntegrationType.HTTP, "integration.request.header.", "'static'"),
                Arguments.of(
                        IntegrationType.HTTP_PROXY,
                        "integration.request.path.p",
                        "stageVariables."),
                Arguments.of(IntegrationType.MOCK, "integration.request.header.X", "true"));
    }
}
