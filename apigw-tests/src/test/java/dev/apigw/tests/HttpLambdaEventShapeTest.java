package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.tests.lambda.TypedHttpEventHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The payload format 2.0 events we send (reference 2.4) have the shape of the HTTP API samples of
 * {@code shared/corpus/events/aws-lambda-go}: the same field paths, nesting and JSON types, the
 * same fields omitted; keys of free-form maps compared as {@code *}. The corpus lives beside the
 * repository: without it these tests are skipped. A typed handler ({@code APIGatewayV2HTTPEvent}
 * through Lambda's own serializer) receives every field the type has (it has no {@code
 * requestContext.authentication}, which the shape test covers).
 */
class HttpLambdaEventShapeTest {
    private static final Path CORPUS = Path.of("../../shared/corpus/events/aws-lambda-go");
    private static final Set<String> MAPS =
            Set.of("headers", "queryStringParameters", "pathParameters", "stageVariables");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request with everything: cookies, query, a greedy path, a body, mutual TLS. */
    private static Request fullRequest() {
        return Request.builder()
                .httpMethod("POST")
                .target(
                        "/prod/files/hello/world?parameter1=value1&parameter1=value2&parameter2=value")
                .header("Header1", "value1")
                .header("Cookie", "cookie1; cookie2")
                .header("Content-Type", "application/json")
                .header("User-Agent", "agent")
                .body("{\r\n\t\"a\": 1\r\n}")
                .clientCertificate(certificate())
                .build();
    }

    private static Request.ClientCertificate certificate() {
        return new Request.ClientCertificate(
                "-----BEGIN CERTIFICATE-----\nMIIEZTCCAk0CAQEwDQ...",
                "C=US,CN=My Client",
                "C=US,CN=My Private CA",
                "1",
                "Aug 29 00:28:21 2020 GMT",
                "Aug  5 00:28:21 2120 GMT");
    }

    private static JsonNode sample(String name) throws IOException {
        Path sample = CORPUS.resolve(name);
        assumeTrue(
                Files.isRegularFile(sample),
                "../shared/corpus not found: corpus tests skipped (CI has it)");
        return JSON.readTree(sample.toFile());
    }

    private static JsonNode capture(Request request) throws IOException {
        AtomicReference<byte[]> event = new AtomicReference<>();
        Api api =
                HttpLambdaApis.api(
                        "2.0",
                        invocation -> {
                            event.set(invocation.payload());
                            return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
                        });
        Response response = api.handle(request);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return JSON.readTree(event.get());
    }

    @Test
    void handle_fullRequest_eventHasTheShapeOfTheJwtSampleBesideItsAuthorizer() throws IOException {
        Map<String, JsonNodeType> expected =
                EventShapes.shape(sample("apigw-v2-request-jwt-authorizer.json"), MAPS);
        expected.keySet().removeIf(path -> path.startsWith("requestContext.authorizer"));

        assertThat(EventShapes.shape(capture(fullRequest()), MAPS)).isEqualTo(expected);
    }

    @Test
    void handle_bareRequest_eventHasTheShapeOfTheNoAuthorizerSample() throws IOException {
        Map<String, JsonNodeType> expected =
                EventShapes.shape(sample("apigw-v2-request-no-authorizer.json"), MAPS);
        Request bare =
                Request.builder()
                        .httpMethod("GET")
                        .target("/")
                        .header("Accept", "*/*")
                        .header("Content-Length", "0")
                        .header("User-Agent", "curl/7.58.0")
                        .clientCertificate(certificate())
                        .build();

        JsonNode event = capture(bare);

        assertThat(EventShapes.shape(event, MAPS)).isEqualTo(expected);
        assertThat(event.path("headers").path("content-length").asText()).isEqualTo("0");
        assertThat(event.path("headers").has("x-forwarded-for")).isTrue();
        assertThat(event.path("headers").has("x-amzn-trace-id")).isTrue();
    }

    @Test
    void handle_typedHandler_receivesEveryField() {
        AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
        Api api =
                HttpLambdaApis.api(
                        "2.0", LambdaHandlers.requestHandler(new TypedHttpEventHandler(received)));

        Response response = api.handle(fullRequest().toBuilder().sourceIp("203.0.113.5").build());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.headers().values("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(response.headers().first("content-type")).contains("text/plain");
        assertThat(response.bodyAsString()).isEqualTo("/prod/files/hello/world");
        APIGatewayV2HTTPEvent event = received.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("ANY /files/{proxy+}");
        assertThat(event.getRawPath()).isEqualTo("/prod/files/hello/world");
        assertThat(event.getRawQueryString())
                .isEqualTo("parameter1=value1&parameter1=value2&parameter2=value");
        assertThat(event.getCookies()).containsExactly("cookie1", "cookie2");
        assertThat(event.getHeaders()).containsEntry("header1", "value1");
        assertThat(event.getQueryStringParameters())
                .containsEntry("parameter1", "value1,value2")
                .containsEntry("parameter2", "value");
        assertThat(event.getPathParameters()).containsEntry("proxy", "hello/world");
        assertThat(event.getStageVariables()).containsEntry("color", "blue");
        assertThat(event.getBody()).isEqualTo("{\r\n\t\"a\": 1\r\n}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getAccountId()).isEqualTo("123456789012");
        assertThat(context.getApiId()).isEqualTo("a1b2c3d4e5");
        assertThat(context.getDomainName())
                .isEqualTo("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        assertThat(context.getDomainPrefix()).isEqualTo("a1b2c3d4e5");
        assertThat(context.getRequestId())
                .isEqualTo(response.headers().first("apigw-requestid").orElseThrow());
        assertThat(context.getRouteKey()).isEqualTo("ANY /files/{proxy+}");
        assertThat(context.getStage()).isEqualTo("prod");
        assertThat(context.getTime()).isEqualTo("12/Mar/2020:19:03:58 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(HttpLambdaApis.NOW.toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/prod/files/hello/world");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("203.0.113.5");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("agent");
        assertThat(context.getAuthorizer()).isNull();
    }
}
