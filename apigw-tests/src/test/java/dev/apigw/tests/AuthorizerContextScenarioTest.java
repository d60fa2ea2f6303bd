package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.AuthorizerApis.AUTHORIZER_ID;
import static dev.apigw.tests.AuthorizerApis.FUNCTION;
import static dev.apigw.tests.AuthorizerApis.builder;
import static dev.apigw.tests.AuthorizerApis.clock;
import static dev.apigw.tests.AuthorizerApis.restApi;
import static dev.apigw.tests.AuthorizerApis.token;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.ManualClock;
import dev.apigw.testkit.RecordingHttpBackend;
import dev.apigw.tests.lambda.EchoEventHandler;
import dev.apigw.tests.lambda.RequestPolicyHandler;
import dev.apigw.tests.lambda.TokenPolicyHandler;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What a Lambda authorizer established, where API Gateway passes it on (reference 1.2, 2.1, 3.2,
 * 5.2, 8.2): {@code requestContext.authorizer} of the Lambda proxy event, {@code
 * context.authorizer.*} as a parameter mapping source, {@code $context.authorizer.*} in gateway
 * responses, and the {@code usageIdentifierKey} as the API key of {@code apiKeySource: AUTHORIZER}.
 */
class AuthorizerContextScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = clock();
    private final TokenPolicyHandler tokens = new TokenPolicyHandler();

    private static Request call(String target, String token) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("Authorization", token)
                .build();
    }

    @Test
    void handle_lambdaProxy_receivesAuthorizerWithContextTypesAndLatency() throws IOException {
        Api api =
                builder(
                                restApi(
                                        token().build(),
                                        b ->
                                                b.resource(
                                                        "/proxy",
                                                        r ->
                                                                r.method(
                                                                        "GET",
                                                                        m ->
                                                                                m.authorizationType(
                                                                                                AuthorizationType
                                                                                                        .CUSTOM)
                                                                                        .authorizerId(
                                                                                                AUTHORIZER_ID)
                                                                                        .integration(
                                                                                                i ->
                                                                                                        i.type(
                                                                                                                        IntegrationType
                                                                                                                                .AWS_PROXY)
                                                                                                                .httpMethod(
                                                                                                                        "POST")
                                                                                                                .uri(
                                                                                                                        AuthorizerApis
                                                                                                                                .uri(
                                                                                                                                        "echo")))))),
                                clock)
                        .lambda(
                                FUNCTION,
                                LambdaHandlers.requestHandler(
                                        tokens, APIGatewayCustomAuthorizerEvent.class))
                        .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                        .build();

        Response first = api.handle(call("/live/proxy", "allow"));
        Response cached = api.handle(call("/live/proxy", "allow"));

        JsonNode authorizer = JSON.readTree(first.bodyAsString()).path("requestContext");
        assertThat(authorizer.path("authorizer").path("principalId").asText())
                .isEqualTo("user-allow");
        assertThat(authorizer.path("authorizer").path("tenant").isTextual()).isTrue();
        assertThat(authorizer.path("authorizer").path("level").isInt()).isTrue();
        assertThat(authorizer.path("authorizer").path("admin").isBoolean()).isTrue();
        assertThat(authorizer.path("authorizer").path("integrationLatency").isNumber()).isTrue();
        JsonNode again = JSON.readTree(cached.bodyAsString()).path("requestContext");
        assertThat(again.path("authorizer").toString())
                .isEqualTo(
                        "{\"principalId\":\"user-allow\",\"tenant\":\"acme\",\"level\":3,"
                                + "\"admin\":true,\"integrationLatency\":0}");
    }

    @Test
    void handle_parameterMappingFromAuthorizer_sendsItsValuesToTheBackend() {
        RecordingHttpBackend backend = RecordingHttpBackend.create().respondsWith(200, "{}");
        Api api =
                builder(
                                restApi(
                                        token().build(),
                                        b ->
                                                b.resource(
                                                        "/backend",
                                                        r ->
                                                                r.method(
                                                                        "GET",
                                                                        m ->
                                                                                m.authorizationType(
                                                                                                AuthorizationType
                                                                                                        .CUSTOM)
                                                                                        .authorizerId(
                                                                                                AUTHORIZER_ID)
                                                                                        .integration(
                                                                                                i ->
                                                                                                        i.type(
                                                                                                                        IntegrationType
                                                                                                                                .HTTP_PROXY)
                                                                                                                .httpMethod(
                                                                                                                        "GET")
                                                                                                                .uri(
                                                                                                                        "http://backend.example/who")
                                                                                                                .putRequestParameter(
                                                                                                                        "integration.request.header.X-Principal",
                                                                                                                        "context.authorizer.principalId")
                                                                                                                .putRequestParameter(
                                                                                                                        "integration.request.querystring.level",
                                                                                                                        "context.authorizer.level")
                                                                                                                .putRequestParameter(
                                                                                                                        "integration.request.header.X-Admin",
                                                                                                                        "context.authorizer.admin"))))),
                                clock)
                        .lambda(
                                FUNCTION,
                                LambdaHandlers.requestHandler(
                                        tokens, APIGatewayCustomAuthorizerEvent.class))
                        .httpBackend(backend)
                        .build();

        assertThat(api.handle(call("/live/backend", "allow"))).hasStatus(200);

        RecordingHttpBackend.RecordedRequest sent = backend.lastRequest();
        assertThat(sent.header("X-Principal")).contains("user-allow");
        assertThat(sent.header("X-Admin")).contains("true");
        assertThat(sent.uri().getRawQuery()).isEqualTo("level=3");
    }

    @Test
    void handle_deniedCaller_gatewayResponseReadsTheAuthorizerOutput() {
        Api api =
                builder(
                                restApi(
                                        token().build(),
                                        b ->
                                                b.gatewayResponse(
                                                        GatewayResponseType.ACCESS_DENIED,
                                                        g ->
                                                                g.putResponseParameter(
                                                                                "gatewayresponse.header.X-Principal",
                                                                                "context.authorizer.principalId")
                                                                        .putResponseTemplate(
                                                                                "application/json",
                                                                                "{\"denied\":\"$context.authorizer.principalId\","
                                                                                        + "\"tenant\":\"$context.authorizer.tenant\","
                                                                                        + "\"why\":$context.error.messageString}"))),
                                clock)
                        .lambda(
                                FUNCTION,
                                LambdaHandlers.requestHandler(
                                        tokens, APIGatewayCustomAuthorizerEvent.class))
                        .build();

        assertThat(api.handle(call("/live/pets", "deny")))
                .hasStatus(403)
                .hasHeader("X-Principal", "user-deny")
                .hasJsonBody(
                        "{\"denied\":\"user-deny\",\"tenant\":\"acme\",\"why\":\"User is not"
                                + " authorized to access this resource with an explicit deny\"}");
    }

    private Api keyedApi(RequestPolicyHandler handler, ApiKey key) {
        Authorizer authorizer =
                Authorizer.builder()
                        .id(AUTHORIZER_ID)
                        .name("request-auth")
                        .type(AuthorizerType.REQUEST)
                        .authorizerUri(AuthorizerApis.uri(FUNCTION))
                        .identitySource("method.request.header.X-User")
                        .build();
        return builder(
                        restApi(
                                authorizer,
                                b ->
                                        b.apiKeySource(ApiKeySourceType.AUTHORIZER)
                                                .resource(
                                                        "/orders",
                                                        r ->
                                                                r.method(
                                                                        "GET",
                                                                        m -> {
                                                                            AuthorizerApis.echo(
                                                                                    m, true);
                                                                            m.apiKeyRequired(true);
                                                                        }))),
                        clock)
                .lambda(
                        FUNCTION,
                        LambdaHandlers.requestHandler(
                                handler, APIGatewayCustomAuthorizerEvent.class))
                .apiKey(key)
                .usagePlan(
                        UsagePlan.builder()
                                .name("basic")
                                .addApiStage(AuthorizerApis.API_ID, "live")
                                .addApiKey(key)
                                .build())
                .build();
    }

    private static final ApiKey KEY =
            ApiKey.builder()
                    .id("key0000001")
                    .name("client")
                    .value("Client0123456789abcdefXYZ")
                    .build();

    @Test
    void handle_apiKeySourceAuthorizer_takesTheKeyFromUsageIdentifierKey() {
        RequestPolicyHandler handler = new RequestPolicyHandler();
        Api api = keyedApi(handler, KEY);

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/live/orders")
                                .header("X-User", "ann")
                                .header("X-Client", KEY.value())
                                .build());

        assertThat(response).hasStatus(200).hasBodyContaining("\"principal\":\"ann\"");
    }

    @Test
    void handle_apiKeySourceAuthorizerWithUnknownKey_answersInvalidApiKey() {
        Api api = keyedApi(new RequestPolicyHandler(), KEY);

        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/live/orders")
                                        .header("X-User", "ann")
                                        .header("X-Client", "Unknown0123456789abcdefXYZ")
                                        .build()))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void handle_apiKeySourceAuthorizer_ignoresTheApiKeyHeader() {
        Api api = keyedApi(new RequestPolicyHandler(), KEY);

        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/live/orders")
                                        .header("X-User", "ann")
                                        .header("x-api-key", KEY.value())
                                        .build()))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void handle_apiKeySourceAuthorizerOnStageWithoutPlan_answersInvalidApiKey() {
        Api api = keyedApi(new RequestPolicyHandler(), KEY);

        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/test/orders")
                                        .header("X-User", "ann")
                                        .header("X-Client", KEY.value())
                                        .build()))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
    }
}
