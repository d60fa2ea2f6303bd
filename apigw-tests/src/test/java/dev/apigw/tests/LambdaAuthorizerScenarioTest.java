package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.AuthorizerApis.api;
import static dev.apigw.tests.AuthorizerApis.clock;
import static dev.apigw.tests.AuthorizerApis.methodArn;
import static dev.apigw.tests.AuthorizerApis.restApi;
import static dev.apigw.tests.AuthorizerApis.token;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.testkit.ManualClock;
import dev.apigw.tests.lambda.ScriptedAuthorizerHandler;
import dev.apigw.tests.lambda.TokenPolicyHandler;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TOKEN Lambda authorizers through {@link Api#handle} (reference 8.3): the event, the policy
 * evaluated per method ARN, the result cache and its TTL and flush, and every refusal, with a real
 * {@code RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse>} and stream handlers.
 */
class LambdaAuthorizerScenarioTest {
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    private static final String NOT_AUTHORIZED =
            "{\"message\":\"User is not authorized to access this resource\"}";
    private static final String EXPLICIT_DENY =
            "{\"message\":\"User is not authorized to access this resource with an explicit"
                    + " deny\"}";

    private final TokenPolicyHandler handler = new TokenPolicyHandler();
    private final ManualClock clock = clock();

    private Api tokenApi() {
        return api(restApi(token().build(), b -> {}), handler, clock);
    }

    private static Request call(String method, String target, String token) {
        return Request.builder()
                .httpMethod(method)
                .target(target)
                .header("Authorization", token)
                .build();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response)
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED)
                .hasBody(UNAUTHORIZED);
    }

    private static void assertConfigurationError(Response response) {
        assertThat(response)
                .hasStatus(500)
                .hasHeader("x-amzn-ErrorType", "AuthorizerConfigurationException")
                .hasJsonBody("{\"message\":null}");
    }

    @Test
    void handle_tokenAllowed_integrationSeesPrincipalAndStringifiedContext() {
        Response response = tokenApi().handle(call("GET", "/live/pets", "allow"));

        assertThat(response)
                .hasStatus(200)
                .hasJsonBody(
                        "{\"principal\":\"user-allow\",\"tenant\":\"acme\",\"level\":\"3\","
                                + "\"admin\":\"true\"}");
        assertThat(handler.calls()).isEqualTo(1);
        assertThat(handler.lastEvent().getType()).isEqualTo("TOKEN");
        assertThat(handler.lastEvent().getAuthorizationToken()).isEqualTo("allow");
        assertThat(handler.lastEvent().getMethodArn()).isEqualTo(methodArn("live", "GET", "pets"));
    }

    @Test
    void handle_methodArnOfPathWithValues_carriesRealPath() {
        tokenApi().handle(call("GET", "/live/pets/a1b2", "allow"));

        assertThat(handler.lastEvent().getMethodArn())
                .isEqualTo(methodArn("live", "GET", "pets/a1b2"));
    }

    @Test
    void handle_cachedWildcardPolicy_answersOtherMethodsWithoutCallingTheFunction() {
        Api api = tokenApi();

        assertThat(api.handle(call("GET", "/live/pets", "allow"))).hasStatus(200);
        assertThat(api.handle(call("POST", "/live/pets", "allow"))).hasStatus(200);
        assertThat(api.handle(call("GET", "/live/pets/7", "allow")))
                .hasStatus(200)
                .hasJsonBody(
                        "{\"principal\":\"user-allow\",\"tenant\":\"acme\",\"level\":\"3\","
                                + "\"admin\":\"true\"}");
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void handle_cachedPolicyForOneMethod_deniesTheOthersWithoutCallingTheFunction() {
        Api api = tokenApi();

        assertThat(api.handle(call("GET", "/live/pets", "exact"))).hasStatus(200);
        assertThat(api.handle(call("GET", "/live/pets/7", "exact")))
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasBody(NOT_AUTHORIZED);
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void handle_cachedPolicyForGetOnly_deniesPost() {
        Api api = tokenApi();

        assertThat(api.handle(call("GET", "/live/pets/9", "allow-get"))).hasStatus(200);
        assertThat(api.handle(call("GET", "/live/pets", "allow-get"))).hasStatus(200);
        assertThat(api.handle(call("POST", "/live/pets", "allow-get")))
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasBody(NOT_AUTHORIZED);
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void handle_denyPolicy_answers403ExplicitDenyAndCachesIt() {
        Api api = tokenApi();

        assertThat(api.handle(call("GET", "/live/pets", "deny")))
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasBody(EXPLICIT_DENY);
        assertThat(api.handle(call("POST", "/live/pets", "deny"))).hasBody(EXPLICIT_DENY);
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void handle_methodWithoutAuthorization_doesNotCallTheFunction() {
        Response response = tokenApi().handle(Request.of("GET", "/live/open"));

        assertThat(response).hasStatus(200);
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_missingToken_answers401WithoutCallingTheFunction() {
        assertUnauthorized(tokenApi().handle(Request.of("GET", "/live/pets")));
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_emptyToken_answers401WithoutCallingTheFunction() {
        assertUnauthorized(tokenApi().handle(call("GET", "/live/pets", "")));
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_tokenNotMatchingValidationExpression_answers401WithoutCallingTheFunction() {
        Api api =
                api(
                        restApi(
                                token().identityValidationExpression("^(allow|deny)$").build(),
                                b -> {}),
                        handler,
                        clock);

        assertUnauthorized(api.handle(call("GET", "/live/pets", "Bearer allow")));
        assertUnauthorized(api.handle(call("GET", "/live/pets", "allowed")));
        assertThat(handler.calls()).isZero();
        assertThat(api.handle(call("GET", "/live/pets", "allow"))).hasStatus(200);
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void handle_functionFailsWithUnauthorized_answers401AndCachesNothing() {
        Api api = tokenApi();

        assertUnauthorized(api.handle(call("GET", "/live/pets", "unauthorized")));
        assertUnauthorized(api.handle(call("GET", "/live/pets", "unauthorized")));
        assertThat(handler.calls()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "boom"})
    void handle_functionFailsWithAnotherMessage_answers500AndCachesNothing(String token) {
        Api api = tokenApi();

        assertConfigurationError(api.handle(call("GET", "/live/pets", token)));
        assertConfigurationError(api.handle(call("GET", "/live/pets", token)));
        assertThat(handler.calls()).isEqualTo(2);
    }

    @Test
    void handle_functionNotBound_answers500() {
        Api api = AuthorizerApis.builder(restApi(token().build(), b -> {}), clock).build();

        assertConfigurationError(api.handle(call("GET", "/live/pets", "allow")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "null",
                "[]",
                "\"allow\"",
                "{}",
                "{\"principalId\":\"u\"}",
                "{\"principalId\":7,\"policyDocument\":{\"Statement\":[]}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Maybe\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]}}",
                "{\"principalId\":\"u\",\"policyDocument\":\"allow\"}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},"
                        + "\"context\":{\"user\":{\"id\":1}}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},"
                        + "\"context\":{\"roles\":[\"a\"]}}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},"
                        + "\"context\":\"a\"}",
                "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},"
                        + "\"usageIdentifierKey\":42}"
            })
    void handle_malformedAnswer_answers500AndCachesNothing(String answer) {
        ScriptedAuthorizerHandler scripted = new ScriptedAuthorizerHandler(event -> answer);
        Api api =
                AuthorizerApis.builder(restApi(token().build(), b -> {}), clock)
                        .lambda(AuthorizerApis.FUNCTION, LambdaHandlers.streamHandler(scripted))
                        .build();

        assertConfigurationError(api.handle(call("GET", "/live/pets", "t")));
        assertConfigurationError(api.handle(call("GET", "/live/pets", "t")));
        assertThat(scripted.calls()).isEqualTo(2);
    }

    @Test
    void handle_answerWithNumbersBooleansAndExtraFields_isAccepted() {
        ScriptedAuthorizerHandler scripted =
                new ScriptedAuthorizerHandler(
                        event ->
                                "{\"principalId\":\"p|1\",\"policyDocument\":{\"Version\":"
                                        + "\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                                        + "\"Action\":\"execute-api:*\",\"Resource\":"
                                        + "[\"arn:aws:execute-api:*:*:*/live/*/pets\"]}},"
                                        + "\"context\":{\"tenant\":\"t\",\"level\":2.5,"
                                        + "\"admin\":false},\"ttlOverride\":5}");
        Api api =
                AuthorizerApis.builder(restApi(token().build(), b -> {}), clock)
                        .lambda(AuthorizerApis.FUNCTION, LambdaHandlers.streamHandler(scripted))
                        .build();

        assertThat(api.handle(call("GET", "/live/pets", "t")))
                .hasStatus(200)
                .hasJsonBody(
                        "{\"principal\":\"p|1\",\"tenant\":\"t\",\"level\":\"2.5\","
                                + "\"admin\":\"false\"}");
    }

    @Test
    void handle_hostileTokenOf10000Characters_reachesTheFunctionIntact() {
        StringBuilder hostile = new StringBuilder();
        Random random = new Random(11);
        String alphabet = "\"\\{}[]<>%$#'`=;:,. abcXYZ019+/é€";
        while (hostile.length() < 10_000) {
            hostile.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String token = hostile.toString().strip();

        Response response = tokenApi().handle(call("GET", "/live/pets", token));

        assertConfigurationError(response);
        assertThat(handler.lastEvent().getAuthorizationToken()).isEqualTo(token);
    }

    @Test
    void handle_hostileTokenAgainstValidationExpression_answers401WithoutCallingTheFunction() {
        Api api =
                api(
                        restApi(
                                token().identityValidationExpression("^Bearer [-\\w.]+$").build(),
                                b -> {}),
                        handler,
                        clock);

        assertUnauthorized(
                api.handle(call("GET", "/live/pets", "Bearer " + "a.".repeat(5000) + "!")));
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_methodArnOver1600Bytes_answers414WithoutCallingTheFunction() {
        Response response =
                tokenApi().handle(call("GET", "/live/pets/" + "x".repeat(1600), "allow"));

        assertThat(response).hasStatus(414).hasBody("{\"message\":\"Request-URI Too Long\"}");
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_cachedAnswerPastItsTtl_callsTheFunctionAgain() {
        Api api = tokenApi();
        api.handle(call("GET", "/live/pets", "allow"));

        clock.advance(Duration.ofSeconds(299));
        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(handler.calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(handler.calls()).isEqualTo(2);
    }

    @Test
    void handle_ttlOfTenSeconds_expiresAfterTenSeconds() {
        Api api =
                api(
                        restApi(token().authorizerResultTtlInSeconds(10).build(), b -> {}),
                        handler,
                        clock);
        api.handle(call("GET", "/live/pets", "allow"));
        clock.advance(Duration.ofSeconds(9));
        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(handler.calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(handler.calls()).isEqualTo(2);
    }

    @Test
    void handle_ttlZero_callsTheFunctionEveryTime() {
        Api api =
                api(
                        restApi(token().authorizerResultTtlInSeconds(0).build(), b -> {}),
                        handler,
                        clock);

        api.handle(call("GET", "/live/pets", "allow"));
        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(handler.calls()).isEqualTo(2);
    }

    @Test
    void handle_otherToken_isNotServedFromTheCache() {
        Api api = tokenApi();

        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(api.handle(call("GET", "/live/pets", "deny"))).hasStatus(403);
        assertThat(handler.calls()).isEqualTo(2);
    }

    @Test
    void handle_sameTokenOnAnotherStage_callsTheFunctionAgain() {
        Api api = tokenApi();

        api.handle(call("GET", "/live/pets", "allow"));
        assertThat(api.handle(call("GET", "/test/pets", "allow"))).hasStatus(200);
        assertThat(handler.calls()).isEqualTo(2);
        assertThat(handler.lastEvent().getMethodArn()).isEqualTo(methodArn("test", "GET", "pets"));
    }

    @Test
    void flushStageAuthorizersCache_ofOneStage_dropsOnlyThatStagesAnswers() {
        Api api = tokenApi();
        api.handle(call("GET", "/live/pets", "allow"));
        api.handle(call("GET", "/test/pets", "allow"));

        api.flushStageAuthorizersCache("live");
        api.handle(call("GET", "/live/pets", "allow"));
        api.handle(call("GET", "/test/pets", "allow"));

        assertThat(handler.calls()).isEqualTo(3);
    }

    @Test
    void flushStageAuthorizersCache_unknownStage_fails() {
        assertThatThrownBy(() -> tokenApi().flushStageAuthorizersCache("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void handle_rebuiltApi_keepsTheCache() {
        Api api = tokenApi();
        api.handle(call("GET", "/live/pets", "allow"));

        Api rebuilt = api.toBuilder().build();
        assertThat(rebuilt.handle(call("GET", "/live/pets", "allow"))).hasStatus(200);
        assertThat(handler.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "method.request.querystring.token",
                "method.request.header.A, method.request.header.B",
                "method.request.path.id",
                "method.request.header.",
                "header.Authorization"
            })
    void build_tokenAuthorizerWithInvalidIdentitySource_failsNamingTheAuthorizer(String source) {
        assertThatThrownBy(
                        () ->
                                api(
                                        restApi(token().identitySource(source).build(), b -> {}),
                                        handler,
                                        clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer token-auth");
    }

    @Test
    void build_invalidValidationExpression_failsNamingTheAuthorizer() {
        assertThatThrownBy(
                        () ->
                                api(
                                        restApi(
                                                token().identityValidationExpression("(unclosed")
                                                        .build(),
                                                b -> {}),
                                        handler,
                                        clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer token-auth")
                .hasMessageContaining("identityValidationExpression");
    }

    @Test
    void build_authorizerUriNamingNoFunction_failsNamingTheAuthorizer() {
        assertThatThrownBy(
                        () ->
                                api(
                                        restApi(
                                                token().authorizerUri("arn:aws:s3:::bucket")
                                                        .build(),
                                                b -> {}),
                                        handler,
                                        clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer token-auth");
    }

    private static final String ALLOW_ALL_POLICY =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                    + "\"Resource\":\"execute-api:/*\"}]}";

    @Test
    void handle_resourcePolicyExplicitDeny_answers403BeforeCallingTheFunction() {
        String policy =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                        + "\"Resource\":\"execute-api:/*\",\"Condition\":{\"IpAddress\":"
                        + "{\"aws:SourceIp\":\"203.0.113.0/24\"}}}]}";
        Api api = api(restApi(token().build(), b -> b.policy(policy)), handler, clock);

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/live/pets")
                                .header("Authorization", "allow")
                                .sourceIp("203.0.113.9")
                                .build());

        assertThat(response)
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasBodyContaining("with an explicit deny");
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_resourcePolicyAllowsWhatTheAuthorizerDoesNotCover_allowsByTableA() {
        Api api = api(restApi(token().build(), b -> b.policy(ALLOW_ALL_POLICY)), handler, clock);

        assertThat(api.handle(call("GET", "/live/pets", "exact"))).hasStatus(200);
        assertThat(api.handle(call("POST", "/live/pets", "exact"))).hasStatus(200);
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void handle_resourcePolicyAllowsButAuthorizerDenies_answers403ExplicitDeny() {
        Api api = api(restApi(token().build(), b -> b.policy(ALLOW_ALL_POLICY)), handler, clock);

        assertThat(api.handle(call("GET", "/live/pets", "deny")))
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasBody(EXPLICIT_DENY);
    }

    @Test
    void testInvoke_missingToken_writesNoAuthorizerLogLine() {
        TestInvokeResult result = tokenApi().testInvoke(Request.of("GET", "/live/pets"));

        assertThat(result.response()).hasStatus(401);
        assertThat(result.log().entries()).noneMatch(e -> e.step().equals("authorizer"));
    }

    @Test
    void testInvoke_calledAuthorizer_logsItsStepsButNeverTheToken() {
        TestInvokeResult result = tokenApi().testInvoke(call("GET", "/live/pets", "allow"));

        assertThat(result.log().contains("Starting authorizer: token-auth")).isTrue();
        assertThat(result.log().entries())
                .filteredOn(e -> e.step().equals("authorizer"))
                .noneMatch(e -> e.message().contains("\"allow\""));
    }
}
