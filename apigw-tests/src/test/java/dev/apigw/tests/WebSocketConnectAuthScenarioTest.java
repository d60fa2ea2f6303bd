package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.ApiKey;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.IamCredentials;
import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.testkit.ManualClock;
import dev.apigw.tests.lambda.WebSocketAuthorizerHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Access control on {@code $connect} through {@link WebSocketGateway} (reference 7.3, 8.2, 8.3,
 * 8.7, 2.6): a Lambda REQUEST authorizer (a real handler class) allowing, denying, refusing with
 * {@code Unauthorized}, failing, and never called without its identity sources; its principal and
 * context in the {@code $connect}, message and {@code $disconnect} events; an {@code AWS_IAM} route
 * with SDK-signed, unsigned and badly signed upgrades; API keys from the header and from the
 * authorizer, valid, missing, unknown, disabled and outside the plan.
 */
class WebSocketConnectAuthScenarioTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final String AUTHORIZER_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:auth";
    private static final String METHOD_ARN =
            "arn:aws:execute-api:us-east-1:123456789012:chatapi123/prod/$connect";
    private static final String HOST = "chatapi123.execute-api.us-east-1.amazonaws.com";
    private static final String KEY_ID = "AKIAALICE00000000001";
    private static final String SECRET = "alice/secret/0123456789abcdefghijklmnopq";
    private static final ApiKey GOLD =
            ApiKey.builder().id("goldkeyid1").name("gold").value("Gold0123456789abcdefXYZ").build();

    private final ManualClock clock = ManualClock.startingAt(START);
    private final Gateway account =
            Gateway.builder()
                    .clock(clock)
                    .region("us-east-1")
                    .random(new SplittableRandom(7)::nextLong)
                    .build();
    private final RecordingSink sink = new RecordingSink();
    private final WebSocketAuthorizerHandler authorizer = new WebSocketAuthorizerHandler();
    private final WebSocketApis.Recorder chat = new WebSocketApis.Recorder();

    private static WebSocketApi api(Consumer<WebSocketRoute.Builder> connect) {
        return api(connect, WebSocketApi.API_KEY_HEADER);
    }

    private static WebSocketApi api(
            Consumer<WebSocketRoute.Builder> connect, String apiKeySelectionExpression) {
        return WebSocketApis.chat(true).toBuilder()
                .apiKeySelectionExpression(apiKeySelectionExpression)
                .authorizer(
                        WebSocketAuthorizer.lambda("auth", AUTHORIZER_ARN)
                                .identitySource("route.request.header.Auth", "context.stage")
                                .build())
                .removeRoute(WebSocketRoute.CONNECT)
                .route(
                        WebSocketRoute.CONNECT,
                        r -> {
                            r.integrationId("fn");
                            connect.accept(r);
                        })
                .build();
    }

    private WebSocketGateway.Builder builder(WebSocketApi api) {
        Map<String, IamCredentials> known =
                Map.of(
                        KEY_ID,
                        IamCredentials.of(
                                SECRET, "123456789012", "arn:aws:iam::123456789012:user/alice"));
        return WebSocketGateway.builder()
                .gateway(account)
                .webSocketApi(api)
                .stage("prod")
                .lambda("chat", chat)
                .lambda(
                        "auth",
                        LambdaHandlers.requestHandler(
                                authorizer, APIGatewayCustomAuthorizerEvent.class))
                .credentials(key -> Optional.ofNullable(known.get(key)));
    }

    private WebSocketGateway custom() {
        return builder(api(r -> r.custom("auth"))).build();
    }

    private static ConnectRequest.Builder upgrade() {
        return ConnectRequest.builder()
                .header("Host", HOST)
                .header("User-Agent", "test-agent")
                .queryParameter("room", "blue")
                .sourceIp("203.0.113.7");
    }

    private static ConnectRequest withAuth(String auth) {
        return upgrade().header("Auth", auth).build();
    }

    private static void assertRefused(ConnectResult result, int status, String body) {
        assertThat(result).isEqualTo(new ConnectResult.Refused(status, body));
    }

    private String accepted(ConnectResult result) {
        assertThat(result).isInstanceOf(ConnectResult.Accepted.class);
        return ((ConnectResult.Accepted) result).connectionId();
    }

    @Test
    void anAllowingAuthorizerAcceptsAndGetsTheRequestEvent() {
        accepted(custom().connect(withAuth("allow"), sink));

        assertThat(authorizer.events()).hasSize(1);
        APIGatewayCustomAuthorizerEvent event = authorizer.events().get(0);
        assertThat(event.getType()).isEqualTo("REQUEST");
        assertThat(event.getMethodArn()).isEqualTo(METHOD_ARN);
        assertThat(event.getHeaders()).containsEntry("Auth", "allow").containsEntry("Host", HOST);
        assertThat(event.getQueryStringParameters()).containsEntry("room", "blue");
        assertThat(event.getStageVariables()).isEmpty();
        assertThat(event.getRequestContext().getStage()).isEqualTo("prod");
        assertThat(event.getRequestContext().getApiId()).isEqualTo("chatapi123");
    }

    @Test
    void queryStringStageVariableAndContextSourcesFeedTheRawEvent() {
        WebSocketApi api =
                WebSocketApis.chat(true).toBuilder()
                        .stage("prod", s -> s.stageVariable("env", "blue"))
                        .authorizer(
                                WebSocketAuthorizer.lambda("raw", AUTHORIZER_ARN)
                                        .identitySource(
                                                "route.request.querystring.room",
                                                "stageVariables.env",
                                                "context.identity.sourceIp")
                                        .build())
                        .removeRoute(WebSocketRoute.CONNECT)
                        .route(WebSocketRoute.CONNECT, r -> r.integrationId("fn").custom("raw"))
                        .build();
        WebSocketApis.Recorder raw =
                new WebSocketApis.Recorder(
                        event ->
                                "{\"principalId\":\"p\",\"policyDocument\":{\"Version\":"
                                        + "\"2012-10-17\",\"Statement\":[{\"Action\":"
                                        + "\"execute-api:Invoke\",\"Effect\":\"Allow\","
                                        + "\"Resource\":\""
                                        + event.path("methodArn").asText()
                                        + "\"}]}}");
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(account)
                        .webSocketApi(api)
                        .stage("prod")
                        .lambda("chat", chat)
                        .lambda("auth", raw)
                        .build();

        String id = accepted(gateway.connect(upgrade().build(), sink));
        assertRefused(
                gateway.connect(ConnectRequest.builder().header("Host", HOST).build(), sink),
                401,
                "{\"message\":\"Unauthorized\"}");

        assertThat(raw.events()).hasSize(1);
        JsonNode event = raw.events().get(0);
        assertThat(event.fieldNames())
                .toIterable()
                .containsExactly(
                        "type",
                        "methodArn",
                        "headers",
                        "multiValueHeaders",
                        "queryStringParameters",
                        "multiValueQueryStringParameters",
                        "stageVariables",
                        "requestContext");
        assertThat(event.path("multiValueHeaders").path("User-Agent").get(0).asText())
                .isEqualTo("test-agent");
        assertThat(event.path("multiValueQueryStringParameters").path("room").get(0).asText())
                .isEqualTo("blue");
        assertThat(event.path("stageVariables").path("env").asText()).isEqualTo("blue");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("routeKey").asText()).isEqualTo("$connect");
        assertThat(context.path("eventType").asText()).isEqualTo("CONNECT");
        assertThat(context.path("connectionId").asText()).isEqualTo(id);
        assertThat(context.has("authorizer")).isFalse();
        assertThat(
                        chat.last("$connect")
                                .path("requestContext")
                                .path("authorizer")
                                .path("principalId")
                                .asText())
                .isEqualTo("p");
    }

    @Test
    void theAuthorizersPrincipalAndContextReachEveryEventOfTheConnection() {
        WebSocketGateway gateway = custom();
        String id = accepted(gateway.connect(withAuth("allow"), sink));
        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));
        gateway.disconnect(id, 1001, "");

        for (String route : new String[] {"$connect", "sendmessage", "$disconnect"}) {
            JsonNode context = chat.last(route).path("requestContext").path("authorizer");
            assertThat(context.path("principalId").asText()).as(route).isEqualTo("user-allow");
            assertThat(context.path("tenant").asText()).as(route).isEqualTo("acme");
            assertThat(context.path("level").asText()).as(route).isEqualTo("3");
            assertThat(context.path("admin").asText()).as(route).isEqualTo("true");
        }
        String connectRequestId =
                chat.last("$connect").path("requestContext").path("requestId").asText();
        assertThat(authorizer.events().get(0).getRequestContext().getRequestId())
                .isEqualTo(connectRequestId);
    }

    @Test
    void aDenyRefuses403WithoutCallingTheIntegration() {
        assertRefused(custom().connect(withAuth("deny"), sink), 403, "{\"message\":\"Forbidden\"}");
        assertThat(chat.events()).isEmpty();
    }

    @Test
    void anAllowOfAnotherRouteRefuses403() {
        assertRefused(
                custom().connect(withAuth("elsewhere"), sink), 403, "{\"message\":\"Forbidden\"}");
    }

    @Test
    void unauthorizedRefuses401() {
        assertRefused(
                custom().connect(withAuth("unauthorized"), sink),
                401,
                "{\"message\":\"Unauthorized\"}");
        assertThat(chat.events()).isEmpty();
    }

    @Test
    void anyOtherFunctionErrorRefuses500() {
        assertRefused(
                custom().connect(withAuth("boom"), sink),
                500,
                "{\"message\": \"Internal server error\"}");
        assertThat(chat.events()).isEmpty();
    }

    @Test
    void aMissingOrEmptyIdentitySourceRefuses401WithoutCallingTheFunction() {
        WebSocketGateway gateway = custom();

        assertRefused(
                gateway.connect(upgrade().build(), sink), 401, "{\"message\":\"Unauthorized\"}");
        assertRefused(gateway.connect(withAuth(""), sink), 401, "{\"message\":\"Unauthorized\"}");
        assertThat(authorizer.events()).isEmpty();
        assertThat(chat.events()).isEmpty();
    }

    @Test
    void eachUpgradeCallsTheAuthorizerNoCache() {
        WebSocketGateway gateway = custom();
        accepted(gateway.connect(withAuth("allow"), sink));
        accepted(gateway.connect(withAuth("allow"), sink));

        assertThat(authorizer.events()).hasSize(2);
    }

    @Test
    void anUnknownAuthorizerFunctionRefuses500() {
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(account)
                        .webSocketApi(api(r -> r.custom("auth")))
                        .stage("prod")
                        .lambda("chat", chat)
                        .build();

        assertRefused(
                gateway.connect(withAuth("allow"), sink),
                500,
                "{\"message\": \"Internal server error\"}");
    }

    // AWS_IAM

    private WebSocketGateway iam() {
        return builder(api(r -> r.authorizationType(AuthorizationType.AWS_IAM))).build();
    }

    private static ConnectRequest asUpgrade(Request signed) {
        ConnectRequest.Builder upgrade = ConnectRequest.builder().sourceIp("203.0.113.7");
        signed.headers().forEach(upgrade::header);
        if (!signed.rawQueryString().isEmpty()) {
            for (String pair : signed.rawQueryString().split("&")) {
                int eq = pair.indexOf('=');
                upgrade.queryParameter(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return upgrade.build();
    }

    private SigV4Requests signer(String secret) {
        return SigV4Requests.of(AwsCredentialsIdentity.create(KEY_ID, secret), clock, HOST);
    }

    @Test
    void aSignedUpgradeIsAcceptedAndItsIdentityReachesTheEvents() {
        WebSocketGateway gateway = iam();
        String id = accepted(gateway.connect(asUpgrade(signer(SECRET).sign("GET", "/prod")), sink));
        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));

        for (String route : new String[] {"$connect", "sendmessage"}) {
            JsonNode identity = chat.last(route).path("requestContext").path("identity");
            assertThat(identity.path("accessKey").asText()).as(route).isEqualTo(KEY_ID);
            assertThat(identity.path("accountId").asText()).isEqualTo("123456789012");
            assertThat(identity.path("caller").asText()).isEqualTo(KEY_ID);
            assertThat(identity.path("user").asText()).isEqualTo(KEY_ID);
            assertThat(identity.path("userArn").asText())
                    .isEqualTo("arn:aws:iam::123456789012:user/alice");
            assertThat(identity.path("sourceIp").asText()).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void aPresignedUpgradeIsAccepted() {
        accepted(iam().connect(asUpgrade(signer(SECRET).presigning().sign("GET", "/prod")), sink));
    }

    @Test
    void anUnsignedUpgradeRefuses403() {
        assertRefused(iam().connect(upgrade().build(), sink), 403, "{\"message\":\"Forbidden\"}");
        assertThat(chat.events()).isEmpty();
    }

    @Test
    void aBadSignatureRefuses403() {
        Request signed = signer("wrong/secret/0123456789abcdefghijklmno").sign("GET", "/prod");

        assertRefused(iam().connect(asUpgrade(signed), sink), 403, "{\"message\":\"Forbidden\"}");
    }

    @Test
    void aSignatureOfAnotherPathRefuses403() {
        Request signed = signer(SECRET).sign("GET", "/test");

        assertRefused(iam().connect(asUpgrade(signed), sink), 403, "{\"message\":\"Forbidden\"}");
    }

    // @connections over HTTP (reference 7.4)

    @Test
    void aSignedConnectionsCallIsAllowedAndAnUnsignedOrBadOneRefused() {
        WebSocketGateway gateway = iam();
        String path = "/prod/@connections/abc%3D";

        assertThat(gateway.manageConnectionsRefusal(signer(SECRET).sign("GET", path))).isEmpty();
        assertThat(
                        gateway.manageConnectionsRefusal(
                                Request.builder().httpMethod("GET").target(path).build()))
                .isPresent();
        assertThat(
                        gateway.manageConnectionsRefusal(
                                signer("wrong/secret/0123456789abcdefghijklmno").sign("GET", path)))
                .isPresent();
    }

    @Test
    void withoutCredentialsEveryConnectionsCallIsRefused() {
        WebSocketGateway gateway =
                WebSocketGateway.builder()
                        .gateway(account)
                        .webSocketApi(api(r -> {}))
                        .stage("prod")
                        .lambda("chat", chat)
                        .build();

        assertThat(
                        gateway.manageConnectionsRefusal(
                                signer(SECRET).sign("GET", "/prod/@connections/abc%3D")))
                .isPresent();
    }

    // API keys

    private WebSocketGateway keyed(WebSocketApi api, ApiKey key, String planStage) {
        return builder(api)
                .apiKey(key)
                .usagePlan(
                        UsagePlan.builder()
                                .name("basic")
                                .addApiStage("chatapi123", planStage)
                                .addApiKey(key)
                                .build())
                .build();
    }

    private WebSocketGateway keyed(ApiKey key, String planStage) {
        return keyed(api(r -> r.apiKeyRequired(true)), key, planStage);
    }

    private static ConnectRequest withKey(String key) {
        return upgrade().header("X-Api-Key", key).build();
    }

    @Test
    void aValidKeyIsAcceptedAndNamedInTheEvents() {
        WebSocketGateway gateway = keyed(GOLD, "prod");
        String id = accepted(gateway.connect(withKey(GOLD.value()), sink));
        gateway.message(id, Frame.text("{\"action\":\"sendmessage\"}"));

        for (String route : new String[] {"$connect", "sendmessage"}) {
            JsonNode identity = chat.last(route).path("requestContext").path("identity");
            assertThat(identity.path("apiKey").asText()).as(route).isEqualTo(GOLD.value());
            assertThat(identity.path("apiKeyId").asText()).as(route).isEqualTo("goldkeyid1");
        }
    }

    @Test
    void aMissingKeyRefuses403() {
        assertRefused(
                keyed(GOLD, "prod").connect(upgrade().build(), sink),
                403,
                "{\"message\":\"Forbidden\"}");
        assertThat(chat.events()).isEmpty();
    }

    @Test
    void anUnknownKeyRefuses403() {
        assertRefused(
                keyed(GOLD, "prod").connect(withKey("Unknown0123456789abcdefXYZ"), sink),
                403,
                "{\"message\":\"Forbidden\"}");
    }

    @Test
    void aDisabledKeyRefuses403() {
        ApiKey disabled = GOLD.toBuilder().enabled(false).build();

        assertRefused(
                keyed(disabled, "prod").connect(withKey(GOLD.value()), sink),
                403,
                "{\"message\":\"Forbidden\"}");
    }

    @Test
    void aKeyOfAPlanOfAnotherStageRefuses403() {
        assertRefused(
                keyed(GOLD, "test").connect(withKey(GOLD.value()), sink),
                403,
                "{\"message\":\"Forbidden\"}");
    }

    @Test
    void theAuthorizersUsageIdentifierKeyServesWhenTheExpressionNamesIt() {
        WebSocketApi api =
                api(r -> r.custom("auth").apiKeyRequired(true), WebSocketApi.API_KEY_AUTHORIZER);
        WebSocketGateway gateway = keyed(api, GOLD, "prod");

        accepted(gateway.connect(withAuth("key:" + GOLD.value()), sink));
        assertRefused(
                gateway.connect(
                        upgrade().header("Auth", "allow").header("x-api-key", GOLD.value()).build(),
                        sink),
                403,
                "{\"message\":\"Forbidden\"}");
        assertThat(
                        chat.last("$connect")
                                .path("requestContext")
                                .path("identity")
                                .path("apiKeyId")
                                .asText())
                .isEqualTo("goldkeyid1");
    }
}
