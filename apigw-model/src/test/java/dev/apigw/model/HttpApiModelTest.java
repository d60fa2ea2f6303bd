package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Build-time validation of the HTTP API model (reference sections 4.2, 7.2, 8.5, 8.6, 9.1, 11.2):
 * routes and their references, integrations, authorizers, CORS and stages fail fast naming the
 * place.
 */
class HttpApiModelTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    private static HttpIntegration lambda(String id) {
        return HttpIntegration.builder(id).lambdaProxy(FN).build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET /pets",
                "ANY /{proxy+}",
                "POST /pets/{petId}/toys",
                "DELETE /a/{b}/{rest+}",
                "GET /",
                "$default",
                "PATCH /v1.2/x_y-z~:"
            })
    void parse_validRouteKey_printsAsWritten(String key) {
        assertThat(RouteKey.parse(key).toString()).isEqualTo(key);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "GET",
                "GET  /pets",
                "GET /pets extra",
                "FETCH /pets",
                "get /pets",
                "GET pets",
                "GET /pets/",
                "GET /a//b",
                "GET /{proxy+}/more",
                "GET /{bad name}",
                "GET /pets{id}",
                "$DEFAULT"
            })
    void parse_keyThatDoesNotParse_throwsNamingIt(String key) {
        assertThatThrownBy(() -> RouteKey.parse(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.isEmpty() ? "route key is required" : "'" + key);
    }

    @Test
    void segments_greedyPath_listsEachSegment() {
        assertThat(RouteKey.parse("ANY /a/{b}/{c+}").segments())
                .containsExactly("a", "{b}", "{c+}");
        assertThat(RouteKey.parse("GET /").segments()).isEmpty();
        assertThat(RouteKey.parse("$default").isDefault()).isTrue();
        assertThat(RouteKey.parse("ANY /x").isAnyMethod()).isTrue();
    }

    @Test
    void build_twoRoutesWithSameKey_throwsAwsMessage() {
        HttpApi.Builder b =
                HttpApi.builder("A")
                        .integration(lambda("i"))
                        .route("GET /pets", "i")
                        .route("GET /pets", "i");

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Route with key GET /pets already exists for this API");
    }

    @Test
    void build_routeNamingMissingIntegration_throwsNamingRoute() {
        HttpApi.Builder b = HttpApi.builder("A").route("GET /pets", "nope");

        assertThatThrownBy(b::build)
                .hasMessage("GET /pets: Invalid integration identifier specified: nope");
    }

    @Test
    void build_routeNamingMissingAuthorizer_throwsNamingRoute() {
        HttpApi.Builder b =
                HttpApi.builder("A")
                        .integration(lambda("i"))
                        .route("GET /pets", r -> r.integrationId("i").jwt("missing"));

        assertThatThrownBy(b::build)
                .hasMessage("GET /pets: Invalid authorizer identifier specified: missing");
    }

    @Test
    void build_jwtRouteWithLambdaAuthorizer_throwsNamingBoth() {
        HttpApi.Builder b =
                HttpApi.builder("A")
                        .authorizer(HttpAuthorizer.lambda("auth", FN, "2.0").build())
                        .route("GET /pets", r -> r.jwt("auth"));

        assertThatThrownBy(b::build)
                .hasMessage(
                        "GET /pets: authorizationType JWT needs a JWT authorizer, auth is REQUEST");
    }

    @Test
    void build_routeWithoutIntegration_isAllowed() {
        HttpApi api = HttpApi.builder("A").route(Route.builder("GET /x").build()).build();

        assertThat(api.route("GET /x").orElseThrow().integrationId()).isEmpty();
    }

    @Test
    void route_authorizationRules_failNamingRoute() {
        assertThatThrownBy(
                        () ->
                                Route.builder("GET /a")
                                        .authorizationType(AuthorizationType.JWT)
                                        .build())
                .hasMessage("GET /a: authorizationType JWT needs an authorizerId");
        assertThatThrownBy(
                        () ->
                                Route.builder("GET /a")
                                        .authorizationType(AuthorizationType.COGNITO_USER_POOLS)
                                        .build())
                .hasMessageContaining("COGNITO_USER_POOLS is for REST APIs");
        assertThatThrownBy(() -> Route.builder("GET /a").authorizerId("x").build())
                .hasMessageContaining("authorizerId is only for authorizationType JWT or CUSTOM");
        assertThatThrownBy(
                        () ->
                                Route.builder("GET /a")
                                        .custom("l")
                                        .authorizationScopes(List.of("s"))
                                        .build())
                .hasMessage("GET /a: authorizationScopes are only for JWT authorization");
        String[] eleven = new String[11];
        java.util.Arrays.fill(eleven, "s");
        assertThatThrownBy(() -> Route.builder("GET /a").jwt("j", eleven).build())
                .hasMessage("GET /a: at most 10 authorizationScopes, has 11");
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {50, 30_000})
    void build_timeoutAtBounds_isKept(int millis) {
        assertThat(
                        HttpIntegration.builder("i")
                                .lambdaProxy(FN)
                                .timeoutInMillis(millis)
                                .build()
                                .timeoutInMillis())
                .isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {0, 49, 30_001})
    void build_timeoutOutOfRange_throwsNamingIntegration(int millis) {
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .lambdaProxy(FN)
                                        .timeoutInMillis(millis)
                                        .build())
                .hasMessage(
                        "integration i: timeoutInMillis must be between 50 and 30000, was "
                                + millis);
    }

    @Test
    void build_integrationDefaults_followReference() {
        HttpIntegration lambda = lambda("l");
        HttpIntegration http = HttpIntegration.builder("h").httpProxy("ANY", "https://e").build();
        HttpIntegration sqs =
                HttpIntegration.builder("s")
                        .awsService(IntegrationSubtype.SQS_PURGE_QUEUE, Map.of("QueueUrl", "q"))
                        .build();

        assertThat(lambda.payloadFormatVersion()).isEqualTo("2.0");
        assertThat(lambda.timeoutInMillis()).isEqualTo(HttpIntegration.MAX_TIMEOUT_MILLIS);
        assertThat(http.payloadFormatVersion()).isEqualTo("1.0");
        assertThat(sqs.payloadFormatVersion()).isEqualTo("1.0");
        assertThat(sqs.integrationType()).isEqualTo(IntegrationType.AWS_PROXY);
    }

    @Test
    void build_integrationShapeErrors_throwNamingIntegration() {
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .integrationType(IntegrationType.MOCK)
                                        .build())
                .hasMessageContaining("integration i: integrationType MOCK is not supported");
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .httpProxy("GET", "https://e")
                                        .payloadFormatVersion("2.0")
                                        .build())
                .hasMessage(
                        "integration i: an HTTP_PROXY integration takes payloadFormatVersion 1.0");
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .awsService(IntegrationSubtype.SQS_PURGE_QUEUE, Map.of())
                                        .payloadFormatVersion("2.0")
                                        .build())
                .hasMessageContaining("takes payloadFormatVersion 1.0");
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .lambdaProxy(FN)
                                        .payloadFormatVersion("3.0")
                                        .build())
                .hasMessage("integration i: payloadFormatVersion must be 1.0 or 2.0, was 3.0");
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .integrationType(IntegrationType.AWS_PROXY)
                                        .build())
                .hasMessage("integration i: integrationUri is required");
        assertThatThrownBy(
                        () ->
                                HttpIntegration.builder("i")
                                        .integrationType(IntegrationType.HTTP_PROXY)
                                        .integrationUri("https://e")
                                        .build())
                .hasMessage("integration i: integrationMethod is required");
    }

    @Test
    void fromAwsName_anyCase_findsSubtype() {
        assertThat(IntegrationSubtype.fromAwsName("sqs-sendmessage"))
                .contains(IntegrationSubtype.SQS_SEND_MESSAGE);
        assertThat(IntegrationSubtype.fromAwsName("SQS-Explode")).isEmpty();
        assertThat(IntegrationSubtype.STEPFUNCTIONS_START_EXECUTION.requiredParameters())
                .containsExactly("StateMachineArn");
    }

    @Test
    void build_jwtAuthorizerWithoutIssuer_throws() {
        assertThatThrownBy(() -> HttpAuthorizer.jwt("j", "").build())
                .hasMessage("jwtConfiguration issuer is required");
        assertThatThrownBy(
                        () ->
                                HttpAuthorizer.builder("j")
                                        .authorizerType(HttpAuthorizerType.JWT)
                                        .identitySource(List.of("$request.header.Authorization"))
                                        .build())
                .hasMessage(
                        "authorizer j: a JWT authorizer needs a jwtConfiguration with an issuer");
    }

    @Test
    void build_authorizerRules_throwNamingAuthorizer() {
        assertThatThrownBy(
                        () ->
                                HttpAuthorizer.jwt("j", "https://i")
                                        .identitySource(List.of())
                                        .build())
                .hasMessage("authorizer j: a JWT authorizer takes exactly one identitySource");
        assertThatThrownBy(
                        () ->
                                HttpAuthorizer.lambda("l", FN, "2.0")
                                        .identitySource(List.of("method.request.header.X"))
                                        .build())
                .hasMessageContaining("identitySource method.request.header.X must be");
        assertThatThrownBy(
                        () ->
                                HttpAuthorizer.lambda("l", FN, "1.0")
                                        .enableSimpleResponses(true)
                                        .build())
                .hasMessage(
                        "authorizer l: enableSimpleResponses needs authorizerPayloadFormatVersion 2.0");
        assertThatThrownBy(() -> HttpAuthorizer.lambda("l", FN, null).build())
                .hasMessage("authorizer l: authorizerPayloadFormatVersion must be 1.0 or 2.0");
        assertThatThrownBy(() -> HttpAuthorizer.lambda("l", "", "2.0").build())
                .hasMessage("authorizer l: a REQUEST authorizer needs an authorizerUri");
        assertThatThrownBy(
                        () ->
                                HttpAuthorizer.lambda("l", FN, "2.0")
                                        .identitySource(List.of("$request.header.A"))
                                        .authorizerResultTtlInSeconds(3601)
                                        .build())
                .hasMessage(
                        "authorizer l: authorizerResultTtlInSeconds must be between 0 and 3600,"
                                + " was 3601");
        assertThatThrownBy(
                        () ->
                                HttpAuthorizer.lambda("l", FN, "2.0")
                                        .authorizerResultTtlInSeconds(60)
                                        .build())
                .hasMessage(
                        "authorizer l: caching (authorizerResultTtlInSeconds) needs an identitySource");
        assertThatThrownBy(
                        () ->
                                new JwtConfiguration(
                                        "https://i", java.util.Collections.nCopies(51, "a")))
                .hasMessage("jwtConfiguration audience has 51 entries, at most 50");
    }

    @Test
    void build_corsCredentialsWithAnyOrigin_throws() {
        assertThatThrownBy(
                        () ->
                                CorsConfiguration.builder()
                                        .allowOrigins("https://a.example.com", "*")
                                        .allowCredentials(true)
                                        .build())
                .hasMessage("cors: allowCredentials cannot be true when allowOrigins contains *");
        assertThat(
                        CorsConfiguration.builder()
                                .allowOrigins("https://a.example.com")
                                .allowCredentials(true)
                                .build()
                                .allowCredentials())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-2, 86_401})
    void build_corsMaxAgeOutOfRange_throws(int maxAge) {
        assertThatThrownBy(() -> CorsConfiguration.builder().maxAge(maxAge).build())
                .hasMessage("cors maxAge must be between -1 and 86400, was " + maxAge);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$default", "prod", "v1_2-b"})
    void build_validStageName_isKept(String name) {
        assertThat(HttpStage.builder(name).build().stageName()).isEqualTo(name);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"my stage", "st.age", "$prod", "a/b"})
    void build_invalidStageName_throwsNamingIt(String name) {
        assertThatThrownBy(() -> HttpStage.builder(name).build())
                .hasMessageStartingWith("stage " + name + ": the name must be $default or");
    }

    @Test
    void build_stageNameOf129Chars_throws() {
        assertThat(HttpStage.builder("s".repeat(128)).build().stageName()).hasSize(128);
        assertThatThrownBy(() -> HttpStage.builder("s".repeat(129)).build())
                .hasMessageContaining("at most 128");
    }

    @Test
    void build_stageRouteSettingsKeyThatDoesNotParse_throwsNamingStage() {
        assertThatThrownBy(
                        () ->
                                HttpStage.builder("prod")
                                        .routeSettings("GET pets", RouteSettings.throttled(1, 1))
                                        .build())
                .hasMessageStartingWith("stage prod routeSettings: route key 'GET pets'");
    }

    /**
     * AWS's CreateStage and UpdateStage refuse settings for a route the API does not have
     * (NotFoundException "Unable to find Route by key GET /some-route within the provided
     * RouteSettings", recorded in terraform-aws-modules/terraform-aws-apigateway-v2#80); an {@code
     * ANY} route takes its settings under {@code ANY}, not per method.
     */
    @Test
    void build_stageRouteSettingsForARouteTheApiLacks_throwsAwsMessage() {
        HttpApi.Builder api =
                HttpApi.builder("A")
                        .integration(lambda("i"))
                        .route("ANY /pets", r -> r.integrationId("i"))
                        .stage("prod", s -> s.routeSettings("ANY /pets", RouteSettings.NONE));
        assertThat(api.build().stages().get("prod").routeSettings()).containsKey("ANY /pets");

        assertThatThrownBy(
                        () ->
                                api.stage(
                                                "prod",
                                                s ->
                                                        s.routeSettings(
                                                                "GET /pets",
                                                                RouteSettings.throttled(1, 1)))
                                        .build())
                .hasMessage(
                        "stage prod: Unable to find Route by key GET /pets within the provided"
                                + " RouteSettings");
    }

    @Test
    void settingsOf_routeEntry_overridesDefaults() {
        HttpStage stage =
                HttpStage.builder("$default")
                        .defaultRouteSettings(new RouteSettings(true, 100, 50.0))
                        .routeSettings("GET /pets", new RouteSettings(false, 10, null))
                        .build();

        assertThat(stage.settingsOf("GET /pets")).isEqualTo(new RouteSettings(true, 10, 50.0));
        assertThat(stage.settingsOf("POST /x")).isEqualTo(new RouteSettings(true, 100, 50.0));
        assertThat(RouteSettings.NONE.throttle()).isEmpty();
        assertThat(new RouteSettings(false, 10, null).throttle().orElseThrow().rateLimit())
                .isEqualTo(10_000);
    }

    @Test
    void toBuilder_everyType_givesEqualCopy() {
        HttpApi api =
                HttpApi.builder("A")
                        .version("1")
                        .description("d")
                        .tag("k", "v")
                        .corsConfiguration(CorsConfiguration.builder().allowOrigins("*").build())
                        .integration(lambda("i"))
                        .authorizer(HttpAuthorizer.jwt("j", "https://i", "aud").build())
                        .route("GET /pets", r -> r.integrationId("i").jwt("j", "read"))
                        .stage("$default", s -> s.autoDeploy(true).stageVariable("a", "b"))
                        .build();

        assertThat(api.toBuilder().build()).isEqualTo(api);
        assertThat(api.routes().get("GET /pets").toBuilder().build())
                .isEqualTo(api.routes().get("GET /pets"));
        assertThat(api.integrations().get("i").toBuilder().build()).isEqualTo(lambda("i"));
        assertThat(api.authorizers().get("j").toBuilder().build())
                .isEqualTo(api.authorizers().get("j"));
        assertThat(api.stages().get("$default").toBuilder().build())
                .isEqualTo(api.stages().get("$default"));
        assertThat(api.corsConfiguration().orElseThrow().toBuilder().build())
                .isEqualTo(api.corsConfiguration().orElseThrow());
        assertThat(api.toBuilder().removeRoute("GET /pets").build().routes()).isEmpty();
    }
}
