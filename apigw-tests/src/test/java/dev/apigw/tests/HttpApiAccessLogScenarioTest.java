package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.model.RouteSettings;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.AccessLogSink;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Access logs of HTTP APIs through {@link Api#handle} (reference 10.4): each stage's format,
 * compiled when the API is built, rendered with the HTTP API {@code $context} variables once the
 * response is final and written to the account's {@link AccessLogSink} at the stage's destination.
 * Time from a {@link ManualClock}. The routes have no integration: a routed request answers 404.
 */
class HttpApiAccessLogScenarioTest {
    static final String DESTINATION = "arn:aws:logs:us-east-1:123456789012:log-group:http-logs";
    static final String FORMAT =
            "$context.requestId $context.extendedRequestId $context.apiId $context.accountId"
                    + " $context.stage \"$context.routeKey\" $context.httpMethod $context.path"
                    + " $context.protocol $context.domainName $context.domainPrefix"
                    + " [$context.requestTime] $context.requestTimeEpoch"
                    + " $context.identity.sourceIp \"$context.identity.userAgent\""
                    + " $context.status $context.responseLength $context.responseLatency"
                    + " $context.dataProcessed \"$context.error.message\""
                    + " $context.error.messageString $context.error.responseType"
                    + " $context.integrationStatus $context.integrationLatency"
                    + " $context.authorizer.error $context.authorizer.claims.sub";

    private final ManualClock clock =
            ManualClock.startingAt(Instant.parse("2026-03-04T19:15:17.135Z"));
    private final List<String> lines = new ArrayList<>();
    private final List<String> destinations = new ArrayList<>();
    private final AccessLogSink recording =
            (destination, line) -> {
                destinations.add(destination);
                lines.add(line);
            };

    private Api api(String format, Consumer<HttpApi.Builder> more) {
        HttpApi.Builder b =
                HttpApi.builder("pets")
                        .id("a1b2c3d4e5")
                        .route("GET /pets/{id}", r -> {})
                        .stage(
                                "prod",
                                s ->
                                        s.accessLogSettings(
                                                new AccessLogSettings(format, DESTINATION)));
        more.accept(b);
        return Api.builder()
                .gateway(
                        Gateway.builder()
                                .clock(clock)
                                .random(new Random(13))
                                .accessLog(recording)
                                .build())
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .httpApi(b.build())
                .build();
    }

    private static Request get(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("Host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com")
                .header("User-Agent", "curl/8.5.0")
                .sourceIp("198.51.100.7")
                .build();
    }

    @Test
    void handle_routedRequest_writesTheStagesFormatWithHttpApiVariables() {
        Response response = api(FORMAT, b -> {}).handle(get("/prod/pets/7"));

        String id = response.headers().first("apigw-requestid").orElseThrow();
        assertThat(lines)
                .containsExactly(
                        id
                                + " "
                                + id
                                + " a1b2c3d4e5 123456789012 prod \"GET /pets/{id}\" GET"
                                + " /prod/pets/7 HTTP/1.1"
                                + " a1b2c3d4e5.execute-api.us-east-1.amazonaws.com a1b2c3d4e5"
                                + " [04/Mar/2026:19:15:17 +0000] 1772651717135 198.51.100.7"
                                + " \"curl/8.5.0\" 404 23 0 23 \"Not Found\" \"Not Found\""
                                + " RESOURCE_NOT_FOUND - - - -");
        assertThat(destinations).containsExactly(DESTINATION);
    }

    @Test
    void handle_noRouteOnTheStage_logsWithoutRouteKey() {
        api("$context.requestId $context.stage $context.routeKey $context.status", b -> {})
                .handle(get("/prod/cats"));

        assertThat(lines).singleElement().asString().endsWith(" prod - 404");
    }

    @Test
    void handle_defaultStage_logsItsName() {
        api(
                        "$context.requestId $context.stage $context.path",
                        b ->
                                b.stage(
                                        "$default",
                                        s ->
                                                s.accessLogSettings(
                                                        new AccessLogSettings(
                                                                "$context.requestId"
                                                                        + " $context.stage"
                                                                        + " $context.path",
                                                                DESTINATION + "-root"))))
                .handle(get("/pets/1"));

        assertThat(lines).singleElement().asString().endsWith(" $default /pets/1");
        assertThat(destinations).containsExactly(DESTINATION + "-root");
    }

    @Test
    void handle_requestReachingNoStage_writesNoLine() {
        api(FORMAT, b -> {}).handle(get("/dev/pets/1"));

        assertThat(lines).isEmpty();
    }

    @Test
    void handle_throttled_logsTheThrottledError() {
        api(
                        "$context.requestId $context.status $context.error.responseType"
                                + " $context.error.messageString",
                        b ->
                                b.stage(
                                        "prod",
                                        s ->
                                                s.defaultRouteSettings(
                                                                RouteSettings.throttled(0, 0.0))
                                                        .accessLogSettings(
                                                                new AccessLogSettings(
                                                                        "$context.requestId"
                                                                                + " $context.status"
                                                                                + " $context.error"
                                                                                + ".responseType"
                                                                                + " $context.error"
                                                                                + ".messageString",
                                                                        DESTINATION))))
                .handle(get("/prod/pets/1"));

        assertThat(lines)
                .singleElement()
                .asString()
                .endsWith(" 429 THROTTLED \"Too Many Requests\"");
    }

    @Test
    void handle_preflightAnsweredByApiGateway_logsNoError() {
        Api api =
                api(
                        "$context.requestId $context.status $context.error.message",
                        b ->
                                b.corsConfiguration(
                                        CorsConfiguration.builder().allowOrigins("*").build()));

        api.handle(
                Request.builder()
                        .httpMethod("OPTIONS")
                        .target("/prod/pets/1")
                        .header("Origin", "https://app.example.com")
                        .header("Access-Control-Request-Method", "GET")
                        .build());

        assertThat(lines).singleElement().asString().endsWith(" 204 -");
    }

    @Test
    void build_formatOverThreeKilobytes_failsNamingTheStage() {
        String format = "$context.requestId " + "x".repeat(3 * 1024);

        assertThatThrownBy(() -> api(format, b -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage prod")
                .hasMessageContaining("3072");
    }

    @Test
    void build_formatWithoutRequestId_failsNamingTheStage() {
        assertThatThrownBy(() -> api("$context.status", b -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage prod")
                .hasMessageContaining("$context.requestId");
    }
}
