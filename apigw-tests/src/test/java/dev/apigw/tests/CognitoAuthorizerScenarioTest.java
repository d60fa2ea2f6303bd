package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.FakeCognito;
import dev.apigw.testkit.FakeLambda;
import dev.apigw.testkit.ManualClock;
import dev.apigw.tests.lambda.ClaimsHandler;
import dev.apigw.tests.lambda.EchoEventHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cognito user pool authorizers through {@link Api#handle} (reference 8.4; claims in templates,
 * 1.2, and in the proxy event, 2.1; with a resource policy, 8.8; every failure 401 UNAUTHORIZED,
 * 3.1), with tokens minted by the testkit's {@link FakeCognito}.
 */
class CognitoAuthorizerScenarioTest {
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final FakeCognito POOL =
            FakeCognito.builder().poolId("us-east-1_AbCdEf123").keyId("pool-key-1").build();
    private static final FakeCognito SECOND_POOL =
            FakeCognito.builder().poolId("us-east-1_Second002").keyId("second-key-1").build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA_URI =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:%s/invocations";
    private static final String CLAIMS_TEMPLATE =
            "{\"sub\":\"$context.authorizer.claims.sub\","
                    + "\"role\":\"$context.authorizer.claims['custom:role']\","
                    + "\"use\":\"$context.authorizer.claims.token_use\","
                    + "\"exp\":\"$context.authorizer.claims.exp\"}";

    private final ManualClock clock = ManualClock.startingAt(NOW);
    private final FakeCognito pool = POOL.withClock(clock);

    /**
     * {@code GET /me} takes an ID token and echoes claims through a template; {@code GET /pets}
     * takes an access token with {@code pets/read} or {@code pets/write}; {@code GET /event} and
     * {@code GET /claims} are Lambda proxies (the event echoed; a typed handler reading claims).
     */
    private static RestApi restApi(
            Consumer<Authorizer.Builder> authorizerChanges, Consumer<RestApi.Builder> apiChanges) {
        Authorizer.Builder a =
                Authorizer.builder()
                        .name("users")
                        .type(AuthorizerType.COGNITO_USER_POOLS)
                        .identitySource("method.request.header.Authorization")
                        .providerArns(List.of(POOL.providerArn()));
        authorizerChanges.accept(a);
        Authorizer authorizer = a.build();
        RestApi.Builder b =
                RestApi.builder()
                        .name("cognito-api")
                        .authorizer(authorizer)
                        .resource("/me", r -> r.method("GET", m -> mock(m, authorizer, List.of())))
                        .resource(
                                "/pets",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        mock(
                                                                m,
                                                                authorizer,
                                                                List.of(
                                                                        "pets/read",
                                                                        "pets/write"))))
                        .resource("/event", r -> r.method("GET", m -> proxy(m, authorizer, "echo")))
                        .resource(
                                "/claims",
                                r -> r.method("GET", m -> proxy(m, authorizer, "claims")));
        apiChanges.accept(b);
        return b.build();
    }

    private static RestApi restApi() {
        return restApi(a -> {}, b -> {});
    }

    private static void mock(Method.Builder m, Authorizer authorizer, List<String> scopes) {
        m.authorizationType(AuthorizationType.COGNITO_USER_POOLS)
                .authorizerId(authorizer.id())
                .authorizationScopes(scopes)
                .methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse(
                                                "200",
                                                ir ->
                                                        ir.putResponseTemplate(
                                                                "application/json",
                                                                CLAIMS_TEMPLATE)));
    }

    private static void proxy(Method.Builder m, Authorizer authorizer, String function) {
        m.authorizationType(AuthorizationType.COGNITO_USER_POOLS)
                .authorizerId(authorizer.id())
                .integration(
                        i ->
                                i.type(IntegrationType.AWS_PROXY)
                                        .httpMethod("POST")
                                        .uri(String.format(LAMBDA_URI, function)));
    }

    private Api.Builder builder(RestApi restApi) {
        return Api.builder()
                .gateway(Gateway.builder().clock(clock).build())
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("dev")
                .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                .lambda(
                        "claims",
                        LambdaHandlers.requestHandler(
                                new ClaimsHandler(), APIGatewayProxyRequestEvent.class));
    }

    private Api api(RestApi restApi) {
        return pool.bindTo(builder(restApi)).build();
    }

    private Api api() {
        return api(restApi());
    }

    private static Request get(String path, String authorization) {
        return Request.builder()
                .httpMethod("GET")
                .target("/dev" + path)
                .header("Authorization", authorization)
                .build();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response)
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED)
                .hasStatus(401)
                .hasBody(UNAUTHORIZED);
        assertThat(response.headers().first("x-amzn-ErrorType")).contains("UnauthorizedException");
    }

    // ID and access tokens (reference 8.4 "Token kinds").

    @Test
    void handle_idTokenOnMethodWithoutScopes_passesWithClaimsInTemplate() {
        String token = pool.idToken(t -> t.subject("user-42").claim("custom:role", "admin"));

        assertThat(api().handle(get("/me", token)))
                .hasStatus(200)
                .hasBody(
                        "{\"sub\":\"user-42\",\"role\":\"admin\",\"use\":\"id\","
                                + "\"exp\":\"Fri Dec 04 11:00:00 UTC 2026\"}");
    }

    @Test
    void handle_bearerPrefixedToken_passes() {
        assertThat(api().handle(get("/me", "Bearer " + pool.idToken()))).hasStatus(200);
    }

    @Test
    void handle_accessTokenOnMethodWithoutScopes_unauthorized() {
        assertUnauthorized(api().handle(get("/me", pool.accessToken("pets/read"))));
    }

    @Test
    void handle_accessTokenWithOneOfTheMethodsScopes_passes() {
        assertThat(api().handle(get("/pets", pool.accessToken("openid", "pets/write"))))
                .hasStatus(200)
                .hasJsonPath("$.use", "access");
    }

    @Test
    void handle_accessTokenWithoutTheMethodsScopes_unauthorized() {
        assertUnauthorized(api().handle(get("/pets", pool.accessToken("openid", "pets/delete"))));
    }

    @Test
    void handle_idTokenOnMethodWithScopes_unauthorized() {
        assertUnauthorized(api().handle(get("/pets", pool.idToken())));
    }

    // Signature, issuer, lifetime (reference 8.4 "Invalid/expired token").

    @Test
    void handle_expiredToken_unauthorized() {
        Api api = api();
        String token = pool.idToken(t -> t.expiresIn(Duration.ofMinutes(5)));
        assertThat(api.handle(get("/me", token))).hasStatus(200);

        clock.advance(Duration.ofMinutes(5));

        assertUnauthorized(api.handle(get("/me", token)));
    }

    @Test
    void handle_tokenNotYetValid_unauthorized() {
        Api api = api();
        String token = pool.idToken(t -> t.notBefore(NOW.plusSeconds(30)));
        assertUnauthorized(api.handle(get("/me", token)));

        clock.advance(Duration.ofSeconds(30));

        assertThat(api.handle(get("/me", token))).hasStatus(200);
    }

    @Test
    void handle_wrongIssuer_unauthorized() {
        String otherRegion = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL.poolId();
        String token = pool.idToken(t -> t.issuer(otherRegion));

        assertUnauthorized(api().handle(get("/me", token)));
    }

    @Test
    void handle_tokenOfAPoolTheAuthorizerDoesNotName_unauthorized() {
        FakeCognito second = SECOND_POOL.withClock(clock);
        Api api = second.bindTo(pool.bindTo(builder(restApi()))).build();

        assertUnauthorized(api.handle(get("/me", second.idToken())));
    }

    @Test
    void handle_tokenOfTheSecondProviderArn_passes() {
        FakeCognito second = SECOND_POOL.withClock(clock);
        RestApi restApi =
                restApi(
                        a -> a.providerArns(List.of(POOL.providerArn(), SECOND_POOL.providerArn())),
                        b -> {});
        Api api = second.bindTo(pool.bindTo(builder(restApi))).build();

        assertThat(api.handle(get("/me", second.idToken(t -> t.subject("second-user")))))
                .hasStatus(200)
                .hasJsonPath("$.sub", "second-user");
        assertThat(api.handle(get("/me", pool.idToken()))).hasStatus(200);
    }

    @Test
    void handle_tamperedPayload_unauthorized() throws Exception {
        String[] parts = pool.idToken(t -> t.claim("custom:role", "reader")).split("\\.");
        JWTClaimsSet claims = JWTClaimsSet.parse(Base64URL.from(parts[1]).decodeToString());
        String forged =
                Base64URL.encode(
                                new JWTClaimsSet.Builder(claims)
                                        .claim("custom:role", "admin")
                                        .build()
                                        .toString())
                        .toString();

        assertUnauthorized(api().handle(get("/me", parts[0] + "." + forged + "." + parts[2])));
    }

    @Test
    void handle_signedByAnotherKeyWithTheSameKid_unauthorized() {
        FakeCognito impostor =
                FakeCognito.builder()
                        .poolId(POOL.poolId())
                        .keyId(POOL.keyId())
                        .clock(clock)
                        .build();

        assertUnauthorized(api().handle(get("/me", impostor.idToken())));
    }

    @Test
    void handle_unknownKid_unauthorized() {
        FakeCognito rotated =
                FakeCognito.builder()
                        .poolId(POOL.poolId())
                        .keyId("pool-key-2")
                        .clock(clock)
                        .build();

        assertUnauthorized(api().handle(get("/me", rotated.idToken())));
    }

    @Test
    void handle_algNone_unauthorized() throws ParseException {
        String token = new PlainJWT(claimsOf(pool.idToken())).serialize();

        assertUnauthorized(api().handle(get("/me", token)));
    }

    @Test
    void handle_hmacSignedWithThePoolsPublicKey_unauthorized() throws Exception {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(POOL.keyId()).build(),
                        claimsOf(pool.idToken()));
        jwt.sign(new MACSigner(POOL.publicKey().getEncoded()));

        assertUnauthorized(api().handle(get("/me", jwt.serialize())));
    }

    @Test
    void handle_encryptedTokenWrappingAValidOne_unauthorized() throws Exception {
        JWEObject jwe =
                new JWEObject(
                        new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                                .contentType("JWT")
                                .build(),
                        new Payload(pool.idToken()));
        jwe.encrypt(new RSAEncrypter(POOL.publicKey()));

        assertUnauthorized(api().handle(get("/me", jwe.serialize())));
    }

    static Stream<String> hostileTokens() {
        Random random = new Random(8_4);
        String header = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"pool-key-1\"}").toString();
        Stream<String> fixed =
                Stream.of(
                        "x".repeat(9_000),
                        header + "." + "A".repeat(8_000) + "." + "B".repeat(342),
                        "%%%.***.&&&",
                        "not base64 at all",
                        header + "." + Base64URL.encode("{\"sub\": garbage") + ".c2ln",
                        header + "." + Base64URL.encode("\"a string\"") + ".c2ln",
                        "Bearer ",
                        "Bearer Bearer x.y.z",
                        "....");
        Stream<String> noise =
                IntStream.range(0, 10)
                        .mapToObj(
                                i -> {
                                    byte[] bytes = new byte[1 + random.nextInt(7_000)];
                                    random.nextBytes(bytes);
                                    return header + "." + Base64URL.encode(bytes) + ".AAAA";
                                });
        return Stream.concat(fixed, noise);
    }

    @ParameterizedTest
    @MethodSource("hostileTokens")
    void testInvoke_hostileToken_unauthorizedAndTheLogNeverQuotesIt(String token) {
        TestInvokeResult result = api().testInvoke(get("/me", token));

        assertUnauthorized(result.response());
        String authorizerLines = authorizerLines(result);
        assertThat(authorizerLines).contains("Unauthorized request");
        if (token.length() > 12) {
            assertThat(authorizerLines).doesNotContain(token.substring(token.length() - 12));
        }
    }

    @Test
    void handle_tenKilobyteToken_requestTooLargeAsAnyOversizedHeader() {
        Response response = api().handle(get("/me", "x".repeat(10_240)));

        assertThat(response).isGatewayResponse(GatewayResponseType.REQUEST_TOO_LARGE);
    }

    /** The execution log's lines of the authorizer (the request headers line is AWS's, 10.2). */
    private static String authorizerLines(TestInvokeResult result) {
        StringBuilder lines = new StringBuilder();
        result.log().entries().stream()
                .filter(e -> e.step().equals("authorizer"))
                .forEach(e -> lines.append(e.message()).append('\n'));
        return lines.toString();
    }

    @Test
    void testInvoke_validToken_theLogNamesThePoolNotTheToken() {
        String token = pool.idToken();

        TestInvokeResult result = api().testInvoke(get("/me", token));

        assertThat(result.response()).hasStatus(200);
        assertThat(authorizerLines(result))
                .contains("Cognito token of user pool us-east-1_AbCdEf123 valid")
                .doesNotContain(token.substring(token.length() - 20));
    }

    // Identity source and validation expression.

    @Test
    void handle_missingOrEmptyHeader_unauthorized() {
        assertUnauthorized(api().handle(Request.of("GET", "/dev/me")));
        assertUnauthorized(api().handle(get("/me", "")));
        assertUnauthorized(api().handle(get("/me", "Bearer")));
    }

    @Test
    void handle_tokenInTheHeaderTheIdentitySourceNames_passes() {
        Api api = api(restApi(a -> a.identitySource("method.request.header.X-Id-Token"), b -> {}));
        String token = pool.idToken();

        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/dev/me")
                                        .header("x-id-token", token)
                                        .build()))
                .hasStatus(200);
        assertUnauthorized(api.handle(get("/me", token)));
    }

    @Test
    void handle_audMatchingIdentityValidationExpression_passes() {
        Api api = api(restApi(a -> a.identityValidationExpression("web-[a-z]+"), b -> {}));

        assertThat(api.handle(get("/me", pool.idToken(t -> t.clientId("web-app"))))).hasStatus(200);
    }

    @Test
    void handle_audMismatchingIdentityValidationExpression_unauthorized() {
        Api api = api(restApi(a -> a.identityValidationExpression("web-[a-z]+"), b -> {}));

        assertUnauthorized(api.handle(get("/me", pool.idToken(t -> t.clientId("mobile-app")))));
        assertUnauthorized(api.handle(get("/me", pool.idToken(t -> t.clientId("web-app-2")))));
    }

    @Test
    void handle_accessTokenWithIdentityValidationExpression_unauthorizedForItHasNoAud() {
        Api api = api(restApi(a -> a.identityValidationExpression(".*"), b -> {}));

        assertUnauthorized(api.handle(get("/pets", pool.accessToken("pets/read"))));
    }

    // Claims in the Lambda proxy event (reference 2.1).

    @Test
    void handle_lambdaProxy_eventCarriesTheClaimsAsStrings() throws Exception {
        String token =
                pool.idToken(
                        t ->
                                t.subject("user-42")
                                        .email("ana@example.com")
                                        .claim("custom:role", "admin")
                                        .claim("cognito:groups", List.of("admins", "editors")));

        Response response = api().handle(get("/event", token));

        assertThat(response).hasStatus(200);
        JsonNode authorizer =
                JSON.readTree(response.bodyAsString()).at("/requestContext/authorizer");
        JsonNode claims = authorizer.get("claims");
        assertThat(claims.get("sub").asText()).isEqualTo("user-42");
        assertThat(claims.get("custom:role").asText()).isEqualTo("admin");
        assertThat(claims.get("email_verified").isTextual()).isTrue();
        assertThat(claims.get("email_verified").asText()).isEqualTo("true");
        assertThat(claims.get("cognito:groups").asText()).isEqualTo("[admins editors]");
        assertThat(claims.get("token_use").asText()).isEqualTo("id");
        assertThat(claims.get("aud").asText()).isEqualTo(FakeCognito.DEFAULT_CLIENT_ID);
        assertThat(claims.get("iss").asText()).isEqualTo(POOL.issuer());
        assertThat(claims.get("auth_time").asText()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(claims.get("iat").asText()).isEqualTo("Fri Dec 04 10:00:00 UTC 2026");
        assertThat(claims.get("exp").asText()).isEqualTo("Fri Dec 04 11:00:00 UTC 2026");
        assertThat(authorizer.has("principalId")).isFalse();
    }

    @Test
    void handle_typedHandler_readsTheClaimsFromRequestContext() {
        String token =
                pool.idToken(
                        t ->
                                t.subject("user-42")
                                        .email("ana@example.com")
                                        .claim("custom:role", "admin"));

        assertThat(api().handle(get("/claims", token)))
                .hasStatus(200)
                .hasBody("user-42 admin ana@example.com");
    }

    @Test
    void handle_refusedToken_lambdaNotCalled() {
        FakeLambda echo = FakeLambda.create("echo");
        Api api = pool.bindTo(builder(restApi()).lambda("echo", echo)).build();

        assertUnauthorized(api.handle(get("/event", "eyJhbGciOiJub25lIn0.e30.")));
        assertThat(echo.invocationCount()).isZero();
    }

    // Key sets at a URL (reference 8.5's fetch limits).

    @Test
    void handle_keySetAtAUrl_fetchedOnceOnFirstUse() {
        AtomicInteger fetches = new AtomicInteger();
        try (LocalHttpServer issuer = LocalHttpServer.start()) {
            issuer.handle(
                    "/us-east-1_AbCdEf123/.well-known/jwks.json",
                    exchange -> {
                        fetches.incrementAndGet();
                        byte[] body = POOL.jwks().getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            Api api =
                    builder(restApi())
                            .jwks(
                                    POOL.poolId(),
                                    URI.create(
                                            issuer.origin()
                                                    + "/us-east-1_AbCdEf123/.well-known/jwks.json"))
                            .build();
            assertThat(fetches).hasValue(0);

            assertThat(api.handle(get("/me", pool.idToken()))).hasStatus(200);
            assertThat(api.handle(get("/me", pool.idToken(t -> t.subject("u-2"))))).hasStatus(200);
            assertThat(fetches).hasValue(1);
        }
    }

    @Test
    void handle_keySetUrlUnreachable_unauthorized() {
        Api api =
                builder(restApi())
                        .jwks(
                                POOL.poolId(),
                                URI.create(
                                        "http://127.0.0.1:" + LocalHttpServer.closedPort() + "/j"))
                        .build();

        assertUnauthorized(api.handle(get("/me", pool.idToken())));
    }

    // With a resource policy (reference 8.8: Cognito needs the policy's explicit Allow).

    private static String policy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static final String ALLOW_ALL =
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                    + "\"Resource\":\"execute-api:/*\"}";

    @Test
    void handle_policyAllowsAndTokenValid_passes() {
        Api api = api(restApi(a -> {}, b -> b.policy(policy(ALLOW_ALL))));

        assertThat(api.handle(get("/me", pool.idToken()))).hasStatus(200);
    }

    @Test
    void handle_policyWithoutAllowForTheMethod_accessDeniedDespiteAValidToken() {
        String allowPetsOnly =
                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                        + "\"Resource\":\"execute-api:/*/GET/pets\"}";
        Api api = api(restApi(a -> {}, b -> b.policy(policy(allowPetsOnly))));

        assertThat(api.handle(get("/me", pool.idToken())))
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasStatus(403);
        assertThat(api.handle(get("/pets", pool.accessToken("pets/read")))).hasStatus(200);
    }

    @Test
    void handle_policyDeniesTheSourceIp_accessDenied() {
        String deny =
                "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                        + "\"Resource\":\"execute-api:/*\","
                        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}}";
        Api api = api(restApi(a -> {}, b -> b.policy(policy(ALLOW_ALL + "," + deny))));

        assertThat(api.handle(get("/me", pool.idToken())))
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED);
    }

    @Test
    void handle_policyAllowsButTokenInvalid_unauthorized() {
        Api api = api(restApi(a -> {}, b -> b.policy(policy(ALLOW_ALL))));

        assertUnauthorized(api.handle(get("/me", "not-a-token")));
    }

    // Import (reference 8.4 "OpenAPI").

    @Test
    void handle_importedCognitoUserPoolsScheme_enforced() {
        String spec =
                """
                openapi: 3.0.1
                info: {title: imported-cognito, version: "1"}
                paths:
                  /me:
                    get:
                      security: [{MyUserPool: []}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses:
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: '{"sub":"$context.authorizer.claims.sub"}'
                  /cats:
                    get:
                      security: [{MyUserPool: ["https://my-petstore-api.example.com/cats.read"]}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses: {default: {statusCode: "200"}}
                components:
                  securitySchemes:
                    MyUserPool:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: cognito_user_pools
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: ["%s"]
                """
                        .formatted(POOL.providerArn());
        RestApi imported = OpenApiImporter.create().importText(spec).api();
        Api api = pool.bindTo(builder(imported)).build();

        assertThat(api.handle(get("/me", pool.idToken(t -> t.subject("u-9")))))
                .hasStatus(200)
                .hasBody("{\"sub\":\"u-9\"}");
        assertUnauthorized(api.handle(Request.of("GET", "/dev/me")));
        assertThat(
                        api.handle(
                                get(
                                        "/cats",
                                        pool.accessToken(
                                                "https://my-petstore-api.example.com/cats.read"))))
                .hasStatus(200);
        assertUnauthorized(api.handle(get("/cats", pool.idToken())));
    }

    // Build-time errors (issue 11 "Bad input").

    @Test
    void build_userPoolWithoutKeySet_failsNamingAuthorizerAndPool() {
        assertThatThrownBy(() -> builder(restApi()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer users")
                .hasMessageContaining("us-east-1_AbCdEf123");
    }

    @Test
    void build_undeployedCognitoAuthorizerWithoutKeySet_builds() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi())
                        .build();

        assertThat(api.stages()).isEmpty();
    }

    @Test
    void build_identitySourceNotAHeader_failsNamingTheAuthorizer() {
        RestApi restApi =
                restApi(a -> a.identitySource("method.request.querystring.token"), b -> {});

        assertThatThrownBy(() -> api(restApi))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer users")
                .hasMessageContaining("identitySource");
    }

    @Test
    void build_invalidIdentityValidationExpression_failsNamingTheAuthorizer() {
        RestApi restApi = restApi(a -> a.identityValidationExpression("web-[a-z"), b -> {});

        assertThatThrownBy(() -> api(restApi))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer users")
                .hasMessageContaining("identityValidationExpression");
    }

    @Test
    void toBuilder_keepsTheKeySets() {
        Api rebuilt = api().toBuilder().deploy("v2").build();

        assertThat(
                        rebuilt.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/v2/me")
                                        .header("Authorization", pool.idToken())
                                        .build()))
                .hasStatus(200);
    }

    private static JWTClaimsSet claimsOf(String token) throws ParseException {
        return JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
    }
}
