package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.http.AwsEndpointBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jwks}, {@code --credentials} and {@code --aws-endpoint} bound to the API (reference 8.4,
 * 8.7, 4.2).
 */
class HostBindingsTest {
    @TempDir Path dir;

    @Test
    void apply_missingJwksFile_failsNamingTheFlagPoolAndFile() {
        Path missing = dir.resolve("missing.json");
        ServerOptions options =
                ServerOptions.parse(List.of("--jwks", "us-east-1_AbCdEf123=" + missing));

        assertThatThrownBy(() -> HostBindings.apply(options, "123456789012", Api.builder()))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--jwks us-east-1_AbCdEf123=" + missing + ": ")
                .hasMessageContaining("cannot read");
    }

    @Test
    void apply_jwksUrl_boundWithoutFetching() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of("--jwks", "us-east-1_AbCdEf123=http://127.0.0.1:9/jwks.json"));

        HostBindings.apply(options, "123456789012", Api.builder());
    }

    @Test
    void userArn_isAUserOfTheApisAccountNamedByTheKey() {
        assertThat(HostBindings.userArn("123456789012", "AKIDEXAMPLE"))
                .isEqualTo("arn:aws:iam::123456789012:user/AKIDEXAMPLE");
    }

    private static AwsServiceRequest sendMessage() {
        return new AwsServiceRequest(
                "eu-west-1",
                "sqs",
                "",
                "SendMessage",
                "",
                "POST",
                Headers.of("X-Amz-Target", "AmazonSQS.SendMessage"),
                Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8),
                "",
                Duration.ofSeconds(10));
    }

    @Test
    void awsBackend_withoutTheFlag_isNone() {
        assertThat(HostBindings.awsBackend(ServerOptions.parse(List.of()), Map.of())).isEmpty();
    }

    @Test
    void awsBackend_withoutKeysInTheEnvironment_signsAsTestTest() throws Exception {
        try (RecordingAwsEndpoint endpoint = RecordingAwsEndpoint.start()) {
            AwsEndpointBackend backend =
                    HostBindings.awsBackend(
                                    ServerOptions.parse(List.of("--aws-endpoint", endpoint.url())),
                                    Map.of("AWS_ACCESS_KEY_ID", "AKIDONLY"))
                            .orElseThrow();

            backend.call(sendMessage());

            RecordingAwsEndpoint.Call call = endpoint.next();
            assertThat(call.header("authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=test/")
                    .contains("/eu-west-1/sqs/aws4_request");
            assertThat(call.header("x-amz-security-token")).isEmpty();
        }
    }

    @Test
    void awsBackend_keysInTheEnvironment_signAndSendTheSessionToken() throws Exception {
        try (RecordingAwsEndpoint endpoint = RecordingAwsEndpoint.start()) {
            AwsEndpointBackend backend =
                    HostBindings.awsBackend(
                                    ServerOptions.parse(List.of("--aws-endpoint", endpoint.url())),
                                    Map.of(
                                            "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                                            "AWS_SECRET_ACCESS_KEY", "s3cr3t",
                                            "AWS_SESSION_TOKEN", "tok"))
                            .orElseThrow();

            backend.call(sendMessage());

            RecordingAwsEndpoint.Call call = endpoint.next();
            assertThat(call.header("authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/")
                    .doesNotContain("s3cr3t");
            assertThat(call.header("x-amz-security-token")).isEqualTo("tok");
        }
    }

    @Test
    void awsBackend_serviceEndpoint_winsOverThePlainOne() throws Exception {
        try (RecordingAwsEndpoint sqs = RecordingAwsEndpoint.start()) {
            AwsEndpointBackend backend =
                    HostBindings.awsBackend(
                                    ServerOptions.parse(
                                            List.of(
                                                    "--aws-endpoint",
                                                    "sqs=" + sqs.url(),
                                                    "--aws-endpoint",
                                                    "http://127.0.0.1:9")),
                                    Map.of())
                            .orElseThrow();

            assertThat(backend.call(sendMessage()).statusCode()).isEqualTo(200);
            assertThat(sqs.next().header("x-amz-target")).isEqualTo("AmazonSQS.SendMessage");
            assertThat(backend.endpoint("events"))
                    .hasValueSatisfying(
                            uri -> assertThat(uri.toString()).isEqualTo("http://127.0.0.1:9"));
        }
    }
}
