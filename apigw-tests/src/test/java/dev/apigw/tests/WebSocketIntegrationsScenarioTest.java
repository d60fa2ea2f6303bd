package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketIntegrationResponse;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.testkit.ManualClock;
import dev.apigw.testkit.RecordingAwsServiceBackend;
import dev.apigw.tests.lambda.EchoEventHandler;
import dev.apigw.tests.lambda.ThrowingHandler;
import dev.apigw.tests.lambda.WebSocketAuthorizerHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket non-proxy and {@code HTTP_PROXY} integrations through {@link WebSocketGateway}
 * (reference 1, 5.4, 6, 7.3): {@code HTTP} to a real HTTP server on an ephemeral port, {@code AWS}
 * to real Lambda handler classes and to a recording AWS service backend, {@code HTTP_PROXY} and
 * {@code MOCK}, on message routes and on {@code $connect}; request template selection and
 * passthrough behaviours, request parameters, integration response and response template selection,
 * one-way and two-way routes, failures and a hostile template.
 */
class WebSocketIntegrationsScenarioTest {
    private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA_URI =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:fn/invocations";

    private final LocalHttpServer server = LocalHttpServer.start();
    private final Gateway account =
            Gateway.builder()
                    .clock(ManualClock.startingAt(START))
                    .region("us-east-1")
                    .random(new SplittableRandom(11)::nextLong)
                    .build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        server.close();
    }

    /** An {@code HTTP} integration to the local server's {@code path}. */
    private WebSocketIntegration.Builder http(String path) {
        return WebSocketIntegration.builder("be")
                .integrationType(IntegrationType.HTTP)
                .integrationUri(server.origin() + path)
                .integrationMethod("POST");
    }

    private static WebSocketIntegrationResponse response(
            String key, Map<String, String> templates) {
        return WebSocketIntegrationResponse.builder(key).responseTemplates(templates).build();
    }

    private static WebSocketIntegrationResponse passthrough() {
        return response("$default", Map.of());
    }

    /**
     * An API whose {@code $connect} (when {@code onConnect}) or else {@code send} route (two-way
     * when {@code twoWay}) calls {@code integration}; stage {@code prod} with {@code env=test}.
     */
    private static WebSocketApi api(
            WebSocketIntegration integration, boolean twoWay, boolean onConnect) {
        return WebSocketApi.builder("ws")
                .id("wsapi12345")
                .routeSelectionExpression("$request.body.action")
                .integration(integration)
                .route(
                        onConnect ? WebSocketRoute.CONNECT : "send",
                        r -> {
                            r.integrationId(integration.integrationId());
                            if (twoWay) {
                                r.twoWay();
                            }
                        })
                .stage("prod", s -> s.stageVariable("env", "test"))
                .build();
    }

    private WebSocketGateway gateway(WebSocketApi api) {
        return gateway(api, b -> {});
    }

    private WebSocketGateway gateway(WebSocketApi api, Consumer<WebSocketGateway.Builder> more) {
        WebSocketGateway.Builder b =
                WebSocketGateway.builder().gateway(account).webSocketApi(api).stage("prod");
        more.accept(b);
        return b.build();
    }

    private static ConnectRequest upgrade() {
        return ConnectRequest.builder()
                .header("Host", "wsapi12345.execute-api.us-east-1.amazonaws.com")
                .header("User-Agent", "test-agent")
                .header("X-Tenant", "acme")
                .queryParameter("room", "blue")
                .sourceIp("203.0.113.9")
                .build();
    }

    private String connect(WebSocketGateway gateway) {
        ConnectResult result = gateway.connect(upgrade(), sink);
        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    /** Sends {@code text} on a new connection and returns the texts sent back. */
    private List<String> exchange(WebSocketGateway gateway, String text) {
        String id = connect(gateway);
        gateway.message(id, Frame.text(text));
        return sink.texts();
    }

    private static JsonNode echoOf(List<String> texts) {
        assertThat(texts).hasSize(1);
        return LocalHttpServer.echoed(texts.get(0).getBytes(StandardCharsets.UTF_8));
    }

    private static String sentBody(JsonNode echo) {
        return new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8);
    }

    @Test
    void anHttpIntegrationSendsTheTemplateTheMessageSelectsAndTheAnswerGoesBack() {
        WebSocketIntegration be =
                http("/items")
                        .templateSelectionExpression("${request.body.kind}")
                        .requestTemplate(
                                "note",
                                "{\"text\": $input.json('$.data'), \"route\": \"$context.routeKey\","
                                        + " \"event\": \"$context.eventType\", \"env\":"
                                        + " \"$stageVariables.env\", \"ip\":"
                                        + " \"$context.identity.sourceIp\"}")
                        .requestTemplate("$default", "{\"other\": true}")
                        .integrationResponse(passthrough())
                        .build();
        WebSocketGateway gateway = gateway(api(be, true, false));

        JsonNode echo =
                echoOf(
                        exchange(
                                gateway,
                                "{\"action\":\"send\",\"kind\":\"note\",\"data\":\"hi\"}"));

        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(echo.get("uri").asText()).isEqualTo("/items");
        assertThat(sentBody(echo))
                .isEqualTo(
                        "{\"text\": \"hi\", \"route\": \"send\", \"event\": \"MESSAGE\","
                                + " \"env\": \"test\", \"ip\": \"203.0.113.9\"}");
        assertThat(LocalHttpServer.echoedHeader(echo, "Content-Type"))
                .isEqualTo("application/json");
        assertThat(LocalHttpServer.echoedHeader(echo, "User-Agent"))
                .isEqualTo("AmazonAPIGateway_wsapi12345");
    }

    @Test
    void aKeyWithoutTemplateFallsBackToTheDefaultTemplate() {
        WebSocketIntegration be =
                http("/items")
                        .templateSelectionExpression("${request.body.kind}")
                        .requestTemplate("note", "note")
                        .requestTemplate("$default", "{\"other\": \"$context.messageId\"}")
                        .integrationResponse(passthrough())
                        .build();

        JsonNode echo =
                echoOf(
                        exchange(
                                gateway(api(be, true, false)),
                                "{\"action\":\"send\",\"kind\":\"x\"}"));

        assertThat(sentBody(echo)).matches("\\{\"other\": \"[A-Za-z0-9+/=]{16}\"\\}");
    }

    @Test
    void aStaticTemplateSelectionExpressionAlwaysSelectsItsTemplate() {
        WebSocketIntegration be =
                http("/items")
                        .templateSelectionExpression("form")
                        .requestTemplate("form", "a=$util.urlEncode($input.path('$.q'))")
                        .requestTemplate("$default", "{}")
                        .integrationResponse(passthrough())
                        .build();

        JsonNode echo =
                echoOf(
                        exchange(
                                gateway(api(be, true, false)),
                                "{\"action\":\"send\",\"q\":\"x y\"}"));

        assertThat(sentBody(echo)).isEqualTo("a=x+y");
    }

    @Test
    void aDisconnectRouteCallsItsHttpIntegrationWithItsTemplate() {
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        server.handle(
                "/bye",
                exchange -> {
                    seen.add(requestOf(exchange));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        WebSocketIntegration be =
                http("/bye")
                        .requestTemplate(
                                "$default",
                                "{\"event\": \"$context.eventType\", \"cid\":"
                                        + " \"$context.connectionId\"}")
                        .build();
        WebSocketApi api =
                api(be, false, false).toBuilder()
                        .removeRoute("send")
                        .route(WebSocketRoute.DISCONNECT, "be")
                        .build();
        WebSocketGateway gateway = gateway(api);
        String id = connect(gateway);

        gateway.disconnect(id, 1001, "going");

        assertThat(seen)
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.get("body").asText())
                                        .isEqualTo(
                                                "{\"event\": \"DISCONNECT\", \"cid\": \""
                                                        + id
                                                        + "\"}"));
    }

    @Test
    void withoutAMatchingTemplateWhenNoMatchPassesTheMessageThrough() {
        WebSocketIntegration be =
                http("/items")
                        .templateSelectionExpression("${request.body.kind}")
                        .requestTemplate("note", "note")
                        .integrationResponse(passthrough())
                        .build();
        String message = "{\"action\":\"send\",\"kind\":\"other\"}";

        JsonNode echo = echoOf(exchange(gateway(api(be, true, false)), message));

        assertThat(sentBody(echo)).isEqualTo(message);
    }

    @Test
    void neverAndWhenNoTemplatesRefuseAnUnmatchedMessageWith415() {
        for (PassthroughBehavior behavior :
                List.of(PassthroughBehavior.NEVER, PassthroughBehavior.WHEN_NO_TEMPLATES)) {
            WebSocketIntegration be =
                    http("/items")
                            .templateSelectionExpression("${request.body.kind}")
                            .requestTemplate("note", "note")
                            .passthroughBehavior(behavior)
                            .integrationResponse(passthrough())
                            .build();
            RecordingSink own = new RecordingSink();
            WebSocketGateway gateway = gateway(api(be, true, false));
            String id = ((ConnectResult.Accepted) gateway.connect(upgrade(), own)).connectionId();

            gateway.message(id, Frame.text("{\"action\":\"send\",\"kind\":\"other\"}"));

            assertThat(own.texts())
                    .as(behavior.name())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "{\"message\": \"Unsupported Media Type\", \"connectionId\":\"" + id);
        }
    }

    @Test
    void whenNoTemplatesPassesThroughAnIntegrationWithoutTemplates() {
        WebSocketIntegration be =
                http("/items")
                        .passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES)
                        .integrationResponse(passthrough())
                        .build();

        JsonNode echo = echoOf(exchange(gateway(api(be, true, false)), "{\"action\":\"send\"}"));

        assertThat(sentBody(echo)).isEqualTo("{\"action\":\"send\"}");
    }

    @Test
    void convertToBinaryDecodesAPassedThroughMessageAndConvertToTextEncodesABinaryAnswer() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        List<byte[]> received = new CopyOnWriteArrayList<>();
        server.handle(
                "/bin",
                exchange -> {
                    received.add(exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                    exchange.close();
                });
        WebSocketIntegration be =
                http("/bin")
                        .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_BINARY)
                        .integrationResponse(
                                WebSocketIntegrationResponse.builder("$default")
                                        .contentHandlingStrategy(
                                                ContentHandlingStrategy.CONVERT_TO_TEXT)
                                        .build())
                        .build();
        WebSocketApi api =
                WebSocketApi.builder("ws")
                        .id("wsapi12345")
                        .routeSelectionExpression("\\$default")
                        .integration(be)
                        .route(WebSocketRoute.DEFAULT, r -> r.integrationId("be").twoWay())
                        .build();
        WebSocketGateway gateway =
                WebSocketGateway.builder().gateway(account).webSocketApi(api).stage("prod").build();
        String id = connect(gateway);

        gateway.message(id, Frame.text(Base64.getEncoder().encodeToString(png)));

        assertThat(received).singleElement().isEqualTo(png);
        assertThat(sink.frames())
                .containsExactly(Frame.text(Base64.getEncoder().encodeToString(png)));
    }

    @Test
    void convertToBinaryOnAResponseSendsABinaryFrameAndFailsWithATemplate() {
        server.respond("/b64", 200, Map.of(), "AAEC".getBytes(StandardCharsets.UTF_8));
        WebSocketIntegration plain =
                http("/b64")
                        .integrationResponse(
                                WebSocketIntegrationResponse.builder("$default")
                                        .contentHandlingStrategy(
                                                ContentHandlingStrategy.CONVERT_TO_BINARY)
                                        .build())
                        .build();
        WebSocketIntegration templated =
                http("/b64")
                        .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_BINARY)
                        .requestTemplate("$default", "{}")
                        .integrationResponse(passthrough())
                        .build();

        exchange(gateway(api(plain, true, false)), "{\"action\":\"send\"}");
        assertThat(sink.frames()).containsExactly(Frame.binary(new byte[] {0, 1, 2}));
        RecordingSink own = new RecordingSink();
        WebSocketGateway gateway = gateway(api(templated, true, false));
        String id = ((ConnectResult.Accepted) gateway.connect(upgrade(), own)).connectionId();
        gateway.message(id, Frame.text("{\"action\":\"send\"}"));
        assertThat(own.texts())
                .singleElement()
                .asString()
                .startsWith("{\"message\": \"Internal server error\"");
    }

    @Test
    void requestParametersMapTheBodyStageContextAndStaticValues() {
        WebSocketIntegration be =
                http("/rooms/{room}")
                        .requestParameter(
                                "integration.request.path.room", "route.request.body.room")
                        .requestParameter(
                                "integration.request.querystring.env", "stageVariables.env")
                        .requestParameter("integration.request.querystring.fixed", "'a b'")
                        .requestParameter(
                                "integration.request.header.X-Connection", "context.connectionId")
                        .requestParameter(
                                "integration.request.header.X-Missing", "route.request.body.none")
                        .integrationResponse(passthrough())
                        .build();
        WebSocketGateway gateway = gateway(api(be, true, false));
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"send\",\"room\":\"blue\"}"));

        JsonNode echo = echoOf(sink.texts());
        assertThat(echo.get("uri").asText()).isEqualTo("/rooms/blue?env=test&fixed=a%20b");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Connection")).isEqualTo(id);
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Missing")).isEmpty();
    }

    @Test
    void onConnectTheUpgradesHeadersAndQueryStringAreMappedAndA2xxAccepts() {
        WebSocketIntegration be =
                http("/connect")
                        .requestParameter(
                                "integration.request.header.X-Tenant",
                                "route.request.header.x-tenant")
                        .requestParameter(
                                "integration.request.querystring.room",
                                "route.request.querystring.room")
                        .requestTemplate("$default", "{\"room\": \"$input.params('room')\"}")
                        .build();
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        server.handle(
                "/connect",
                exchange -> {
                    seen.add(requestOf(exchange));
                    exchange.getResponseHeaders().add("Sec-WebSocket-Protocol", "chat");
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        WebSocketGateway gateway = gateway(api(be, false, true));

        ConnectResult result = gateway.connect(upgrade(), sink);

        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        assertThat(((ConnectResult.Accepted) result).headers())
                .containsEntry("Sec-WebSocket-Protocol", "chat");
        assertThat(seen)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.get("uri").asText()).isEqualTo("/connect?room=blue");
                            assertThat(r.get("tenant").asText()).isEqualTo("acme");
                            assertThat(r.get("body").asText()).isEqualTo("{\"room\": \"blue\"}");
                        });
    }

    /** Reads what a test handler needs of a request: uri, X-Tenant and the body. */
    static JsonNode requestOf(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        return JSON.createObjectNode()
                .put(
                        "uri",
                        exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query))
                .put("tenant", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tenant")))
                .put(
                        "body",
                        new String(
                                exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void onConnectAnotherStatusRefusesWithItAndTheMappedBody() {
        server.respond(
                "/connect",
                403,
                Map.of("Content-Type", List.of("application/json")),
                "{\"why\":\"closed\"}".getBytes(StandardCharsets.UTF_8));
        WebSocketIntegration be =
                http("/connect")
                        .integrationResponseSelectionExpression(
                                "${integration.response.statuscode}")
                        .integrationResponse(
                                response(
                                        "/4\\d\\d/",
                                        Map.of("$default", "refused: $input.path('$.why')")))
                        .build();

        ConnectResult result = gateway(api(be, false, true)).connect(upgrade(), sink);

        assertThat(result).isEqualTo(new ConnectResult.Refused(403, "refused: closed"));
    }

    @Test
    void theIntegrationResponseIsSelectedByExactKeyThenPatternThenDefault() {
        server.respond("/s201", 201, Map.of(), "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        server.respond("/s404", 404, Map.of(), "{\"e\":\"gone\"}".getBytes(StandardCharsets.UTF_8));
        server.respond("/s500", 500, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> answers =
                Map.of("/s201", "exact 201", "/s404", "pattern gone", "/s500", "default 500");
        answers.forEach(
                (path, expected) -> {
                    WebSocketIntegration be =
                            http(path)
                                    .integrationResponseSelectionExpression(
                                            "${integration.response.statuscode}")
                                    .integrationResponse(
                                            response("201", Map.of("$default", "exact 201")))
                                    .integrationResponse(
                                            response(
                                                    "/4\\d\\d/",
                                                    Map.of(
                                                            "$default",
                                                            "pattern $input.path('$.e')")))
                                    .integrationResponse(
                                            response(
                                                    "$default",
                                                    Map.of(
                                                            "$default",
                                                            "default $context.routeKey")))
                                    .build();
                    RecordingSink own = new RecordingSink();
                    WebSocketGateway gateway = gateway(api(be, true, false));
                    String id =
                            ((ConnectResult.Accepted) gateway.connect(upgrade(), own))
                                    .connectionId();

                    gateway.message(id, Frame.text("{\"action\":\"send\"}"));

                    assertThat(own.texts())
                            .as(path)
                            .containsExactly(expected.replace("500", "send"));
                });
    }

    @Test
    void withoutAMatchingIntegrationResponseNothingGoesBack() {
        server.respond("/s500", 500, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        WebSocketIntegration be =
                http("/s500").integrationResponse(response("/2\\d\\d/", Map.of())).build();

        assertThat(exchange(gateway(api(be, true, false)), "{\"action\":\"send\"}")).isEmpty();
    }

    @Test
    void theResponseTemplateIsSelectedByStatusOrHeaderAndFallsBackToDefault() {
        server.respond(
                "/h",
                202,
                Map.of("X-Shape", List.of("short")),
                "{\"v\":7}".getBytes(StandardCharsets.UTF_8));
        WebSocketIntegration byHeader =
                http("/h")
                        .integrationResponse(
                                WebSocketIntegrationResponse.builder("$default")
                                        .templateSelectionExpression(
                                                "${integration.response.header.x-shape}")
                                        .responseTemplate("short", "v=$input.path('$.v')")
                                        .responseTemplate("$default", "long")
                                        .build())
                        .build();
        WebSocketIntegration byStatus =
                http("/h")
                        .integrationResponse(
                                WebSocketIntegrationResponse.builder("$default")
                                        .templateSelectionExpression(
                                                "${integration.response.statuscode}")
                                        .responseTemplate("200", "two hundred")
                                        .responseTemplate("$default", "status other")
                                        .build())
                        .build();

        assertThat(exchange(gateway(api(byHeader, true, false)), "{\"action\":\"send\"}"))
                .containsExactly("v=7");
        RecordingSink own = new RecordingSink();
        WebSocketGateway gateway = gateway(api(byStatus, true, false));
        String id = ((ConnectResult.Accepted) gateway.connect(upgrade(), own)).connectionId();
        gateway.message(id, Frame.text("{\"action\":\"send\"}"));
        assertThat(own.texts()).containsExactly("status other");
    }

    @Test
    void aOneWayRouteCallsTheBackendAndSendsNothing() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.handle(
                "/one",
                exchange -> {
                    bodies.add(
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        WebSocketIntegration be = http("/one").integrationResponse(passthrough()).build();

        assertThat(exchange(gateway(api(be, false, false)), "{\"action\":\"send\",\"n\":1}"))
                .isEmpty();
        assertThat(bodies).containsExactly("{\"action\":\"send\",\"n\":1}");
    }

    @Test
    void anHttpProxyIntegrationSendsTheMessageAsItIsAndReturnsTheAnswerAsItIs() {
        WebSocketIntegration proxy =
                WebSocketIntegration.builder("be")
                        .integrationType(IntegrationType.HTTP_PROXY)
                        .integrationUri(server.origin() + "/proxy")
                        .integrationMethod("PUT")
                        .requestTemplate("$default", "ignored")
                        .build();

        JsonNode echo = echoOf(exchange(gateway(api(proxy, true, false)), "{\"action\":\"send\"}"));

        assertThat(echo.get("method").asText()).isEqualTo("PUT");
        assertThat(sentBody(echo)).isEqualTo("{\"action\":\"send\"}");
    }

    @Test
    void anHttpProxyConnectForwardsTheUpgradesHeadersButNotTheWebSocketOnes() {
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        server.handle(
                "/proxy",
                exchange -> {
                    seen.add(requestOf(exchange));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        WebSocketIntegration proxy =
                WebSocketIntegration.builder("be")
                        .integrationType(IntegrationType.HTTP_PROXY)
                        .integrationUri(server.origin() + "/proxy")
                        .integrationMethod("POST")
                        .build();

        connect(gateway(api(proxy, false, true)));

        assertThat(seen)
                .singleElement()
                .satisfies(r -> assertThat(r.get("tenant").asText()).isEqualTo("acme"));
    }

    @Test
    void anAwsLambdaIntegrationGetsTheRenderedPayloadAndItsAnswerGoesBack() {
        WebSocketIntegration fn =
                WebSocketIntegration.builder("fn")
                        .integrationType(IntegrationType.AWS)
                        .integrationUri(LAMBDA_URI)
                        .requestTemplate(
                                "$default",
                                "{\"said\": $input.json('$.data'), \"cid\": \"$context.connectionId\"}")
                        .integrationResponse(passthrough())
                        .build();
        WebSocketGateway gateway =
                gateway(
                        api(fn, true, false),
                        b -> b.lambda("fn", LambdaHandlers.streamHandler(new EchoEventHandler())));
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"send\",\"data\":\"hey\"}"));

        JsonNode answer =
                LocalHttpServer.echoed(sink.texts().get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.get("body").asText())
                .isEqualTo("{\"said\": \"hey\", \"cid\": \"" + id + "\"}");
    }

    @Test
    void aLambdaFunctionErrorSelectsTheResponseByItsErrorMessage() {
        WebSocketIntegration fn =
                WebSocketIntegration.builder("fn")
                        .integrationType(IntegrationType.AWS)
                        .integrationUri(LAMBDA_URI)
                        .integrationResponse(
                                response(
                                        "/.*failed.*/",
                                        Map.of("$default", "sorry: $input.path('$.errorMessage')")))
                        .integrationResponse(response("$default", Map.of("$default", "fine")))
                        .build();
        WebSocketGateway gateway =
                gateway(
                        api(fn, true, false),
                        b -> b.lambda("fn", LambdaHandlers.requestHandler(new ThrowingHandler())));

        assertThat(exchange(gateway, "{\"action\":\"send\"}"))
                .containsExactly("sorry: the function failed");
    }

    @Test
    void aLambdaFunctionErrorOnConnectRefusesWith502() {
        WebSocketIntegration fn =
                WebSocketIntegration.builder("fn")
                        .integrationType(IntegrationType.AWS)
                        .integrationUri(LAMBDA_URI)
                        .build();
        WebSocketGateway gateway =
                gateway(
                        api(fn, false, true),
                        b -> b.lambda("fn", LambdaHandlers.requestHandler(new ThrowingHandler())));

        assertThat(gateway.connect(upgrade(), sink))
                .isEqualTo(
                        new ConnectResult.Refused(502, "{\"message\": \"Internal server error\"}"));
    }

    @Test
    void anAwsServiceIntegrationCallsTheBoundBackendWithTheMappedRequest() {
        RecordingAwsServiceBackend sqs =
                RecordingAwsServiceBackend.create().respondsWith(200, "{\"MessageId\":\"m-1\"}");
        WebSocketIntegration queue =
                WebSocketIntegration.builder("q")
                        .integrationType(IntegrationType.AWS)
                        .integrationUri("arn:aws:apigateway:us-east-1:sqs:path/123456789012/chat")
                        .integrationMethod("POST")
                        .requestParameter(
                                "integration.request.header.Content-Type",
                                "'application/x-www-form-urlencoded'")
                        .requestTemplate(
                                "$default",
                                "Action=SendMessage&MessageBody=$util.urlEncode($input.body)")
                        .integrationResponse(
                                response(
                                        "$default",
                                        Map.of("$default", "queued $input.path('$.MessageId')")))
                        .build();
        WebSocketGateway gateway = gateway(api(queue, true, false), b -> b.awsServiceBackend(sqs));

        assertThat(exchange(gateway, "{\"action\":\"send\"}")).containsExactly("queued m-1");
        RecordingAwsServiceBackend.RecordedCall call = sqs.lastCall();
        assertThat(call.service()).isEqualTo("sqs");
        assertThat(call.request().path()).isEqualTo("123456789012/chat");
        assertThat(call.request().headers().first("Content-Type"))
                .contains("application/x-www-form-urlencoded");
        assertThat(new String(call.body(), StandardCharsets.UTF_8))
                .isEqualTo("Action=SendMessage&MessageBody=%7B%22action%22%3A%22send%22%7D");
    }

    @Test
    void anAwsServiceIntegrationWithoutABackendFailsWith500() {
        WebSocketIntegration queue =
                WebSocketIntegration.builder("q")
                        .integrationType(IntegrationType.AWS)
                        .integrationUri("arn:aws:apigateway:us-east-1:sqs:path/123456789012/chat")
                        .integrationMethod("POST")
                        .build();

        assertThat(gateway(api(queue, false, true)).connect(upgrade(), sink))
                .isEqualTo(
                        new ConnectResult.Refused(500, "{\"message\": \"Internal server error\"}"));
    }

    @Test
    void aMockTemplateChoosesTheStatusAndItsResponseTemplateAnswers() {
        WebSocketIntegration mock =
                WebSocketIntegration.builder("m")
                        .mock()
                        .requestTemplate("$default", "{\"statusCode\": 200}")
                        .integrationResponse(
                                response(
                                        "$default",
                                        Map.of("$default", "{\"pong\": \"$context.routeKey\"}")))
                        .build();

        assertThat(exchange(gateway(api(mock, true, false)), "{\"action\":\"send\"}"))
                .containsExactly("{\"pong\": \"send\"}");
    }

    @Test
    void aMockConnectRefusesWithTheStatusItsTemplateChooses() {
        WebSocketIntegration mock =
                WebSocketIntegration.builder("m")
                        .mock()
                        .templateSelectionExpression("\\$default")
                        .requestTemplate(
                                "$default",
                                "#if($input.params('room') == 'blue'){\"statusCode\": 401}#else{\"statusCode\": 200}#end")
                        .build();

        assertThat(gateway(api(mock, false, true)).connect(upgrade(), sink))
                .isEqualTo(new ConnectResult.Refused(401, ""));
    }

    @Test
    void aMockTemplateWhoseOutputIsNotJsonFailsAsAnIntegrationFailure() {
        WebSocketIntegration mock =
                WebSocketIntegration.builder("m")
                        .mock()
                        .requestTemplate("$default", "not json {")
                        .integrationResponse(passthrough())
                        .build();

        assertThat(exchange(gateway(api(mock, true, false)), "{\"action\":\"send\"}"))
                .singleElement()
                .asString()
                .startsWith("{\"message\": \"Internal server error\"");
    }

    @Test
    void templatesSeeTheAuthorizersPrincipalAndContextOfTheConnection() {
        WebSocketIntegration mock =
                WebSocketIntegration.builder("m")
                        .mock()
                        .integrationResponse(
                                response(
                                        "$default",
                                        Map.of(
                                                "$default",
                                                "$context.authorizer.principalId"
                                                        + " $context.authorizer.tenant"
                                                        + " $context.authorizer.level")))
                        .build();
        WebSocketApi api =
                api(mock, true, false).toBuilder()
                        .integration(WebSocketIntegration.builder("c").mock().build())
                        .authorizer(
                                WebSocketAuthorizer.lambda(
                                                "auth",
                                                "arn:aws:lambda:us-east-1:123456789012:function:auth")
                                        .identitySource("route.request.header.Auth")
                                        .build())
                        .route(WebSocketRoute.CONNECT, r -> r.integrationId("c").custom("auth"))
                        .build();
        WebSocketGateway gateway =
                gateway(
                        api,
                        b ->
                                b.lambda(
                                        "auth",
                                        LambdaHandlers.requestHandler(
                                                new WebSocketAuthorizerHandler(),
                                                APIGatewayCustomAuthorizerEvent.class)));
        ConnectResult result =
                gateway.connect(
                        ConnectRequest.builder()
                                .header("Auth", "allow")
                                .sourceIp("203.0.113.9")
                                .build(),
                        sink);
        String id = ((ConnectResult.Accepted) result).connectionId();

        gateway.message(id, Frame.text("{\"action\":\"send\"}"));

        assertThat(sink.texts()).containsExactly("user-allow acme 3");
    }

    @Test
    void anUnreachableBackendAndATimeoutFailAndTheConnectionStaysOpen() {
        server.stallBeforeHeaders("/slow");
        WebSocketIntegration unreachable =
                WebSocketIntegration.builder("be")
                        .integrationType(IntegrationType.HTTP)
                        .integrationUri("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/x")
                        .integrationMethod("POST")
                        .integrationResponse(passthrough())
                        .build();
        WebSocketIntegration slow =
                http("/slow").timeoutInMillis(50).integrationResponse(passthrough()).build();
        WebSocketGateway gateway = gateway(api(unreachable, true, false));
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"send\"}"));
        gateway.message(id, Frame.text("{\"action\":\"send\"}"));

        assertThat(sink.texts())
                .hasSize(2)
                .allMatch(
                        t ->
                                t.startsWith(
                                        "{\"message\": \"Internal server error\", \"connectionId\":\""
                                                + id));
        assertThat(gateway.getConnection(id)).isNotNull();
        assertThat(gateway(api(slow, false, true)).connect(upgrade(), new RecordingSink()))
                .isEqualTo(
                        new ConnectResult.Refused(504, "{\"message\": \"Internal server error\"}"));
    }

    @Test
    void aHostileTemplateIsStoppedByTheBudgetsAndFailsAsAnIntegrationFailure() {
        WebSocketIntegration mock =
                WebSocketIntegration.builder("m")
                        .mock()
                        .integrationResponse(
                                response(
                                        "$default",
                                        Map.of(
                                                "$default",
                                                "#set($s = \"xxxxxxxxxx\")#foreach($i in [1..40])"
                                                        + "#set($s = \"$s$s\")#end$s")))
                        .build();
        WebSocketGateway gateway = gateway(api(mock, true, false));
        String id = connect(gateway);

        gateway.message(id, Frame.text("{\"action\":\"send\"}"));
        gateway.message(id, Frame.text("{\"action\":\"send\"}"));

        assertThat(sink.texts())
                .hasSize(2)
                .allMatch(t -> t.startsWith("{\"message\": \"Internal server error\""));
        assertThat(gateway.getConnection(id)).isNotNull();
    }
}
