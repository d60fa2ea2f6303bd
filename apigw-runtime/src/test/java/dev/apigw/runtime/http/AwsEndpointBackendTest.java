package dev.apigw.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsEndpointBackend} against a real local server standing for an AWS endpoint (reference
 * 4.2, 8.7): the request line, headers and body an HTTP API subtype call (AWS JSON protocol), a
 * REST {@code action/} URI (query protocol) and a {@code path/} URI arrive with, the service's
 * answer handed back as it came, and the failures the SPI reports: timeout, unreachable endpoint,
 * no endpoint for the service.
 */
class AwsEndpointBackendTest {
    private static final String KEY = "AKIDEXAMPLE";
    private static final Instant NOW = Instant.parse("2026-12-04T08:30:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private AwsEndpointBackend.Builder builder() {
        return AwsEndpointBackend.builder()
                .credentials(KEY, "secret", "")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private AwsEndpointBackend toServer() {
        return builder().defaultEndpoint(URI.create(server.origin())).build();
    }

    private AwsEndpointBackend under(String prefix) {
        return builder().endpoint("sqs", URI.create(server.origin() + prefix)).build();
    }

    private static AwsServiceRequest request(
            String service,
            String subdomain,
            String action,
            String path,
            String method,
            Headers headers,
            Map<String, List<String>> query,
            String body,
            Duration timeout) {
        return new AwsServiceRequest(
                "eu-west-1",
                service,
                subdomain,
                action,
                path,
                method,
                headers,
                query,
                body.getBytes(StandardCharsets.UTF_8),
                "arn:aws:iam::123456789012:role/ignored",
                timeout);
    }

    private static AwsServiceRequest sendMessage(Duration timeout) {
        return request(
                "sqs",
                "",
                "SendMessage",
                "",
                "POST",
                Headers.of(
                        "Content-Type",
                        "application/x-amz-json-1.0",
                        "X-Amz-Target",
                        "AmazonSQS.SendMessage"),
                Map.of(),
                "{\"QueueUrl\":\"http://q/1/queue\",\"MessageBody\":\"hi\"}",
                timeout);
    }

    @Test
    void call_httpApiSubtype_postsTheJsonProtocolCallToTheRootSigned() {
        JsonNode echo = LocalHttpServer.echoed(toServer().call(sendMessage(TIMEOUT)).body());

        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(echo.get("uri").asText()).isEqualTo("/");
        assertThat(LocalHttpServer.echoedHeader(echo, "x-amz-target"))
                .isEqualTo("AmazonSQS.SendMessage");
        assertThat(LocalHttpServer.echoedHeader(echo, "content-type"))
                .isEqualTo("application/x-amz-json-1.0");
        assertThat(LocalHttpServer.echoedHeader(echo, "host"))
                .isEqualTo("127.0.0.1:" + server.port());
        assertThat(LocalHttpServer.echoedHeader(echo, "x-amz-date")).isEqualTo("20261204T083000Z");
        assertThat(LocalHttpServer.echoedHeader(echo, "authorization"))
                .startsWith(
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/eu-west-1/sqs/aws4_request,"
                                + " SignedHeaders=content-type;host;x-amz-date;x-amz-target,"
                                + " Signature=");
        assertThat(LocalHttpServer.echoedHeader(echo, "x-amz-security-token")).isEmpty();
        assertThat(new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8))
                .isEqualTo("{\"QueueUrl\":\"http://q/1/queue\",\"MessageBody\":\"hi\"}");
    }

    @Test
    void call_restActionUri_sendsTheActionFirstThenTheQueryEncoded() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("QueueUrl", List.of("http://q/1/queue"));
        query.put("MessageBody", List.of("café & tea", "two"));

        JsonNode echo =
                LocalHttpServer.echoed(
                        toServer()
                                .call(
                                        request(
                                                "sqs",
                                                "",
                                                "SendMessage",
                                                "",
                                                "GET",
                                                Headers.of("X-Mapped", "yes"),
                                                query,
                                                "",
                                                TIMEOUT))
                                .body());

        assertThat(echo.get("method").asText()).isEqualTo("GET");
        assertThat(echo.get("uri").asText())
                .isEqualTo(
                        "/?Action=SendMessage&QueueUrl=http%3A%2F%2Fq%2F1%2Fqueue"
                                + "&MessageBody=caf%C3%A9%20%26%20tea&MessageBody=two");
        assertThat(LocalHttpServer.echoedHeader(echo, "x-mapped")).isEqualTo("yes");
        assertThat(LocalHttpServer.echoedHeader(echo, "authorization"))
                .contains("/eu-west-1/sqs/aws4_request, SignedHeaders=host;x-amz-date;x-mapped,");
    }

    @Test
    void call_pathUri_sendsThePathUnderTheEndpoint() {
        JsonNode echo =
                LocalHttpServer.echoed(
                        builder()
                                .endpoint("sqs", URI.create(server.origin() + "/prefix/"))
                                .build()
                                .call(
                                        request(
                                                "sqs",
                                                "",
                                                "",
                                                "123456789012/my%20queue",
                                                "POST",
                                                Headers.of(
                                                        "Content-Type",
                                                        "application/x-www-form-urlencoded"),
                                                Map.of("Action", List.of("SendMessage")),
                                                "MessageBody=hi",
                                                TIMEOUT))
                                .body());

        assertThat(echo.get("uri").asText())
                .isEqualTo("/prefix/123456789012/my%20queue?Action=SendMessage");
        assertThat(new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8))
                .isEqualTo("MessageBody=hi");
    }

    @Test
    void call_subdomain_isSentPathStyle() {
        JsonNode echo =
                LocalHttpServer.echoed(
                        toServer()
                                .call(
                                        request(
                                                "s3",
                                                "my-bucket",
                                                "",
                                                "photos/cat.jpg",
                                                "GET",
                                                Headers.empty(),
                                                Map.of(),
                                                "",
                                                TIMEOUT))
                                .body());

        assertThat(echo.get("uri").asText()).isEqualTo("/my-bucket/photos/cat.jpg");
        assertThat(LocalHttpServer.echoedHeader(echo, "x-amz-content-sha256"))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void call_temporaryCredentials_sendsTheSessionToken() {
        JsonNode echo =
                LocalHttpServer.echoed(
                        AwsEndpointBackend.builder()
                                .credentials(KEY, "secret", "token/1")
                                .defaultEndpoint(URI.create(server.origin()))
                                .build()
                                .call(sendMessage(TIMEOUT))
                                .body());

        assertThat(LocalHttpServer.echoedHeader(echo, "x-amz-security-token")).isEqualTo("token/1");
        assertThat(LocalHttpServer.echoedHeader(echo, "authorization"))
                .contains(
                        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,");
    }

    @Test
    void call_serviceAnswer_isReturnedAsItCame() {
        server.respond(
                "/sqs",
                400,
                Map.of(
                        "Content-Type",
                        List.of("application/x-amz-json-1.0"),
                        "X-Amzn-RequestId",
                        List.of("r-1")),
                "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"}"
                        .getBytes(StandardCharsets.UTF_8));

        BackendResponse answer = under("/sqs").call(sendMessage(TIMEOUT));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().first("content-type")).contains("application/x-amz-json-1.0");
        assertThat(answer.headers().first("x-amzn-requestid")).contains("r-1");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"}");
    }

    @Test
    void call_perServiceEndpoint_winsOverTheDefault() {
        server.respond("/sqs-only", 200, Map.of(), "sqs".getBytes(StandardCharsets.UTF_8));
        AwsEndpointBackend backend =
                builder()
                        .defaultEndpoint(
                                URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort()))
                        .endpoint("sqs", URI.create(server.origin() + "/sqs-only"))
                        .build();

        assertThat(new String(backend.call(sendMessage(TIMEOUT)).body(), StandardCharsets.UTF_8))
                .isEqualTo("sqs");
    }

    /** Returns what {@code call} throws, failing when it throws no HttpBackendException. */
    private static HttpBackendException thrownBy(Runnable call) {
        try {
            call.run();
        } catch (HttpBackendException e) {
            return e;
        }
        throw new AssertionError("no HttpBackendException");
    }

    @Test
    void call_noAnswerWithinTheTimeout_failsWithTimeout() {
        server.stallBeforeHeaders("/slow");

        HttpBackendException e =
                thrownBy(() -> under("/slow").call(sendMessage(Duration.ofMillis(100))));

        assertThat(e.failure()).isEqualTo(HttpBackendException.Failure.TIMEOUT);
    }

    @Test
    void call_unreachableEndpoint_failsWithNetwork() {
        AwsEndpointBackend backend =
                builder()
                        .defaultEndpoint(
                                URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort()))
                        .build();

        HttpBackendException e = thrownBy(() -> backend.call(sendMessage(TIMEOUT)));

        assertThat(e.failure()).isEqualTo(HttpBackendException.Failure.NETWORK);
    }

    @Test
    void call_noEndpointForTheService_failsNamingTheServiceAndTheFlag() {
        AwsEndpointBackend backend =
                builder().endpoint("events", URI.create(server.origin())).build();

        HttpBackendException e = thrownBy(() -> backend.call(sendMessage(TIMEOUT)));

        assertThat(e.failure()).isEqualTo(HttpBackendException.Failure.NETWORK);
        assertThat(e.getMessage()).contains("AWS service sqs", "--aws-endpoint sqs=URL");
    }

    @Test
    void call_pathThatIsNoUriPath_failsWithNetworkNamingTheService() {
        HttpBackendException e =
                thrownBy(
                        () ->
                                toServer()
                                        .call(
                                                request(
                                                        "s3",
                                                        "",
                                                        "",
                                                        "bucket/a key",
                                                        "GET",
                                                        Headers.empty(),
                                                        Map.of(),
                                                        "",
                                                        TIMEOUT)));

        assertThat(e.failure()).isEqualTo(HttpBackendException.Failure.NETWORK);
        assertThat(e.getMessage()).startsWith("cannot build the URL of the s3 call: ");
    }

    @Test
    void builder_endpointThatIsNotAnHttpUrl_isRefused() {
        assertThatThrownBy(() -> builder().endpoint("sqs", URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s) URL");
    }
}
