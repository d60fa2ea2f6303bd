package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference 8.4, 8.5: a user pool's key set from a document, a file or a URL. */
class UserPoolKeysTest {
    private static final TestTokens KEYS = new TestTokens("key-1");
    private static final String POOL = "us-east-1_AbCdEf123";

    @TempDir Path dir;

    @Test
    void of_document_findsItsRsaKeyByKid() {
        UserPoolKeys keys = UserPoolKeys.of(POOL, KEYS.jwks());

        assertThat(keys.verifier("key-1")).isPresent();
        assertThat(keys.verifier("key-2")).isEmpty();
    }

    @Test
    void of_setWithEcAndEncryptionKeys_keepsOnlyRsaSigningKeys() throws Exception {
        TestTokens encryption = new TestTokens("enc-1");
        String json =
                new JWKSet(
                                List.of(
                                        KEYS.key.toPublicJWK(),
                                        new ECKeyGenerator(Curve.P_256)
                                                .keyID("ec-1")
                                                .generate()
                                                .toPublicJWK(),
                                        new com.nimbusds.jose.jwk.RSAKey.Builder(
                                                        encryption.key.toRSAPublicKey())
                                                .keyID("enc-1")
                                                .keyUse(KeyUse.ENCRYPTION)
                                                .build()))
                        .toString();

        UserPoolKeys keys = UserPoolKeys.of(POOL, json);

        assertThat(keys.verifier("key-1")).isPresent();
        assertThat(keys.verifier("ec-1")).isEmpty();
        assertThat(keys.verifier("enc-1")).isEmpty();
    }

    @Test
    void of_notAKeySet_failsNamingThePool() {
        assertThatThrownBy(() -> UserPoolKeys.of(POOL, "{\"keys\": 7}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON Web Key Set of user pool " + POOL);
    }

    @Test
    void file_readsAndParsesNow() throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, KEYS.jwks(), StandardCharsets.UTF_8);

        UserPoolKeys keys = UserPoolKeys.file(POOL, file);
        Files.delete(file);

        assertThat(keys.verifier("key-1")).isPresent();
        assertThat(keys.source()).isEqualTo(file.toString());
    }

    @Test
    void file_missing_failsNamingPoolAndFile() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> UserPoolKeys.file(POOL, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(POOL)
                .hasMessageContaining(file.toString());
    }

    @Test
    void url_fetchedOnFirstUseOnceAndKept() {
        AtomicInteger fetches = new AtomicInteger();
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.handle(
                    "/jwks.json",
                    exchange -> {
                        fetches.incrementAndGet();
                        byte[] body = KEYS.jwks().getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            UserPoolKeys keys = UserPoolKeys.url(POOL, URI.create(server.origin() + "/jwks.json"));
            assertThat(fetches).hasValue(0);

            assertThat(keys.verifier("key-1")).isPresent();
            assertThat(keys.verifier("key-2")).isEmpty();
            assertThat(keys.verifier("key-1")).isPresent();
            assertThat(fetches).hasValue(1);
        }
    }

    @Test
    void url_failedFetch_emptyThenRetried() {
        AtomicInteger fetches = new AtomicInteger();
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.handle(
                    "/jwks.json",
                    exchange -> {
                        boolean first = fetches.incrementAndGet() == 1;
                        byte[] body =
                                (first ? "down" : KEYS.jwks()).getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(first ? 503 : 200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            UserPoolKeys keys = UserPoolKeys.url(POOL, URI.create(server.origin() + "/jwks.json"));

            assertThat(keys.verifier("key-1")).isEmpty();
            assertThat(keys.verifier("key-1")).isPresent();
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void url_tooLarge_refused() {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.handle(
                    "/jwks.json",
                    exchange -> {
                        byte[] body = new byte[JwksDownload.MAX_BYTES + 1];
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            UserPoolKeys keys = UserPoolKeys.url(POOL, URI.create(server.origin() + "/jwks.json"));

            assertThat(keys.verifier("key-1")).isEmpty();
        }
    }

    @Test
    void url_noAnswerWithinTheTimeout_empty() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.handle(
                    "/jwks.json",
                    exchange -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        exchange.close();
                    });
            UserPoolKeys keys =
                    UserPoolKeys.url(
                            POOL,
                            URI.create(server.origin() + "/jwks.json"),
                            Duration.ofMillis(200));

            assertThat(keys.verifier("key-1")).isEmpty();
            release.countDown();
        }
    }

    @Test
    void url_closedPort_empty() {
        UserPoolKeys keys =
                UserPoolKeys.url(
                        POOL,
                        URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/j"));

        assertThat(keys.verifier("key-1")).isEmpty();
    }

    @Test
    void url_notHttp_failsNamingThePool() {
        assertThatThrownBy(() -> UserPoolKeys.url(POOL, URI.create("file:///etc/jwks.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(POOL)
                .hasMessageContaining("not an http(s) URL");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void discovered_readsTheOpenIdConfigurationThenItsJwksUriOnceAndKeepsIt() {
        AtomicInteger discoveries = new AtomicInteger();
        try (LocalHttpServer server = LocalHttpServer.start()) {
            String issuer = server.origin() + "/tenant";
            server.handle(
                    "/tenant/.well-known/openid-configuration",
                    exchange -> {
                        discoveries.incrementAndGet();
                        byte[] body =
                                utf8("{\"jwks_uri\":\"" + server.origin() + "/tenant/keys\"}");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            server.respond("/tenant/keys", 200, Map.of(), utf8(KEYS.jwks()));
            UserPoolKeys keys = UserPoolKeys.discovered(issuer + "/", UserPoolKeys.FETCH_TIMEOUT);
            assertThat(discoveries).hasValue(0);

            assertThat(keys.verifier("key-1")).isPresent();
            assertThat(keys.verifier("key-1")).isPresent();
            assertThat(discoveries).hasValue(1);
            assertThat(keys.source()).isEqualTo(issuer + "/.well-known/openid-configuration");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{\"jwks_uri\":7}", "{\"jwks_uri\":\"file:///etc/passwd\"}", "[]"})
    void discovered_configurationWithoutAnHttpJwksUri_isEmpty(String configuration) {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.respond("/.well-known/openid-configuration", 200, Map.of(), utf8(configuration));

            UserPoolKeys keys =
                    UserPoolKeys.discovered(server.origin(), UserPoolKeys.FETCH_TIMEOUT);

            assertThat(keys.verifier("key-1")).isEmpty();
        }
    }

    @Test
    void discovered_notHttp_failsNamingTheIssuer() {
        assertThatThrownBy(() -> UserPoolKeys.discovered("ftp://x", UserPoolKeys.FETCH_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer ftp://x");
    }

    @Test
    void isIssuer_urlsAreIssuersPoolIdsAreNot() {
        assertThat(UserPoolKeys.isIssuer("https://issuer.example.com")).isTrue();
        assertThat(UserPoolKeys.isIssuer("http://localhost:8080/realms/x")).isTrue();
        assertThat(UserPoolKeys.isIssuer(POOL)).isFalse();
    }
}
