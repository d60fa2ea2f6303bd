package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Build-time validation of the WebSocket API model (reference sections 5.4, 7.3, 8.2, 8.3, 9.1,
 * 9.5): route keys, authorization and API keys on {@code $connect} only, route and integration
 * responses, integrations and their mapping sources, authorizers, stages and their route settings
 * fail fast naming the place; every type's {@code toBuilder()} gives an equal copy.
 */
class WebSocketApiModelTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    private static WebSocketIntegration lambda(String id) {
        return WebSocketIntegration.builder(id).lambdaProxy(FN).build();
    }

    private static WebSocketApi.Builder chat() {
        return WebSocketApi.builder("chat")
                .routeSelectionExpression("$request.body.action")
                .integration(lambda("i"));
    }

    @Test
    void build_chatApi_keepsRoutesInOrderWithDefaults() {
        WebSocketApi api =
                chat().route("$connect", "i")
                        .route("$disconnect", "i")
                        .route("sendmessage", r -> r.integrationId("i").twoWay())
                        .route(WebSocketRoute.builder("$default").build())
                        .build();

        assertThat(api.routes().keySet())
                .containsExactly("$connect", "$disconnect", "sendmessage", "$default");
        assertThat(api.apiKeySelectionExpression()).isEqualTo("$request.header.x-api-key");
        assertThat(api.routeSelectionExpression().variables())
                .extracting(SelectionExpression.Variable::name)
                .containsExactly("request.body.action");
        assertThat(api.route("sendmessage").orElseThrow().isTwoWay()).isTrue();
        assertThat(api.route("$connect").orElseThrow().isTwoWay()).isFalse();
        assertThat(api.route("$connect").orElseThrow().isPredefined()).isTrue();
        assertThat(api.route("sendmessage").orElseThrow().isPredefined()).isFalse();
        assertThat(api.route("$default").orElseThrow().integrationId()).isEmpty();
        assertThat(api.id()).isEqualTo(chat().build().id()).hasSize(10);
        WebSocketIntegration integration = api.integrations().get("i");
        assertThat(integration.timeoutInMillis()).isEqualTo(29_000);
        assertThat(integration.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_MATCH);
    }

    @Test
    void build_withoutRouteSelectionExpression_throwsNamingApi() {
        assertThatThrownBy(() -> WebSocketApi.builder("chat").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api chat: routeSelectionExpression is required");
    }

    @Test
    void build_malformedRouteSelectionExpression_throwsNamingApi() {
        assertThatThrownBy(
                        () ->
                                WebSocketApi.builder("chat")
                                        .routeSelectionExpression("${request.body.action")
                                        .build())
                .hasMessageStartingWith(
                        "api chat routeSelectionExpression: selection expression"
                                + " '${request.body.action': the ${ at position 0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$request.header.x-api-key", "$context.authorizer.usageIdentifierKey"})
    void build_supportedApiKeySelectionExpression_isKept(String expression) {
        assertThat(chat().apiKeySelectionExpression(expression).build().apiKeySelectionExpression())
                .isEqualTo(expression);
    }

    @Test
    void build_otherApiKeySelectionExpression_throws() {
        assertThatThrownBy(() -> chat().apiKeySelectionExpression("$request.header.key").build())
                .hasMessage(
                        "apiKeySelectionExpression $request.header.key must be"
                                + " $request.header.x-api-key or"
                                + " $context.authorizer.usageIdentifierKey");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$connect", "$disconnect", "$default", "sendmessage", "a b/c", "x$"})
    void build_validRouteKey_isKept(String key) {
        assertThat(WebSocketRoute.builder(key).build().routeKey()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$sendmessage", "$Connect", "$", "$default2"})
    void build_customKeyStartingWithDollar_throwsNamingRoute(String key) {
        assertThatThrownBy(() -> WebSocketRoute.builder(key).build())
                .hasMessage(
                        "route "
                                + key
                                + ": a custom route key must not start with $ (the predefined"
                                + " keys are $connect, $disconnect and $default)");
    }

    @Test
    void build_emptyRouteKey_throws() {
        assertThatThrownBy(() -> WebSocketRoute.builder("").build())
                .hasMessage("route key is required");
    }

    @Test
    void build_twoRoutesWithSameKey_throwsAwsMessage() {
        assertThatThrownBy(() -> chat().route("sendmessage", "i").route("sendmessage", "i").build())
                .hasMessage("Route with key sendmessage already exists for this API");
    }

    @Test
    void build_routeNamingMissingIntegrationOrAuthorizer_throwsNamingRoute() {
        assertThatThrownBy(() -> chat().route("sendmessage", "nope").build())
                .hasMessage("sendmessage: Invalid integration identifier specified: nope");
        assertThatThrownBy(() -> chat().route("$connect", r -> r.custom("nope")).build())
                .hasMessage("$connect: Invalid authorizer identifier specified: nope");
    }

    @Test
    void build_connectWithAuthorizerAndApiKey_isKept() {
        WebSocketApi api =
                chat().authorizer(
                                WebSocketAuthorizer.lambda("auth", FN)
                                        .identitySource("route.request.querystring.token")
                                        .build())
                        .route(
                                "$connect",
                                r -> r.integrationId("i").custom("auth").apiKeyRequired(true))
                        .build();

        WebSocketRoute connect = api.route("$connect").orElseThrow();
        assertThat(connect.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(connect.authorizerId()).contains("auth");
        assertThat(connect.apiKeyRequired()).isTrue();
        assertThat(api.authorizers().get("auth").authorizerType()).isEqualTo("REQUEST");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$disconnect", "$default", "sendmessage"})
    void build_authorizationOffConnect_throwsNamingRoute(String key) {
        assertThatThrownBy(
                        () ->
                                WebSocketRoute.builder(key)
                                        .authorizationType(AuthorizationType.AWS_IAM)
                                        .build())
                .hasMessage(
                        "route "
                                + key
                                + ": authorizationType AWS_IAM: authorization is only supported on"
                                + " the $connect route");
        assertThatThrownBy(() -> WebSocketRoute.builder(key).custom("a").build())
                .hasMessageContaining("authorization is only supported on the $connect route");
        assertThatThrownBy(() -> WebSocketRoute.builder(key).apiKeyRequired(true).build())
                .hasMessage(
                        "route "
                                + key
                                + ": apiKeyRequired is only supported on the $connect route");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = AuthorizationType.class,
            names = {"JWT", "COGNITO_USER_POOLS"})
    void build_authorizationTypeOfOtherApis_throws(AuthorizationType type) {
        assertThatThrownBy(
                        () ->
                                WebSocketRoute.builder("$connect")
                                        .authorizationType(type)
                                        .authorizerId("a")
                                        .build())
                .hasMessage(
                        "route $connect: authorizationType "
                                + type
                                + " is not supported by WebSocket APIs (NONE, AWS_IAM or CUSTOM)");
    }

    @Test
    void build_customWithoutAuthorizerOrAuthorizerWithoutCustom_throws() {
        assertThatThrownBy(
                        () ->
                                WebSocketRoute.builder("$connect")
                                        .authorizationType(AuthorizationType.CUSTOM)
                                        .build())
                .hasMessage("route $connect: authorizationType CUSTOM needs an authorizerId");
        assertThatThrownBy(() -> WebSocketRoute.builder("$connect").authorizerId("a").build())
                .hasMessage(
                        "route $connect: authorizerId is only for authorizationType CUSTOM, not NONE");
    }

    @Test
    void build_routeResponseSelectionOtherThanDefault_throws() {
        assertThatThrownBy(
                        () ->
                                WebSocketRoute.builder("sendmessage")
                                        .routeResponseSelectionExpression("$request.body.x")
                                        .build())
                .hasMessage(
                        "route sendmessage: routeResponseSelectionExpression $request.body.x:"
                                + " only $default is supported");
        assertThatThrownBy(() -> WebSocketRouteResponse.builder("other").build())
                .hasMessage(
                        "route response other: only the routeResponseKey $default is supported");
    }

    @Test
    void build_requestParameters_onlyHeaderAndQueryString() {
        WebSocketRoute route =
                WebSocketRoute.builder("$connect")
                        .requestParameter("route.request.querystring.token", true)
                        .requestParameter("route.request.header.Auth", false)
                        .build();
        assertThat(route.requestParameters())
                .containsExactly(
                        Map.entry("route.request.querystring.token", true),
                        Map.entry("route.request.header.Auth", false));

        assertThatThrownBy(
                        () ->
                                WebSocketRoute.builder("$connect")
                                        .requestParameter("method.request.header.A", true)
                                        .build())
                .hasMessage(
                        "route $connect: request parameter method.request.header.A must be"
                                + " route.request.header.NAME or route.request.querystring.NAME");
    }

    @Test
    void build_malformedModelSelectionExpression_throwsNamingRoute() {
        assertThatThrownBy(
                        () -> WebSocketRoute.builder("a").modelSelectionExpression("${x").build())
                .hasMessageStartingWith("route a modelSelectionExpression: selection expression");
        assertThatThrownBy(
                        () ->
                                WebSocketRouteResponse.builder()
                                        .modelSelectionExpression("$")
                                        .build())
                .hasMessageStartingWith("route response $default: selection expression '$'");
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {50, 29_000})
    void build_timeoutAtBounds_isKept(int millis) {
        assertThat(
                        WebSocketIntegration.builder("i")
                                .lambdaProxy(FN)
                                .timeoutInMillis(millis)
                                .build()
                                .timeoutInMillis())
                .isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {0, 49, 29_001, 30_000})
    void build_timeoutOutOfRange_throwsNamingIntegration(int millis) {
        assertThatThrownBy(
                        () ->
                                WebSocketIntegration.builder("i")
                                        .lambdaProxy(FN)
                                        .timeoutInMillis(millis)
                                        .build())
                .hasMessage(
                        "integration i: timeoutInMillis must be between 50 and 29000, was "
                                + millis);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IntegrationType.class)
    void build_everyIntegrationType_isSupported(IntegrationType type) {
        WebSocketIntegration.Builder b = WebSocketIntegration.builder("i").integrationType(type);
        if (type != IntegrationType.MOCK) {
            b.integrationUri(FN).integrationMethod("POST");
        }

        assertThat(b.build().integrationType()).isEqualTo(type);
    }

    @Test
    void build_integrationShapeErrors_throwNamingIntegration() {
        assertThatThrownBy(() -> WebSocketIntegration.builder("i").build())
                .hasMessage("integration i: integrationType is required");
        assertThatThrownBy(
                        () ->
                                WebSocketIntegration.builder("i")
                                        .integrationType(IntegrationType.AWS)
                                        .build())
                .hasMessage("integration i: integrationUri is required");
        assertThatThrownBy(
                        () ->
                                WebSocketIntegration.builder("i")
                                        .integrationType(IntegrationType.HTTP)
                                        .integrationUri("https://e")
                                        .build())
                .hasMessage("integration i: integrationMethod is required");
        assertThatThrownBy(
                        () ->
                                WebSocketIntegration.builder("i")
                                        .mock()
                                        .templateSelectionExpression("${")
                                        .build())
                .hasMessageStartingWith(
                        "integration i templateSelectionExpression: selection expression '${'");
    }

    @Test
    void build_mappingSourcesOfReference_areAccepted() {
        WebSocketIntegration integration =
                WebSocketIntegration.builder("i")
                        .integrationType(IntegrationType.HTTP)
                        .integrationUri("https://e")
                        .integrationMethod("POST")
                        .requestParameter("integration.request.header.a", "route.request.header.A")
                        .requestParameter(
                                "integration.request.querystring.b",
                                "route.request.multivaluequerystring.b")
                        .requestParameter(
                                "integration.request.path.c", "route.request.body.data.room")
                        .requestParameter("integration.request.header.d", "stageVariables.d")
                        .requestParameter("integration.request.header.e", "context.connectionId")
                        .requestParameter("integration.request.header.f", "'static'")
                        .build();

        assertThat(integration.connectOnlySources())
                .containsExactly("route.request.header.A", "route.request.multivaluequerystring.b");
    }

    @Test
    void build_badMappingTargetOrSource_throwsNamingIntegration() {
        WebSocketIntegration.Builder b = WebSocketIntegration.builder("i").mock();

        assertThatThrownBy(
                        () ->
                                b.requestParameters(
                                                Map.of(
                                                        "integration.request.body.x",
                                                        "context.stage"))
                                        .build())
                .hasMessageStartingWith(
                        "integration i: request parameter integration.request.body.x must be");
        assertThatThrownBy(
                        () ->
                                b.requestParameters(
                                                Map.of(
                                                        "integration.request.header.x",
                                                        "method.request.header.x"))
                                        .build())
                .hasMessageStartingWith(
                        "integration i: request parameter integration.request.header.x: the"
                                + " source method.request.header.x must be");
    }

    @Test
    void build_connectOnlySourceOnAnotherRoute_throwsNamingRoute() {
        WebSocketIntegration headers =
                WebSocketIntegration.builder("h")
                        .lambdaProxy(FN)
                        .requestParameter("integration.request.header.a", "route.request.header.A")
                        .build();
        WebSocketApi.Builder api = chat().integration(headers).route("$connect", "h");
        assertThat(api.build().routes()).containsKey("$connect");

        assertThatThrownBy(() -> api.route("sendmessage", "h").build())
                .hasMessage(
                        "sendmessage: integration h maps route.request.header.A, which only the"
                                + " $connect route has");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$default", "200", "599", "/4\\d\\d/", "/.*error.*/"})
    void build_validIntegrationResponseKey_isKept(String key) {
        assertThat(WebSocketIntegrationResponse.builder(key).build().integrationResponseKey())
                .isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "600", "20", "/[/", "x/"})
    void build_invalidIntegrationResponseKey_throws(String key) {
        assertThatThrownBy(() -> WebSocketIntegrationResponse.builder(key).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("integration response " + key);
    }

    @Test
    void isPattern_slashes_markAPattern() {
        assertThat(WebSocketIntegrationResponse.builder("/2\\d\\d/").build().isPattern()).isTrue();
        assertThat(WebSocketIntegrationResponse.builder("200").build().isPattern()).isFalse();
    }

    @Test
    void build_authorizerIdentitySources_areValidated() {
        WebSocketAuthorizer ok =
                WebSocketAuthorizer.lambda("a", FN)
                        .identitySource(
                                "route.request.header.Auth",
                                "route.request.querystring.token",
                                "stageVariables.s",
                                "context.requestId")
                        .build();
        assertThat(ok.identitySource()).hasSize(4);
        assertThat(ok.authorizerId()).isEqualTo("a");

        assertThatThrownBy(
                        () ->
                                WebSocketAuthorizer.lambda("a", FN)
                                        .identitySource("$request.header.Auth")
                                        .build())
                .hasMessage(
                        "authorizer a: identitySource $request.header.Auth must be"
                                + " route.request.header.NAME, route.request.querystring.NAME,"
                                + " stageVariables.NAME or context.NAME");
        assertThatThrownBy(() -> WebSocketAuthorizer.lambda("a", "").build())
                .hasMessage("authorizer a: authorizerUri is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"production", "v1_2-b"})
    void build_validStageName_isKept(String name) {
        assertThat(WebSocketStage.builder(name).build().stageName()).isEqualTo(name);
    }

    @Test
    void build_defaultStage_throws() {
        assertThatThrownBy(() -> WebSocketStage.builder("$default").build())
                .hasMessage(
                        "stage $default: a WebSocket API stage needs a name of letters, digits, -"
                                + " and _; $default is for HTTP APIs");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"my stage", "st.age", "$prod"})
    void build_invalidStageName_throwsNamingIt(String name) {
        assertThatThrownBy(() -> WebSocketStage.builder(name).build())
                .hasMessage(
                        "stage "
                                + name
                                + ": the name must be letters, digits, - and _ (at most 128)");
    }

    @Test
    void build_stageRouteSettingsForARouteTheApiLacks_throwsAwsMessage() {
        WebSocketApi.Builder api =
                chat().route("sendmessage", "i")
                        .stage(
                                "production",
                                s ->
                                        s.routeSettings(
                                                "sendmessage",
                                                WebSocketRouteSettings.throttled(10, 5)));
        assertThat(api.build().stages().get("production").routeSettings())
                .containsKey("sendmessage");

        assertThatThrownBy(
                        () ->
                                api.stage(
                                                "production",
                                                s ->
                                                        s.routeSettings(
                                                                "join",
                                                                WebSocketRouteSettings.NONE))
                                        .build())
                .hasMessage(
                        "stage production: Unable to find Route by key join within the provided"
                                + " RouteSettings");
    }

    @Test
    void settingsOf_routeEntry_overridesDefaults() {
        WebSocketStage stage =
                WebSocketStage.builder("production")
                        .defaultRouteSettings(
                                new WebSocketRouteSettings(
                                        true, false, LoggingLevel.INFO, 100, 50.0))
                        .routeSettings(
                                "sendmessage",
                                new WebSocketRouteSettings(
                                        false, true, LoggingLevel.ERROR, 10, null))
                        .build();

        assertThat(stage.settingsOf("sendmessage"))
                .isEqualTo(new WebSocketRouteSettings(true, true, LoggingLevel.ERROR, 10, 50.0));
        assertThat(stage.settingsOf("$connect"))
                .isEqualTo(new WebSocketRouteSettings(true, false, LoggingLevel.INFO, 100, 50.0));
        assertThat(WebSocketRouteSettings.NONE.throttle()).isEmpty();
        assertThat(WebSocketRouteSettings.throttled(10, 5).throttle())
                .contains(new ThrottleSettings(10, 5));
        assertThatThrownBy(() -> WebSocketRouteSettings.throttled(-1, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilder_everyType_givesEqualCopy() {
        WebSocketIntegrationResponse response =
                WebSocketIntegrationResponse.builder("/2\\d\\d/")
                        .responseParameters(Map.of("method.response.header.a", "'b'"))
                        .responseTemplate("$default", "{\"ok\":true}")
                        .templateSelectionExpression("${integration.response.statuscode}")
                        .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_TEXT)
                        .build();
        WebSocketIntegration integration =
                WebSocketIntegration.builder("h")
                        .integrationType(IntegrationType.HTTP)
                        .integrationUri("https://e")
                        .integrationMethod("POST")
                        .credentialsArn("arn:aws:iam::1:role/r")
                        .passthroughBehavior(PassthroughBehavior.NEVER)
                        .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_BINARY)
                        .requestParameter("integration.request.header.a", "route.request.header.A")
                        .requestTemplate("join", "{}")
                        .templateSelectionExpression("${request.body.action}")
                        .timeoutInMillis(1000)
                        .integrationResponseSelectionExpression(
                                "${integration.response.statuscode}")
                        .integrationResponse(response)
                        .description("d")
                        .build();
        WebSocketRouteResponse routeResponse =
                WebSocketRouteResponse.builder()
                        .modelSelectionExpression("\\$default")
                        .responseModels(Map.of("$default", "M"))
                        .build();
        WebSocketAuthorizer authorizer =
                WebSocketAuthorizer.lambda("auth", FN)
                        .authorizerId("a1")
                        .identitySource(List.of("route.request.header.Auth"))
                        .authorizerCredentialsArn("arn:aws:iam::1:role/r")
                        .build();
        WebSocketApi api =
                chat().description("d")
                        .tag("k", "v")
                        .disableExecuteApiEndpoint(true)
                        .apiKeySelectionExpression(WebSocketApi.API_KEY_AUTHORIZER)
                        .integration(integration)
                        .authorizer(authorizer)
                        .route(
                                "$connect",
                                r ->
                                        r.integrationId("h")
                                                .custom("a1")
                                                .apiKeyRequired(true)
                                                .requestParameter("route.request.header.A", true)
                                                .operationName("connect"))
                        .route(
                                "sendmessage",
                                r ->
                                        r.integrationId("i")
                                                .routeResponseSelectionExpression("$default")
                                                .routeResponse(routeResponse)
                                                .requestModels(Map.of("$default", "M"))
                                                .modelSelectionExpression("\\$default"))
                        .stage(
                                "production",
                                s ->
                                        s.description("d")
                                                .stageVariable("a", "b")
                                                .defaultRouteSettings(
                                                        WebSocketRouteSettings.throttled(1, 1))
                                                .routeSettings(
                                                        "sendmessage", WebSocketRouteSettings.NONE)
                                                .accessLogSettings(
                                                        new AccessLogSettings(
                                                                "$context.requestId", "arn:x")))
                        .build();

        assertThat(api.toBuilder().build()).isEqualTo(api);
        for (WebSocketRoute route : api.routes().values()) {
            assertThat(route.toBuilder().build()).isEqualTo(route);
        }
        assertThat(integration.toBuilder().build()).isEqualTo(integration);
        assertThat(response.toBuilder().build()).isEqualTo(response);
        assertThat(routeResponse.toBuilder().build()).isEqualTo(routeResponse);
        assertThat(authorizer.toBuilder().build()).isEqualTo(authorizer);
        WebSocketStage stage = api.stages().get("production");
        assertThat(stage.toBuilder().build()).isEqualTo(stage);
        assertThat(api.toBuilder().removeRoute("$connect").build().routes())
                .containsOnlyKeys("sendmessage");
    }
}
