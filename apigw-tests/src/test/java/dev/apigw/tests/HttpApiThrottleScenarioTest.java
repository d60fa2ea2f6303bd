package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.model.RouteSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Throttling of HTTP APIs through {@link Api#handle} (reference 9.4, 9.1 HTTP API stages): a
 * route's {@code routeSettings} over the stage's {@code defaultRouteSettings}, a bucket per route
 * and stage, then the account's bucket; 429 {@code {"message":"Too Many Requests"}} (reference
 * 3.3). Time from a {@link ManualClock}. The routes have no integration, so a request that passes
 * throttling answers 404.
 */
class HttpApiThrottleScenarioTest {
    private static final String TOO_MANY = "{\"message\":\"Too Many Requests\"}";

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final Gateway account = Gateway.builder().clock(clock).build();

    private Api api(Consumer<HttpApi.Builder> spec) {
        HttpApi.Builder b = HttpApi.builder("throttled").route("GET /pets", r -> {});
        b.route("GET /cats", r -> {});
        spec.accept(b);
        return Api.builder().httpApi(b.build()).gateway(account).build();
    }

    private static int status(Api api, String path) {
        return api.handle(Request.get(path)).statusCode();
    }

    @Test
    void handle_defaultRouteSettingsBucketEmpty_answers429UntilItRefills() {
        Api api = api(b -> b.stage("$default", s -> s.defaultRouteSettings(throttled(2, 1.0))));

        assertThat(status(api, "/pets")).isEqualTo(404);
        assertThat(status(api, "/pets")).isEqualTo(404);
        Response throttled = api.handle(Request.get("/pets"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.bodyAsString()).isEqualTo(TOO_MANY);
        assertThat(throttled.headers().first("content-type")).contains("application/json");
        assertThat(status(api, "/pets")).as("one token back after a second").isEqualTo(404);
        assertThat(status(api, "/pets")).isEqualTo(429);
    }

    @Test
    void handle_routeSettingsOfTheRoute_overrideTheDefaults() {
        Api api =
                api(
                        b ->
                                b.stage(
                                        "$default",
                                        s ->
                                                s.defaultRouteSettings(throttled(1, 1.0))
                                                        .routeSettings(
                                                                "GET /pets", throttled(3, 1.0))));

        assertThat(status(api, "/pets")).isEqualTo(404);
        assertThat(status(api, "/pets")).isEqualTo(404);
        assertThat(status(api, "/pets")).isEqualTo(404);
        assertThat(status(api, "/pets")).isEqualTo(429);
        assertThat(status(api, "/cats")).isEqualTo(404);
        assertThat(status(api, "/cats")).isEqualTo(429);
    }

    @Test
    void handle_routeSettingsWithOnlyABurst_takeTheRateOfTheDefaults() {
        Api api =
                api(
                        b ->
                                b.stage(
                                        "$default",
                                        s ->
                                                s.defaultRouteSettings(throttled(5, 1.0))
                                                        .routeSettings(
                                                                "GET /pets",
                                                                new RouteSettings(
                                                                        false, 1, null))));

        assertThat(status(api, "/pets")).isEqualTo(404);
        assertThat(status(api, "/pets")).as("the route's burst of 1").isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));

        assertThat(status(api, "/pets")).as("the defaults' rate of 1 per second").isEqualTo(404);
    }

    @Test
    void handle_twoRoutesOfOneStage_haveABucketEach() {
        Api api = api(b -> b.stage("$default", s -> s.defaultRouteSettings(throttled(1, 1.0))));

        assertThat(status(api, "/pets")).isEqualTo(404);
        assertThat(status(api, "/cats")).isEqualTo(404);
        assertThat(status(api, "/pets")).isEqualTo(429);
        assertThat(status(api, "/cats")).isEqualTo(429);
    }

    @Test
    void handle_sameRouteOnTwoStages_hasABucketPerStage() {
        Api api =
                api(
                        b ->
                                b.stage("dev", s -> s.defaultRouteSettings(throttled(1, 1.0)))
                                        .stage(
                                                "prod",
                                                s -> s.defaultRouteSettings(throttled(1, 1.0))));

        assertThat(status(api, "/dev/pets")).isEqualTo(404);
        assertThat(status(api, "/prod/pets")).isEqualTo(404);
        assertThat(status(api, "/dev/pets")).isEqualTo(429);
        assertThat(status(api, "/prod/pets")).isEqualTo(429);
    }

    @Test
    void handle_noRouteSettings_isThrottledByTheAccountAcrossApis() {
        Gateway small =
                Gateway.builder()
                        .clock(clock)
                        .accountThrottle(new ThrottleSettings(2, 1.0))
                        .build();
        HttpApi definition =
                HttpApi.builder("a").route("GET /pets", r -> {}).stage("$default", s -> {}).build();
        Api first = Api.builder().httpApi(definition).gateway(small).build();
        Api second = Api.builder().httpApi(definition).gateway(small).build();

        assertThat(status(first, "/pets")).isEqualTo(404);
        assertThat(status(second, "/pets")).isEqualTo(404);
        assertThat(status(first, "/pets")).isEqualTo(429);
        assertThat(status(second, "/pets")).isEqualTo(429);
    }

    @Test
    void handle_throttledWithCorsAndAllowedOrigin_carriesTheCorsHeaders() {
        Api api =
                api(
                        b ->
                                b.stage("$default", s -> s.defaultRouteSettings(throttled(0, 0.0)))
                                        .corsConfiguration(
                                                CorsConfiguration.builder()
                                                        .allowOrigins("https://app.example.com")
                                                        .build()));

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets")
                                .header("Origin", "https://app.example.com")
                                .build());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().first("access-control-allow-origin"))
                .contains("https://app.example.com");
    }

    private static RouteSettings throttled(int burst, double rate) {
        return RouteSettings.throttled(burst, rate);
    }
}
