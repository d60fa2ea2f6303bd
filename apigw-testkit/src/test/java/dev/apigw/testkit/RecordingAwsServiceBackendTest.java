package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording and scripting of {@link RecordingAwsServiceBackend}. */
class RecordingAwsServiceBackendTest {
    private static AwsServiceRequest request(String action, String body) {
        return new AwsServiceRequest(
                "eu-west-1",
                "sqs",
                "",
                action,
                "",
                "POST",
                Headers.of("X-Amz-Target", "AmazonSQS." + action),
                Map.of("Version", List.of("2012-11-05")),
                body.getBytes(StandardCharsets.UTF_8),
                "arn:aws:iam::123456789012:role/r",
                Duration.ofMillis(1500));
    }

    @Test
    void call_nothingScripted_answers200EmptyJsonObject() {
        RecordingAwsServiceBackend backend = RecordingAwsServiceBackend.create();

        BackendResponse response = backend.call(request("PurgeQueue", "{}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(response.headers().first("content-type")).contains("application/json");
    }

    @Test
    void call_recordsServiceActionAndParameters() {
        RecordingAwsServiceBackend backend = RecordingAwsServiceBackend.create();

        backend.call(request("SendMessage", "{\"QueueUrl\":\"q\",\"DelaySeconds\":5,\"A\":[1]}"));

        RecordingAwsServiceBackend.RecordedCall call = backend.lastCall();
        assertThat(call.service()).isEqualTo("sqs");
        assertThat(call.action()).isEqualTo("SendMessage");
        assertThat(call.region()).isEqualTo("eu-west-1");
        assertThat(call.header("x-amz-target")).contains("AmazonSQS.SendMessage");
        assertThat(call.parameter("QueueUrl")).contains("q");
        assertThat(call.parameter("DelaySeconds")).contains("5");
        assertThat(call.parameter("A")).contains("[1]");
        assertThat(call.parameter("Version")).contains("2012-11-05");
        assertThat(call.parameter("Missing")).isEmpty();
        assertThat(call.json().get("DelaySeconds").isInt()).isTrue();
        assertThat(call.timeoutMillis()).isEqualTo(1500);
        assertThat(backend.callCount()).isEqualTo(1);
    }

    @Test
    void call_scriptedAnswers_areUsedInOrderAndTheLastRepeats() {
        RecordingAwsServiceBackend backend =
                RecordingAwsServiceBackend.create()
                        .respondsWith(200, "{\"n\":1}")
                        .respondsWith(400, Headers.of("x-amzn-ErrorType", "X"), "{\"n\":2}");

        assertThat(backend.call(request("A", "")).statusCode()).isEqualTo(200);
        assertThat(backend.call(request("A", "")).statusCode()).isEqualTo(400);
        BackendResponse third = backend.call(request("A", ""));

        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(third.headers().first("x-amzn-errortype")).contains("X");
        assertThat(backend.calls()).hasSize(3);
    }

    @Test
    void call_timesOut_throwsTimeoutFailure() {
        RecordingAwsServiceBackend backend = RecordingAwsServiceBackend.create().timesOut();

        assertThatThrownBy(() -> backend.call(request("A", "")))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.TIMEOUT))
                .hasMessageContaining("1500 ms");
    }

    @Test
    void call_failsWithNetworkError_throwsNetworkFailure() {
        RecordingAwsServiceBackend backend =
                RecordingAwsServiceBackend.create().failsWithNetworkError();

        assertThatThrownBy(() -> backend.call(request("A", "")))
                .isInstanceOfSatisfying(
                        HttpBackendException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(HttpBackendException.Failure.NETWORK));
    }

    @Test
    void lastCall_noCall_failsWithAssertionError() {
        assertThatThrownBy(() -> RecordingAwsServiceBackend.create().lastCall())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("received none");
    }

    @Test
    void json_bodyNotJson_failsWithAssertionError() {
        RecordingAwsServiceBackend backend = RecordingAwsServiceBackend.create();
        backend.call(request("A", "Action=SendMessage"));

        assertThatThrownBy(() -> backend.lastCall().json())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Action=SendMessage");
    }

    @Test
    void call_afterClose_failsNamingTheBackend() {
        RecordingAwsServiceBackend backend = RecordingAwsServiceBackend.create();
        backend.close();

        assertThatThrownBy(() -> backend.call(request("A", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RecordingAwsServiceBackend");
    }
}
