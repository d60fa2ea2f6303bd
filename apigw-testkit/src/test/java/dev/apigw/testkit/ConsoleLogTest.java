package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.TestInvokeResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The console's Test result, rendered from real test invocations. */
class ConsoleLogTest {
    private static final Instant START = Instant.parse("2024-03-05T06:07:08Z");

    private static Api api(ManualClock clock, String template) {
        return Api.builder()
                .restApi(
                        RestApi.builder()
                                .name("console")
                                .resource(
                                        "/pets/{id}",
                                        r ->
                                                r.method(
                                                        "GET",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir.putResponseParameter(
                                                                                                                                "method.response.header.X-Twice",
                                                                                                                                "'a'")
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                template)))))
                                .build())
                .deploy("test")
                .gateway(Gateway.builder().clock(clock).build())
                .build();
    }

    @Test
    void format_mockResponse_groupsAsTheConsoleDoes() {
        ManualClock clock = ManualClock.startingAt(START);
        TestInvokeResult result =
                api(clock, "{\"id\": \"$input.params('id')\"}")
                        .testInvoke(Request.of("GET", "/test/pets/7?full=1"));
        TestInvokeResult later =
                new TestInvokeResult(
                        result.request(), result.response(), result.log(), Duration.ofMillis(12));

        String text = ConsoleLog.format(later);

        String requestId = result.response().headers().first("x-amzn-RequestId").orElseThrow();
        assertThat(text)
                .startsWith(
                        "Request: /test/pets/7?full=1\n"
                                + "Status: 200\n"
                                + "Latency: 12 ms\n"
                                + "\n"
                                + "Response Body\n"
                                + "{\"id\": \"7\"}\n"
                                + "\n"
                                + "Response Headers\n"
                                + "{\"X-Twice\":\"a\",\"Content-Type\":\"application/json\",");
        assertThat(text)
                .contains(
                        "\n\nLogs\nExecution log for request "
                                + requestId
                                + "\n"
                                + "Tue Mar 05 06:07:08 UTC 2024 : Starting execution for request: "
                                + requestId
                                + "\n");
        assertThat(text)
                .contains(
                        "Tue Mar 05 06:07:08 UTC 2024 : Method request path: {id=7}\n",
                        "Tue Mar 05 06:07:08 UTC 2024 : Method request query string: {full=1}\n",
                        "Tue Mar 05 06:07:08 UTC 2024 : Method response body after transformations:"
                                + " {\"id\": \"7\"}\n")
                .endsWith("Tue Mar 05 06:07:08 UTC 2024 : Method completed with status: 200\n");
    }

    @Test
    void format_longLogLine_isTruncatedButTheBodyIsNot() {
        String big = "x".repeat(3000);
        TestInvokeResult result =
                api(ManualClock.startingAt(START), big)
                        .testInvoke(Request.of("GET", "/test/pets/1"));

        String text = ConsoleLog.format(result);

        assertThat(text)
                .contains("Response Body\n" + big + "\n")
                .contains(
                        " : Method response body after transformations: "
                                + "x"
                                        .repeat(
                                                1024
                                                        - "Method response body after transformations: "
                                                                .length())
                                + " [TRUNCATED]\n");
    }
}
