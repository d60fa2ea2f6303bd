package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FakeJwtIssuer}'s key set and tokens, checked by an HTTP API JWT authorizer (reference
 * 8.5): a route without integration answers 404 when the token passes, 401 when it is refused.
 */
class FakeJwtIssuerTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private final ManualClock clock = ManualClock.startingAt(START);
    private final FakeJwtIssuer issuer = FakeJwtIssuer.builder().clock(clock).build();

    private Api api(String... scopes) {
        return issuer.bindTo(
                        Api.builder()
                                .httpApi(
                                        HttpApi.builder("pets")
                                                .authorizer(
                                                        HttpAuthorizer.jwt(
                                                                        "jwt",
                                                                        issuer.issuer(),
                                                                        issuer.audience())
                                                                .build())
                                                .route(
                                                        Route.builder("GET /pets")
                                                                .jwt("jwt", scopes)
                                                                .build())
                                                .stage(HttpStage.DEFAULT, s -> {})
                                                .build()))
                .gateway(Gateway.builder().clock(clock).build())
                .build();
    }

    private static int status(Api api, String token) {
        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets")
                                .header("Authorization", "Bearer " + token)
                                .build());
        return response.statusCode();
    }

    private JsonNode claims(Consumer<FakeJwtIssuer.Token> spec) throws Exception {
        String payload = issuer.token(spec).split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    @Test
    void token_defaults_areAcceptedByTheIssuersAuthorizer() throws Exception {
        JsonNode claims = claims(t -> {});

        assertThat(claims.get("iss").asText()).isEqualTo(FakeJwtIssuer.DEFAULT_ISSUER);
        assertThat(claims.get("aud").asText()).isEqualTo(FakeJwtIssuer.DEFAULT_AUDIENCE);
        assertThat(claims.get("sub").asText()).isEqualTo("user-1");
        assertThat(claims.get("exp").asLong()).isEqualTo(START.plusSeconds(3600).getEpochSecond());
        assertThat(status(api(), issuer.token())).isEqualTo(404);
    }

    @Test
    void token_scopesAndScp_satisfyARouteScope() {
        assertThat(status(api("pets/read"), issuer.token(t -> t.scopes("pets/read"))))
                .isEqualTo(404);
        assertThat(status(api("pets/read"), issuer.token(t -> t.scp("pets/read")))).isEqualTo(404);
        assertThat(status(api("pets/read"), issuer.token(t -> t.scopes("other")))).isEqualTo(401);
    }

    @Test
    void token_expiresWithTheClock() {
        Api api = api();
        String token = issuer.token(t -> t.expiresIn(Duration.ofMinutes(1)));
        assertThat(status(api, token)).isEqualTo(404);

        clock.advance(Duration.ofMinutes(1));

        assertThat(status(api, token)).isEqualTo(401);
    }

    @Test
    void hostileTokens_areRefused() {
        Api api = api();

        assertThat(status(api, issuer.unsignedToken(t -> {}))).isEqualTo(401);
        assertThat(status(api, issuer.hmacToken(t -> {}))).isEqualTo(401);
        assertThat(status(api, issuer.token(t -> t.keyId("unknown")))).isEqualTo(401);
        assertThat(status(api, issuer.token(t -> t.audience("x")))).isEqualTo(401);
        assertThat(status(api, issuer.token(t -> t.issuer("https://x.example")))).isEqualTo(401);
        assertThat(status(api, issuer.token(t -> t.notBefore(START.plusSeconds(5)))))
                .isEqualTo(401);
    }

    @Test
    void token_clientIdAlgorithmAndClaims_areWritten() throws Exception {
        JsonNode claims = claims(t -> t.clientId("app").claim("tier", 2));

        assertThat(claims.has("aud")).isFalse();
        assertThat(claims.get("client_id").asText()).isEqualTo("app");
        assertThat(claims.get("tier").asInt()).isEqualTo(2);
        assertThat(status(api(), issuer.token(t -> t.algorithm("PS512")))).isEqualTo(404);
    }

    @Test
    void jwksAndOpenIdConfiguration_publishThePublicKey() throws Exception {
        JsonNode key = JSON.readTree(issuer.jwks()).get("keys").get(0);
        JsonNode configuration =
                JSON.readTree(issuer.openIdConfiguration("https://issuer.example.com/keys"));
        Path file = issuer.writeJwks(dir.resolve("jwks.json"));

        assertThat(key.get("kid").asText()).isEqualTo(issuer.keyId());
        assertThat(key.has("d")).isFalse();
        assertThat(configuration.get("jwks_uri").asText())
                .isEqualTo("https://issuer.example.com/keys");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(issuer.jwks());
        assertThat(issuer.withClock(clock).publicKey()).isEqualTo(issuer.publicKey());
    }
}
