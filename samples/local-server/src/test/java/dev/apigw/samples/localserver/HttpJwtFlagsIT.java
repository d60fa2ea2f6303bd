package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.testkit.FakeJwtIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP API JWT authorizer through the shaded jar (reference 8.5): the issuer's key set bound
 * with {@code --jwks ISSUER=FILE}, tokens minted by the testkit's {@link FakeJwtIssuer}. A token of
 * the issuer with the route's scope reaches the function with its claims in the 2.0 event; no
 * token, a token signed by another key and a token without the route's scope answer 401 {@code
 * Unauthorized} (with {@code www-authenticate}).
 */
class HttpJwtFlagsIT {
    private static final Path SPEC =
            Path.of("src/test/resources/fixtures/http-api/jwt-http-api.yaml");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final FakeJwtIssuer issuer = FakeJwtIssuer.create();
    @TempDir Path dir;
    private ServerProcess server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        HelloHandlerSource.compile(
                dir,
                classes,
                "\"sub=\" + ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>)"
                        + " event.get(\"requestContext\")).get(\"authorizer\")).get(\"jwt\"))"
                        + ".get(\"claims\")).get(\"sub\")");
        Path jwks = issuer.writeJwks(dir.resolve("jwks.json"));
        server =
                ServerProcess.start(
                        List.of(
                                "--spec",
                                SPEC.toString(),
                                "--lambda",
                                "HelloFunction=example.HelloHandler",
                                "--classpath",
                                classes.toString(),
                                "--jwks",
                                issuer.issuer() + "=" + jwks,
                                "--port",
                                "0"));
        base = server.awaitLine("Listening on ").substring("Listening on ".length());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + "/me")).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenOfTheIssuerWithTheScope_reachesTheFunctionWithItsClaims() throws Exception {
        String token = issuer.token(t -> t.subject("user-7").scopes("pets/read"));

        HttpResponse<String> response = me("Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("sub=user-7");
    }

    @Test
    void noToken_answers401WithAChallenge() throws Exception {
        HttpResponse<String> response = me(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).isPresent();
    }

    @Test
    void tokenSignedByAnotherKey_answers401() throws Exception {
        String forged = FakeJwtIssuer.create().token(t -> t.subject("user-7").scopes("pets/read"));

        HttpResponse<String> response = me("Bearer " + forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void tokenWithoutTheRoutesScope_answers401() throws Exception {
        String token = issuer.token(t -> t.subject("user-7").scopes("pets/write"));

        HttpResponse<String> response = me("Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
}
