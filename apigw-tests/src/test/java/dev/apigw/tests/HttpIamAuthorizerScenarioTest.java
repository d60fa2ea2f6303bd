package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.IamCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * IAM authorization of HTTP API routes through {@link Api#handle} (reference 8.7; answers 3.3):
 * requests signed by the AWS SDK v2 signer pass (the route has no integration: 404), any SigV4
 * failure answers 403 {@code {"message":"Forbidden"}}.
 */
class HttpIamAuthorizerScenarioTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "AKIAALICE00000000001";
    private static final String SECRET = "alice/secret/0123456789abcdefghijklmnopq";
    private static final String HOST = "abc123.execute-api.us-east-1.amazonaws.com";

    private static Api api() {
        Map<String, IamCredentials> known =
                Map.of(
                        KEY,
                        IamCredentials.of(
                                SECRET, "123456789012", "arn:aws:iam::123456789012:user/alice"));
        return Api.builder()
                .httpApi(
                        HttpApi.builder("iam")
                                .route(
                                        Route.builder("GET /pets")
                                                .authorizationType(AuthorizationType.AWS_IAM)
                                                .build())
                                .route(Route.builder("GET /open").build())
                                .stage(HttpStage.DEFAULT, s -> {})
                                .build())
                .gateway(Gateway.builder().clock(CLOCK).region("us-east-1").build())
                .credentials(key -> Optional.ofNullable(known.get(key)))
                .build();
    }

    private static SigV4Requests signer(String secret, Clock clock) {
        return SigV4Requests.of(AwsCredentialsIdentity.create(KEY, secret), clock, HOST);
    }

    private static void assertForbidden(Response response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void handle_signedRequest_passes() {
        Response response = api().handle(signer(SECRET, CLOCK).sign("GET", "/pets"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void handle_unsignedRequest_answers403Forbidden() {
        assertForbidden(api().handle(Request.get("/pets")));
    }

    @Test
    void handle_wrongSecret_answers403Forbidden() {
        assertForbidden(api().handle(signer("not/the/secret", CLOCK).sign("GET", "/pets")));
    }

    @Test
    void handle_staleSignature_answers403Forbidden() {
        Clock past = Clock.offset(CLOCK, Duration.ofMinutes(-20));

        assertForbidden(api().handle(signer(SECRET, past).sign("GET", "/pets")));
    }

    @Test
    void handle_openRouteOfTheSameApi_needsNoSignature() {
        assertThat(api().handle(Request.get("/open")).statusCode()).isEqualTo(404);
    }
}
