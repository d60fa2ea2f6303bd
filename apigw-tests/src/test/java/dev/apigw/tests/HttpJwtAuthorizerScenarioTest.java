package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FakeCognito;
import dev.apigw.testkit.FakeJwtIssuer;
import dev.apigw.testkit.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * HTTP API JWT authorizers through {@link Api#handle} (reference 8.5; answers 3.3), with tokens
 * minted by the testkit's {@link FakeJwtIssuer}. The routes have no integration: a request the
 * authorizer lets through answers 404 {@code Not Found} (the route's missing integration), one it
 * refuses 401 with the {@code www-authenticate} challenge.
 */
class HttpJwtAuthorizerScenarioTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final FakeJwtIssuer ISSUER =
            FakeJwtIssuer.builder().clock(ManualClock.startingAt(NOW)).build();
    private static final String PASSED = "{\"message\":\"Not Found\"}";

    private final ManualClock clock = ManualClock.startingAt(NOW);

    private static HttpApi definition(String issuer, String... scopes) {
        return HttpApi.builder("jwt")
                .authorizer(HttpAuthorizer.jwt("jwt", issuer, "api", "other-client").build())
                .route(Route.builder("GET /pets").jwt("jwt", scopes).build())
                .stage(HttpStage.DEFAULT, s -> {})
                .build();
    }

    private Api api(String... scopes) {
        return ISSUER.bindTo(Api.builder().httpApi(definition(ISSUER.issuer(), scopes)))
                .gateway(Gateway.builder().clock(clock).build())
                .build();
    }

    private static Request get(String authorization) {
        return Request.builder()
                .httpMethod("GET")
                .target("/pets")
                .header("Authorization", authorization)
                .build();
    }

    private static String bearer(Consumer<FakeJwtIssuer.Token> spec) {
        return "Bearer " + ISSUER.token(spec);
    }

    private static void assertRefused(Response response, String description) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().first("www-authenticate"))
                .contains(
                        "Bearer scope=\"\" error=\"invalid_token\" error_description=\""
                                + description
                                + "\"");
    }

    private static void assertPassed(Response response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo(PASSED);
    }

    @Test
    void handle_bearerToken_passes() {
        assertPassed(api().handle(get(bearer(t -> {}))));
    }

    @Test
    void handle_rawTokenWithoutBearer_passes() {
        assertPassed(api().handle(get(ISSUER.token())));
    }

    @Test
    void handle_noToken_answers401() {
        assertRefused(api().handle(Request.get("/pets")), "the token is missing");
    }

    @Test
    void handle_otherAudience_answers401WithAwsDescription() {
        assertRefused(
                api().handle(get(bearer(t -> t.audience("someone-else")))),
                "the token does not have a valid audience");
    }

    @Test
    void handle_clientIdInsteadOfAudience_passes() {
        assertPassed(api().handle(get(bearer(t -> t.clientId("other-client")))));
    }

    @Test
    void handle_clientIdNotInAudience_answers401() {
        assertRefused(
                api().handle(get(bearer(t -> t.clientId("stranger")))),
                "the token does not have a valid audience");
    }

    @Test
    void handle_audienceWinsOverClientId_answers401() {
        assertRefused(
                api().handle(get(bearer(t -> t.audience("stranger").claim("client_id", "api")))),
                "the token does not have a valid audience");
    }

    @Test
    void handle_otherIssuer_answers401() {
        assertRefused(
                api().handle(get(bearer(t -> t.issuer("https://evil.example.com")))),
                "the token does not have a valid issuer");
    }

    @Test
    void handle_afterExpiry_answers401() {
        Api api = api();
        String token = bearer(t -> t.expiresIn(Duration.ofMinutes(5)));
        assertPassed(api.handle(get(token)));

        clock.advance(Duration.ofMinutes(5));

        assertRefused(api.handle(get(token)), "the token has expired");
    }

    @Test
    void handle_notBeforeInTheFuture_answers401() {
        assertRefused(
                api().handle(get(bearer(t -> t.notBefore(NOW.plusSeconds(60))))),
                "the token is not valid yet");
    }

    @Test
    void handle_issuedInTheFuture_answers401() {
        assertRefused(
                api().handle(get(bearer(t -> t.issuedAt(NOW.plusSeconds(60))))),
                "the token was issued in the future");
    }

    @Test
    void handle_scopeClaimWithARouteScope_passes() {
        assertPassed(api("pets/read").handle(get(bearer(t -> t.scopes("openid", "pets/read")))));
    }

    @Test
    void handle_scpArrayWithARouteScope_passes() {
        assertPassed(api("pets/read", "pets/write").handle(get(bearer(t -> t.scp("pets/write")))));
    }

    @Test
    void handle_scpStringWithARouteScope_passes() {
        assertPassed(api("pets/read").handle(get(bearer(t -> t.claim("scp", "a pets/read")))));
    }

    @Test
    void handle_noRouteScopeInTheToken_answers401() {
        assertRefused(
                api("pets/write").handle(get(bearer(t -> t.scopes("pets/read")))),
                "the token does not have a valid scope");
    }

    @Test
    void handle_rsaPssToken_passes() {
        assertPassed(api().handle(get(bearer(t -> t.algorithm("PS256")))));
    }

    @Test
    void handle_unsignedToken_answers401() {
        assertRefused(
                api().handle(get("Bearer " + ISSUER.unsignedToken(t -> {}))),
                "the token is unsigned (alg none)");
    }

    @Test
    void handle_hmacTokenKeyedWithThePublicKey_answers401() {
        assertRefused(
                api().handle(get("Bearer " + ISSUER.hmacToken(t -> {}))),
                "the token's signing algorithm is not supported");
    }

    @Test
    void handle_unknownKeyId_answers401() {
        assertRefused(
                api().handle(get(bearer(t -> t.keyId("rotated-away")))),
                "the token's key id is not in the issuer's key set");
    }

    @Test
    void handle_tokenOfAnotherKeyWithTheSameKid_answers401() {
        FakeJwtIssuer impostor = FakeJwtIssuer.builder().keyId(ISSUER.keyId()).build();

        assertRefused(
                api().handle(get("Bearer " + impostor.token(t -> t.issuedAt(NOW)))),
                "the token's signature is invalid");
    }

    @Test
    void handle_hugeAndMalformedTokens_answer401() {
        String huge = "Bearer " + "a".repeat(9_000) + "." + "b".repeat(100) + ".c";

        assertRefused(api().handle(get(huge)), "the token is not a well-formed JWT");
        assertRefused(api().handle(get("Bearer not-a-jwt")), "the token is not a well-formed JWT");
        assertRefused(api().handle(get("Bearer ")), "the token is missing");
    }

    @Test
    void handle_cognitoIssuerBoundByPoolId_passes() {
        FakeCognito pool = FakeCognito.builder().clock(clock).build();
        Api api =
                pool.bindTo(
                                Api.builder()
                                        .httpApi(
                                                HttpApi.builder("cognito")
                                                        .authorizer(
                                                                HttpAuthorizer.jwt(
                                                                                "jwt",
                                                                                pool.issuer(),
                                                                                pool.clientId())
                                                                        .build())
                                                        .route(
                                                                Route.builder("GET /pets")
                                                                        .jwt("jwt")
                                                                        .build())
                                                        .stage(HttpStage.DEFAULT, s -> {})
                                                        .build()))
                        .gateway(Gateway.builder().clock(clock).build())
                        .build();

        assertPassed(api.handle(get("Bearer " + pool.idToken())));
        assertPassed(api.handle(get("Bearer " + pool.accessToken("any"))));
    }

    /** An issuer's OpenID configuration and key set on a real HTTP server. */
    private static final class IssuerServer implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger discoveries = new AtomicInteger();
        final AtomicInteger failuresLeft;
        final FakeJwtIssuer issuer;

        IssuerServer(int failures) throws IOException {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            failuresLeft = new AtomicInteger(failures);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant";
            issuer =
                    FakeJwtIssuer.builder().issuer(base).clock(ManualClock.startingAt(NOW)).build();
            server.createContext(
                    "/tenant/.well-known/openid-configuration",
                    exchange -> {
                        discoveries.incrementAndGet();
                        boolean fail = failuresLeft.getAndDecrement() > 0;
                        byte[] body =
                                issuer.openIdConfiguration(base + "/keys")
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(fail ? 503 : 200, fail ? -1 : body.length);
                        if (!fail) {
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(body);
                            }
                        }
                        exchange.close();
                    });
            server.createContext(
                    "/tenant/keys",
                    exchange -> {
                        byte[] body = issuer.jwks().getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                        exchange.close();
                    });
            server.start();
        }

        Api api(ManualClock clock) {
            return Api.builder()
                    .httpApi(definition(issuer.issuer()))
                    .gateway(Gateway.builder().clock(clock).build())
                    .build();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void handle_unboundIssuer_discoversItsKeySetOnceAndKeepsIt() throws IOException {
        try (IssuerServer server = new IssuerServer(0)) {
            Api api = server.api(clock);

            assertPassed(api.handle(get("Bearer " + server.issuer.token())));
            assertPassed(api.handle(get("Bearer " + server.issuer.token())));

            assertThat(server.discoveries).hasValue(1);
        }
    }

    @Test
    void handle_failedDiscovery_answers401AndIsRetriedByTheNextToken() throws IOException {
        try (IssuerServer server = new IssuerServer(1)) {
            Api api = server.api(clock);

            assertRefused(
                    api.handle(get("Bearer " + server.issuer.token())),
                    "the token's key id is not in the issuer's key set");
            assertPassed(api.handle(get("Bearer " + server.issuer.token())));

            assertThat(server.discoveries).hasValue(2);
        }
    }

    @Test
    void build_issuerThatIsNoUrl_failsNamingTheAuthorizer() {
        Api.Builder builder = Api.builder().httpApi(definition("my-issuer"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer jwt")
                .hasMessageContaining("my-issuer");
    }
}
