package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.AccessLogSink;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Access logs through {@link Api#handle} (reference 10.3): the stage's format, compiled when the
 * API is built, rendered once per request from {@code $context} variables (reference 1.2) after the
 * response is final and written to the account's {@link AccessLogSink} at the stage's destination.
 * The four formats the console offers, asserted line by line with a {@link ManualClock} and a
 * seeded random source, so the ids are the same on every run.
 */
class AccessLogScenarioTest {
    static final String CLF =
            "$context.identity.sourceIp $context.identity.caller $context.identity.user"
                    + " [$context.requestTime] \"$context.httpMethod $context.resourcePath"
                    + " $context.protocol\" $context.status $context.responseLength"
                    + " $context.requestId $context.extendedRequestId";
    static final String JSON =
            "{ \"requestId\":\"$context.requestId\","
                    + " \"extendedRequestId\":\"$context.extendedRequestId\","
                    + " \"ip\": \"$context.identity.sourceIp\","
                    + " \"caller\":\"$context.identity.caller\","
                    + " \"user\":\"$context.identity.user\","
                    + " \"requestTime\":\"$context.requestTime\","
                    + " \"httpMethod\":\"$context.httpMethod\","
                    + " \"resourcePath\":\"$context.resourcePath\","
                    + " \"status\":\"$context.status\","
                    + " \"protocol\":\"$context.protocol\","
                    + " \"responseLength\":\"$context.responseLength\" }";
    static final String XML =
            "<request id=\"$context.requestId\">"
                    + " <extendedRequestId>$context.extendedRequestId</extendedRequestId>"
                    + " <ip>$context.identity.sourceIp</ip>"
                    + " <caller>$context.identity.caller</caller>"
                    + " <user>$context.identity.user</user>"
                    + " <requestTime>$context.requestTime</requestTime>"
                    + " <httpMethod>$context.httpMethod</httpMethod>"
                    + " <resourcePath>$context.resourcePath</resourcePath>"
                    + " <status>$context.status</status>"
                    + " <protocol>$context.protocol</protocol>"
                    + " <responseLength>$context.responseLength</responseLength> </request>";
    static final String CSV =
            "$context.identity.sourceIp,$context.identity.caller,$context.identity.user,"
                    + "$context.requestTime,$context.httpMethod,$context.resourcePath,"
                    + "$context.protocol,$context.status,$context.responseLength,"
                    + "$context.requestId,$context.extendedRequestId";

    static final String DESTINATION =
            "arn:aws:logs:us-east-1:123456789012:log-group:pets-access-logs";

    /**
     * The ids of the first request of an account whose random source is {@code new Random(13)}
     * (after the draws of the build's deployment).
     */
    static final String REQUEST_ID = "71d231ee-0544-437d-8d20-f146c330217c";

    static final String EXTENDED_REQUEST_ID = "GhBEKQoAV7gllHc=";

    private final ManualClock clock =
            ManualClock.startingAt(Instant.parse("2026-03-04T19:15:17.135Z"));
    private final List<String> lines = new ArrayList<>();
    private final List<String> destinations = new ArrayList<>();

    private Gateway gateway(AccessLogSink sink) {
        return Gateway.builder().clock(clock).random(new Random(13)).accessLog(sink).build();
    }

    private final AccessLogSink recording =
            (destination, line) -> {
                destinations.add(destination);
                lines.add(line);
            };

    static RestApi petsApi() {
        return RestApi.builder()
                .id("a1b2c3d4e5")
                .name("pets")
                .resource("/pets", r -> r.method("GET", AccessLogScenarioTest::mock))
                .resource("/keyed", r -> r.method("GET", m -> mock(m.apiKeyRequired(true))))
                .resource(
                        "/broken",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.AWS_PROXY)
                                                                        .httpMethod("POST")
                                                                        .uri(
                                                                                LambdaProxyScenarioTest
                                                                                        .uri(
                                                                                                "broken")))))
                .build();
    }

    static Method.Builder mock(Method.Builder m) {
        return m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse(
                                                "200",
                                                ir ->
                                                        ir.putResponseTemplate(
                                                                "application/json",
                                                                "[{\"id\":1}]")));
    }

    private Api api(String format, Consumer<Stage.Builder> more) {
        return Api.builder()
                .gateway(gateway(recording))
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(petsApi())
                .deploy(
                        "prod",
                        s -> {
                            s.accessLogSettings(new AccessLogSettings(format, DESTINATION));
                            more.accept(s);
                        })
                .lambda(
                        "broken",
                        invocation -> {
                            clock.advance(Duration.ofMillis(25));
                            return LambdaResult.of("not json".getBytes(StandardCharsets.UTF_8));
                        })
                .build();
    }

    private static Request get(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .sourceIp("198.51.100.7")
                .header("User-Agent", "curl/8.0")
                .build();
    }

    private String handleOne(String format, String target) {
        Response response = api(format, s -> {}).handle(get(target));
        assertThat(lines).hasSize(1);
        assertThat(response.headers().first("x-amzn-RequestId")).contains(REQUEST_ID);
        assertThat(response.headers().first("x-amz-apigw-id")).contains(EXTENDED_REQUEST_ID);
        return lines.get(0);
    }

    @Test
    void handle_clfFormat_writesOneLine() {
        assertThat(handleOne(CLF, "/prod/pets"))
                .isEqualTo(
                        "198.51.100.7 - - [04/Mar/2026:19:15:17 +0000] \"GET /pets HTTP/1.1\" 200"
                                + " 10 "
                                + REQUEST_ID
                                + " "
                                + EXTENDED_REQUEST_ID);
        assertThat(destinations).containsExactly(DESTINATION);
    }

    @Test
    void handle_jsonFormat_writesOneLine() {
        assertThat(handleOne(JSON, "/prod/pets"))
                .isEqualTo(
                        "{ \"requestId\":\""
                                + REQUEST_ID
                                + "\", \"extendedRequestId\":\""
                                + EXTENDED_REQUEST_ID
                                + "\", \"ip\": \"198.51.100.7\", \"caller\":\"-\","
                                + " \"user\":\"-\","
                                + " \"requestTime\":\"04/Mar/2026:19:15:17 +0000\","
                                + " \"httpMethod\":\"GET\", \"resourcePath\":\"/pets\","
                                + " \"status\":\"200\", \"protocol\":\"HTTP/1.1\","
                                + " \"responseLength\":\"10\" }");
    }

    @Test
    void handle_xmlFormat_writesOneLine() {
        assertThat(handleOne(XML, "/prod/pets"))
                .isEqualTo(
                        "<request id=\""
                                + REQUEST_ID
                                + "\"> <extendedRequestId>"
                                + EXTENDED_REQUEST_ID
                                + "</extendedRequestId> <ip>198.51.100.7</ip> <caller>-</caller>"
                                + " <user>-</user>"
                                + " <requestTime>04/Mar/2026:19:15:17 +0000</requestTime>"
                                + " <httpMethod>GET</httpMethod>"
                                + " <resourcePath>/pets</resourcePath> <status>200</status>"
                                + " <protocol>HTTP/1.1</protocol>"
                                + " <responseLength>10</responseLength> </request>");
    }

    @Test
    void handle_csvFormat_writesOneLine() {
        assertThat(handleOne(CSV, "/prod/pets"))
                .isEqualTo(
                        "198.51.100.7,-,-,04/Mar/2026:19:15:17 +0000,GET,/pets,HTTP/1.1,200,10,"
                                + REQUEST_ID
                                + ","
                                + EXTENDED_REQUEST_ID);
    }

    static final String ERRORS =
            "$context.requestId $context.status $context.error.responseType"
                    + " $context.error.messageString|$context.error.message|"
                    + " $context.integrationStatus $context.integration.status"
                    + " $context.integrationLatency $context.responseLatency"
                    + " $context.requestTimeEpoch";

    @Test
    void handle_missingApiKey_logsForbiddenErrorVariables() {
        String line = handleOne(ERRORS, "/prod/keyed");

        assertThat(line)
                .isEqualTo(
                        REQUEST_ID
                                + " 403 INVALID_API_KEY \"Forbidden\"|Forbidden| - - - 0"
                                + " 1772651717135");
    }

    @Test
    void handle_throttled_logsThrottledErrorVariables() {
        MethodSetting blocked =
                MethodSetting.builder().throttlingBurstLimit(0).throttlingRateLimit(0).build();
        Response response =
                api(ERRORS, s -> s.putMethodSetting("*/*", blocked)).handle(get("/prod/pets"));

        assertThat(response).hasStatus(429);
        assertThat(lines)
                .containsExactly(
                        REQUEST_ID
                                + " 429 THROTTLED \"Too Many Requests\"|Too Many Requests| - -"
                                + " - 0 1772651717135");
    }

    @Test
    void handle_malformedLambdaProxyResponse_logsBadGatewayAndLatencies() {
        String line = handleOne(ERRORS, "/prod/broken");

        assertThat(line)
                .isEqualTo(
                        REQUEST_ID
                                + " 502 DEFAULT_5XX \"Internal server error\"|Internal server"
                                + " error| - - 25 25 1772651717135");
    }

    @Test
    void handle_unsetAndUnknownVariables_renderDash() {
        String line =
                handleOne(
                        "$context.requestId $context.wafResponseCode $context.identity.apiKey"
                                + " $context.authorizer.principalId $context.no.such.thing"
                                + " $context.xrayTraceId $context.identity $context.requestId."
                                + " $context. $context",
                        "/prod/pets");

        assertThat(line)
                .isEqualTo(REQUEST_ID + " - - - - - - " + REQUEST_ID + ". $context. $context");
    }

    @Test
    void handle_tracingEnabled_logsXrayTraceIdOfTheResponseHeader() {
        Response response =
                api("$context.requestId $context.xrayTraceId", s -> s.tracingEnabled(true))
                        .handle(get("/prod/broken"));

        String root = "1-69a884c5-71d231ee0544437d8d20f146";
        assertThat(lines).containsExactly(REQUEST_ID + " " + root);
        assertThat(response).hasStatus(502);
    }

    @Test
    void handle_tracedCallerWithTracingOff_logsTheCallersRoot() {
        String root = "1-5e6f7a8b-0123456789abcdef01234567";
        Request traced =
                get("/prod/pets").toBuilder()
                        .header(
                                "X-Amzn-Trace-Id",
                                "Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1")
                        .build();

        api("$context.requestId $context.xrayTraceId", s -> {}).handle(traced);

        assertThat(lines).containsExactly(REQUEST_ID + " " + root);
    }

    @Test
    void handle_sinkThrows_answersTheCallerAnyway() {
        Api api =
                Api.builder()
                        .gateway(
                                gateway(
                                        (destination, line) -> {
                                            throw new IllegalStateException("log group is gone");
                                        }))
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(petsApi())
                        .deploy(
                                "prod",
                                s -> s.accessLogSettings(new AccessLogSettings(CLF, DESTINATION)))
                        .build();

        assertThat(api.handle(get("/prod/pets"))).hasStatus(200).hasBody("[{\"id\":1}]");
    }

    @Test
    void handle_stageWithoutAccessLogs_writesNothing() {
        Api api =
                Api.builder().gateway(gateway(recording)).restApi(petsApi()).deploy("prod").build();

        assertThat(api.handle(get("/prod/pets"))).hasStatus(200);
        assertThat(api.handle(get("/nostage/pets"))).hasStatus(403);
        assertThat(lines).isEmpty();
    }

    @Test
    void build_formatWithoutRequestId_failsNamingTheStage() {
        assertThatThrownBy(() -> api("$context.httpMethod $context.status", s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "stage prod: accessLogSettings format must contain $context.requestId"
                                + " or $context.extendedRequestId");
    }

    @Test
    void build_formatOver3Kilobytes_failsNamingTheStage() {
        String huge = "$context.requestId " + "$context.x".repeat(400);

        assertThatThrownBy(() -> api(huge, s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "stage prod: accessLogSettings format is 4019 characters, more than 3072");
    }

    @Test
    void build_extendedRequestIdOnly_isAccepted() {
        assertThat(handleOne("$context.extendedRequestId", "/prod/pets"))
                .isEqualTo(EXTENDED_REQUEST_ID);
    }
}
