package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.FakeJwtIssuer;
import dev.apigw.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of a valid JWT (reference 8.5): whatever is changed, deleted, inserted,
 * swapped or appended, the HTTP API answers 401 with the challenge and nothing is thrown (an
 * internal error fails the test).
 */
class HttpJwtAuthorizerProperties {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final FakeJwtIssuer ISSUER =
            FakeJwtIssuer.builder().clock(ManualClock.startingAt(NOW)).build();
    private static final String TOKEN = ISSUER.token(t -> t.scopes("pets/read"));
    private static final Api API =
            ISSUER.bindTo(
                            Api.builder()
                                    .httpApi(
                                            HttpApi.builder("fuzz")
                                                    .authorizer(
                                                            HttpAuthorizer.jwt(
                                                                            "jwt",
                                                                            ISSUER.issuer(),
                                                                            ISSUER.audience())
                                                                    .build())
                                                    .route(
                                                            Route.builder("GET /pets")
                                                                    .jwt("jwt", "pets/read")
                                                                    .build())
                                                    .stage(HttpStage.DEFAULT, s -> {})
                                                    .build()))
                    .gateway(Gateway.builder().clock(ManualClock.startingAt(NOW)).build())
                    .internalErrorHandler(FailingInternalErrorHandler.create())
                    .build();

    static Stream<Arguments> mutations() {
        return IntStream.range(0, 60)
                .mapToObj(i -> 0x5eed_0000L + i)
                .map(seed -> Arguments.of(seed, mutate(TOKEN, new Random(seed))));
    }

    /**
     * Returns {@code token} changed once, never only in a segment's last character's spare bits.
     */
    private static String mutate(String token, Random random) {
        String[] parts = token.split("\\.", -1);
        switch (random.nextInt(7)) {
            case 0:
                return replaceChar(token, random);
            case 1:
                int from = random.nextInt(token.length() - 1);
                return token.substring(0, from)
                        + token.substring(from + 1 + random.nextInt(token.length() - from - 1));
            case 2:
                int at = random.nextInt(token.length());
                return token.substring(0, at)
                        + randomText(random, 1 + random.nextInt(20))
                        + token.substring(at);
            case 3:
                return token.substring(0, random.nextInt(token.length()));
            case 4:
                return parts[1] + "." + parts[0] + "." + parts[2];
            case 5:
                return token + "." + randomText(random, 1 + random.nextInt(10));
            default:
                String json = "{\"alg\":\"" + randomText(random, 5) + "\",\"kid\":\"x\"}";
                return Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(json.getBytes(StandardCharsets.UTF_8))
                        + "."
                        + parts[1]
                        + "."
                        + parts[2];
        }
    }

    private static String replaceChar(String token, Random random) {
        int at;
        do {
            at = random.nextInt(token.length() - 1);
        } while (token.charAt(at) == '.' || token.charAt(at + 1) == '.');
        char replacement;
        do {
            replacement = (char) (0x21 + random.nextInt(0x7e - 0x21 + 1));
        } while (replacement == token.charAt(at));
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mutations")
    void handle_mutatedToken_answers401WithTheChallenge(long seed, String token) {
        Response response =
                API.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets")
                                .header("Authorization", "Bearer " + token)
                                .build());

        assertThat(response.statusCode()).as("seed %s, token %s", seed, token).isEqualTo(401);
        assertThat(response.headers().first("www-authenticate").orElseThrow())
                .startsWith("Bearer scope=\"\" error=\"invalid_token\" error_description=\"");
    }
}
