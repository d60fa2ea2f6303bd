package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import dev.apigw.testkit.RecordingLoggers;
import dev.apigw.testkit.RecordingLoggers.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Execution logs through {@link Api#handle} (reference 10.2): the stage's {@code loggingLevel} (the
 * method's setting, else {@code *}{@code /*}) decides what goes to the SLF4J logger of the stage's
 * log group, each event {@code (<requestId>) <message>} cut at 1024 bytes.
 */
class ExecutionLogScenarioTest {
    static final String GROUP = "API-Gateway-Execution-Logs_a1b2c3d4e5/prod";
    static final String ID = AccessLogScenarioTest.REQUEST_ID;
    static final String PREFIX = "(" + ID + ") ";

    private final ManualClock clock =
            ManualClock.startingAt(Instant.parse("2026-03-04T19:15:17.135Z"));
    private final RecordingLoggers logs = new RecordingLoggers();
    private String lambdaAnswer = "not json";

    private Api api(Consumer<Stage.Builder> stage) {
        return Api.builder()
                .gateway(
                        Gateway.builder()
                                .clock(clock)
                                .random(new Random(13))
                                .executionLogs(logs)
                                .build())
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(AccessLogScenarioTest.petsApi())
                .deploy("prod", stage)
                .lambda(
                        "broken",
                        invocation ->
                                LambdaResult.of(lambdaAnswer.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static Consumer<Stage.Builder> logging(LoggingLevel level, boolean dataTrace) {
        return s ->
                s.putMethodSetting(
                        "*/*",
                        MethodSetting.builder()
                                .loggingLevel(level)
                                .dataTraceEnabled(dataTrace)
                                .build());
    }

    private static Request get(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("User-Agent", "curl/8.0")
                .build();
    }

    private static List<String> events(String... messages) {
        return Stream.of(messages).map(m -> PREFIX + m).collect(Collectors.toList());
    }

    @Test
    void handle_info_logsAwsLinesWithoutData() {
        api(logging(LoggingLevel.INFO, false)).handle(get("/prod/pets?limit=2&limit=3"));

        assertThat(logs.messages(GROUP))
                .containsExactlyElementsOf(
                        events(
                                "Extended Request Id: " + AccessLogScenarioTest.EXTENDED_REQUEST_ID,
                                "Starting execution for request: " + ID,
                                "HTTP Method: GET, Resource Path: /pets",
                                "Method request path: {}",
                                "Method request query string: {limit=3}",
                                "Successfully completed execution",
                                "Method completed with status: 200"));
        assertThat(logs.events(GROUP)).extracting(Event::level).containsOnly(Level.INFO);
    }

    @Test
    void handle_infoWithDataTrace_logsHeadersAndBodies() {
        api(logging(LoggingLevel.INFO, true)).handle(get("/prod/pets"));

        assertThat(logs.messages(GROUP))
                .containsExactlyElementsOf(
                        events(
                                "Extended Request Id: " + AccessLogScenarioTest.EXTENDED_REQUEST_ID,
                                "Starting execution for request: " + ID,
                                "HTTP Method: GET, Resource Path: /pets",
                                "Method request path: {}",
                                "Method request query string: {}",
                                "Method request headers: {User-Agent=curl/8.0}",
                                "Method request body before transformations: ",
                                "Endpoint request body after transformations: {\"statusCode\": 200}",
                                "Method response body after transformations: [{\"id\":1}]",
                                "Method response headers: {Content-Type=application/json,"
                                        + " x-amzn-RequestId="
                                        + ID
                                        + ", x-amz-apigw-id="
                                        + AccessLogScenarioTest.EXTENDED_REQUEST_ID
                                        + "}",
                                "Successfully completed execution",
                                "Method completed with status: 200"));
    }

    @Test
    void handle_infoWithDataTrace_redactsAuthorizationAndApiKeyValues() {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/pets")
                        .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.secret")
                        .header("x-api-key", "Gold0123456789abcdefXYZ")
                        .build();

        api(logging(LoggingLevel.INFO, true)).handle(request);

        assertThat(logs.messages(GROUP))
                .contains(
                        PREFIX
                                + "Method request headers: {Authorization="
                                + "*".repeat(27)
                                + "secret, x-api-key="
                                + "*".repeat(17)
                                + "defXYZ}")
                .noneMatch(line -> line.contains("eyJhbGciOiJub25lIn0"))
                .noneMatch(line -> line.contains("Gold0123"));
    }

    @Test
    void handle_errorLevel_logsOnlyTheErrorLine() {
        api(logging(LoggingLevel.ERROR, true)).handle(get("/prod/broken"));

        assertThat(logs.events(GROUP)).extracting(Event::level).containsExactly(Level.ERROR);
        assertThat(logs.messages(GROUP).get(0))
                .startsWith(
                        PREFIX
                                + "Execution failed due to configuration error: Malformed Lambda"
                                + " proxy response");
    }

    @Test
    void handle_infoOnBrokenLambda_logsErrorAmongInfoLines() {
        api(logging(LoggingLevel.INFO, false)).handle(get("/prod/broken"));

        assertThat(logs.events(GROUP))
                .filteredOn(e -> e.level() == Level.ERROR)
                .extracting(Event::message)
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("Malformed Lambda proxy response");
        assertThat(logs.messages(GROUP))
                .contains(
                        PREFIX + "Sending request to " + LambdaProxyScenarioTest.uri("broken"),
                        PREFIX + "Method completed with status: 502")
                .doesNotContain(PREFIX + "Successfully completed execution");
    }

    @Test
    void handle_off_logsNothing() {
        api(logging(LoggingLevel.OFF, true)).handle(get("/prod/pets"));
        api(s -> {}).handle(get("/prod/pets"));

        assertThat(logs.events()).isEmpty();
    }

    @Test
    void handle_methodSettingOverridesAllMethods() {
        Api api =
                api(
                        s ->
                                logging(LoggingLevel.INFO, false)
                                        .andThen(
                                                b ->
                                                        b.putMethodSetting(
                                                                "pets/GET",
                                                                MethodSetting.builder()
                                                                        .loggingLevel(
                                                                                LoggingLevel.OFF)
                                                                        .build()))
                                        .accept(s));

        api.handle(get("/prod/pets"));
        assertThat(logs.events()).isEmpty();

        api.handle(get("/prod/keyed"));
        assertThat(logs.messages(GROUP))
                .anySatisfy(
                        m -> assertThat(m).endsWith(") HTTP Method: GET, Resource Path: /keyed"))
                .anySatisfy(m -> assertThat(m).endsWith(") Method completed with status: 403"));
    }

    @Test
    void handle_unmatchedRoute_logsNothing() {
        api(logging(LoggingLevel.INFO, true)).handle(get("/prod/nowhere"));

        assertThat(logs.events()).isEmpty();
    }

    @Test
    void handle_longBody_cutsTheEventAt1024Bytes() {
        lambdaAnswer = "{\"statusCode\":200,\"body\":\"" + "é".repeat(2000) + "\"}";

        api(logging(LoggingLevel.INFO, true)).handle(get("/prod/broken"));

        String event =
                logs.messages(GROUP).stream()
                        .filter(m -> m.contains("Endpoint response body before transformations"))
                        .findFirst()
                        .orElseThrow();
        assertThat(event).endsWith("é [TRUNCATED]");
        assertThat(event.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
        assertThat(event.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1020);
    }
}
