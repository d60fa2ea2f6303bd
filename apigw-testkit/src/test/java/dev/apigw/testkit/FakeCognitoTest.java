package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FakeCognito}'s key set and tokens, checked by a Cognito authorizer (reference 8.4). */
class FakeCognitoTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final FakeCognito COGNITO = FakeCognito.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** {@code GET /me} takes an ID token, {@code GET /admin} an access token with a scope. */
    private static RestApi restApi(FakeCognito pool) {
        Authorizer authorizer =
                Authorizer.builder()
                        .name("pool")
                        .type(AuthorizerType.COGNITO_USER_POOLS)
                        .identitySource("method.request.header.Authorization")
                        .providerArns(List.of(pool.providerArn()))
                        .build();
        String echo =
                "{\"sub\":\"$context.authorizer.claims.sub\","
                        + "\"role\":\"$context.authorizer.claims['custom:role']\"}";
        return RestApi.builder()
                .name("me")
                .authorizer(authorizer)
                .resource("/me", r -> r.method("GET", m -> mock(m, authorizer, List.of(), echo)))
                .resource(
                        "/admin",
                        r -> r.method("GET", m -> mock(m, authorizer, List.of("pets/admin"), echo)))
                .build();
    }

    private static void mock(
            dev.apigw.model.Method.Builder m,
            Authorizer authorizer,
            List<String> scopes,
            String template) {
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
                                                                "application/json", template)));
    }

    private static Api api(FakeCognito pool, ManualClock clock) {
        return pool.bindTo(
                        Api.builder()
                                .gateway(Gateway.builder().clock(clock).build())
                                .internalErrorHandler(FailingInternalErrorHandler.create())
                                .restApi(restApi(pool))
                                .deploy("dev"))
                .build();
    }

    private static Request call(String path, String token) {
        return Request.builder()
                .httpMethod("GET")
                .target("/dev" + path)
                .header("Authorization", token)
                .build();
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void idToken_withClaims_acceptedAndReachesTemplates() {
        ManualClock clock = ManualClock.startingAt(START);
        FakeCognito pool = COGNITO.withClock(clock);

        String token = pool.idToken(t -> t.subject("user-7").claim("custom:role", "admin"));

        assertThat(api(pool, clock).handle(call("/me", token)))
                .hasStatus(200)
                .hasBody("{\"sub\":\"user-7\",\"role\":\"admin\"}");
    }

    @Test
    void idToken_shapedAsCognitos() throws Exception {
        FakeCognito pool = COGNITO.withClock(ManualClock.startingAt(START));

        JsonNode claims = claims(pool.idToken(t -> t.email("a@example.com")));

        assertThat(claims.get("token_use").asText()).isEqualTo("id");
        assertThat(claims.get("aud").asText()).isEqualTo(FakeCognito.DEFAULT_CLIENT_ID);
        assertThat(claims.get("iss").asText())
                .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FakePool1");
        assertThat(claims.get("cognito:username").asText()).isEqualTo("user-1");
        assertThat(claims.get("email").asText()).isEqualTo("a@example.com");
        assertThat(claims.get("email_verified").asBoolean()).isTrue();
        assertThat(claims.get("iat").asLong()).isEqualTo(START.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(START.getEpochSecond() + 3600);
    }

    @Test
    void accessToken_shapedAsCognitos() throws Exception {
        FakeCognito pool = COGNITO.withClock(ManualClock.startingAt(START));

        JsonNode claims = claims(pool.accessToken("pets/read", "pets/admin"));

        assertThat(claims.get("token_use").asText()).isEqualTo("access");
        assertThat(claims.get("scope").asText()).isEqualTo("pets/read pets/admin");
        assertThat(claims.get("client_id").asText()).isEqualTo(FakeCognito.DEFAULT_CLIENT_ID);
        assertThat(claims.has("aud")).isFalse();
        assertThat(claims.get("username").asText()).isEqualTo("user-1");
    }

    @Test
    void accessToken_withTheMethodsScope_accepted() {
        ManualClock clock = ManualClock.startingAt(START);
        FakeCognito pool = COGNITO.withClock(clock);

        assertThat(api(pool, clock).handle(call("/admin", pool.accessToken("pets/admin"))))
                .hasStatus(200);
        assertThat(api(pool, clock).handle(call("/admin", pool.accessToken("pets/read"))))
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED);
    }

    @Test
    void idToken_pastItsHourOnTheApisClock_refused() {
        ManualClock clock = ManualClock.startingAt(START);
        FakeCognito pool = COGNITO.withClock(clock);
        Api api = api(pool, clock);
        String token = pool.idToken();

        clock.advance(Duration.ofMinutes(59));
        assertThat(api.handle(call("/me", token))).hasStatus(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.handle(call("/me", token)))
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED)
                .hasBody("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void idToken_ofAnotherFakePoolWithTheSameId_refused() {
        ManualClock clock = ManualClock.startingAt(START);
        FakeCognito other = FakeCognito.builder().clock(clock).build();

        assertThat(api(COGNITO.withClock(clock), clock).handle(call("/me", other.idToken())))
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED);
    }

    @Test
    void builder_poolRegionAccountAndKeyId_inArnIssuerAndKeySet() throws Exception {
        FakeCognito pool =
                FakeCognito.builder()
                        .region("eu-west-1")
                        .poolId("eu-west-1_AbCdEf123")
                        .accountId("111122223333")
                        .keyId("kid-7")
                        .build();

        assertThat(pool.providerArn())
                .isEqualTo(
                        "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEf123");
        assertThat(pool.issuer())
                .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
        JsonNode key = JSON.readTree(pool.jwks()).get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("kid").asText()).isEqualTo("kid-7");
        assertThat(key.has("d")).as("private exponent published").isFalse();
    }

    @Test
    void writeJwks_writesThePublicKeySet() throws Exception {
        Path file = COGNITO.writeJwks(dir.resolve("jwks.json"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(COGNITO.jwks());
    }
}
