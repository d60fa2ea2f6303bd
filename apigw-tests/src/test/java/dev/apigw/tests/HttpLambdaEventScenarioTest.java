package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.tests.lambda.EchoEventHandler;
import java.io.IOException;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payload format 2.0 event an HTTP API sends to a Lambda proxy (reference 2.4), read back from
 * a function that answers with the event it got.
 */
class HttpLambdaEventScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Api api =
            HttpLambdaApis.api("2.0", LambdaHandlers.streamHandler(new EchoEventHandler()));

    private JsonNode event(Request request) throws IOException {
        Response response = api.handle(request);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return JSON.readTree(response.bodyAsString());
    }

    @Test
    void handle_namedStage_rawPathKeepsTheStagePrefix() throws IOException {
        JsonNode event = event(Request.get("/prod/pets/7"));

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /pets/{id}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/prod/pets/7");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("7");
        assertThat(event.path("stageVariables").path("color").asText()).isEqualTo("blue");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("stage").asText()).isEqualTo("prod");
        assertThat(context.path("routeKey").asText()).isEqualTo("GET /pets/{id}");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/prod/pets/7");
    }

    @Test
    void handle_defaultStage_rawPathIsTheRequestPathAndStageVariablesAreOmitted()
            throws IOException {
        JsonNode event = event(Request.get("/pets/7"));

        assertThat(event.path("rawPath").asText()).isEqualTo("/pets/7");
        assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
        assertThat(event.has("stageVariables")).isFalse();
    }

    @Test
    void handle_greedyRoute_proxyPathParameterWithoutLeadingSlash() throws IOException {
        JsonNode event = event(Request.of("DELETE", "/files/a/b.txt"));

        assertThat(event.path("routeKey").asText()).isEqualTo("ANY /files/{proxy+}");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("a/b.txt");
        assertThat(event.path("requestContext").path("http").path("method").asText())
                .isEqualTo("DELETE");
    }

    @Test
    void handle_defaultRoute_routeKeyIsDefaultAndNoPathParameters() throws IOException {
        JsonNode event = event(Request.get("/somewhere/else"));

        assertThat(event.path("routeKey").asText()).isEqualTo("$default");
        assertThat(event.has("pathParameters")).isFalse();
    }

    @Test
    void handle_repeatedHeadersAndQuery_lowerCasedAndCommaJoined() throws IOException {
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets/1?parameter1=value1&parameter1=value2&p2=a%20b")
                                .header("X-Multi", "one")
                                .header("x-multi", "two")
                                .header("User-Agent", "agent/1")
                                .build());

        assertThat(event.path("rawQueryString").asText())
                .isEqualTo("parameter1=value1&parameter1=value2&p2=a%20b");
        assertThat(event.path("queryStringParameters").path("parameter1").asText())
                .isEqualTo("value1,value2");
        assertThat(event.path("queryStringParameters").path("p2").asText()).isEqualTo("a b");
        assertThat(event.path("headers").path("x-multi").asText()).isEqualTo("one,two");
        assertThat(event.path("headers").path("user-agent").asText()).isEqualTo("agent/1");
        event.path("headers").fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
        assertThat(event.path("requestContext").path("http").path("userAgent").asText())
                .isEqualTo("agent/1");
    }

    @Test
    void handle_cookieHeaders_splitIntoCookiesAndNotRepeatedInHeaders() throws IOException {
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets/1")
                                .header("Cookie", "a=1; b=2")
                                .header("Cookie", "c=3")
                                .build());

        assertThat(event.path("cookies"))
                .extracting(JsonNode::asText)
                .containsExactly("a=1", "b=2", "c=3");
        assertThat(event.path("headers").has("cookie")).isFalse();
    }

    @Test
    void handle_bareRequest_optionalFieldsOmitted() throws IOException {
        JsonNode event = event(Request.get("/pets/1"));

        assertThat(event.has("cookies")).isFalse();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.has("body")).isFalse();
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.path("requestContext").has("authentication")).isFalse();
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
    }

    @Test
    void handle_requestContext_hasTheAccountTimeAndIds() throws IOException {
        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets/1")
                                .header("Host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com")
                                .sourceIp("198.51.100.9")
                                .build());
        JsonNode context = JSON.readTree(response.bodyAsString()).path("requestContext");

        assertThat(context.path("accountId").asText()).isEqualTo("123456789012");
        assertThat(context.path("apiId").asText()).isEqualTo("a1b2c3d4e5");
        assertThat(context.path("domainName").asText())
                .isEqualTo("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        assertThat(context.path("domainPrefix").asText()).isEqualTo("a1b2c3d4e5");
        assertThat(context.path("requestId").asText())
                .isEqualTo(response.headers().first("apigw-requestid").orElseThrow());
        assertThat(context.path("time").asText()).isEqualTo("12/Mar/2020:19:03:58 +0000");
        assertThat(context.path("timeEpoch").isIntegralNumber()).isTrue();
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(1584039838390L);
        assertThat(context.path("http").path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("198.51.100.9");
    }

    @Test
    void handle_mutualTls_clientCertUnderAuthentication() throws IOException {
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets/1")
                                .clientCertificate(
                                        new Request.ClientCertificate(
                                                "PEM",
                                                "CN=client",
                                                "CN=ca",
                                                "1",
                                                "May 28 12:30:02 2019 GMT",
                                                "Aug  5 09:36:04 2021 GMT"))
                                .build());

        JsonNode cert = event.path("requestContext").path("authentication").path("clientCert");
        assertThat(cert.path("subjectDN").asText()).isEqualTo("CN=client");
        assertThat(cert.path("validity").path("notAfter").asText())
                .isEqualTo("Aug  5 09:36:04 2021 GMT");
    }

    @Test
    void handle_jsonBody_passedAsText() throws IOException {
        JsonNode event = event(Request.post("/pets/1", "{\"a\": 1}"));

        assertThat(event.path("body").asText()).isEqualTo("{\"a\": 1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void handle_binaryContentType_bodyBase64Encoded() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/files/logo.png")
                                .header("Content-Type", "image/png")
                                .body(png)
                                .build());

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(png);
    }

    @Test
    void handle_textTypeWithInvalidUtf8_bodyBase64Encoded() throws IOException {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/files/note.txt")
                                .header("Content-Type", "text/plain")
                                .body(latin1)
                                .build());

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(latin1);
    }

    @Test
    void handle_noContentTypeWithUtf8Body_passedAsText() throws IOException {
        JsonNode event =
                event(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/files/note")
                                .body("héllo")
                                .build());

        assertThat(event.path("body").asText()).isEqualTo("héllo");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    static Stream<Arguments> hostileHeaders() {
        Random random = new Random(14);
        String[] cookies = {
            ";;;", "=", "; ;", "a", "=b", "a=1;;b=2", "\u00e9=\u00ff", " ", "a=\"q\""
        };
        return Stream.concat(
                Stream.of(cookies).map(c -> Arguments.of("Cookie", c)),
                Stream.generate(() -> Arguments.of(randomText(random, 12), randomText(random, 40)))
                        .limit(40));
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        int n = 1 + random.nextInt(length);
        for (int i = 0; i < n; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("hostileHeaders")
    void handle_hostileHeaderOrCookie_neverThrowsAndAnswers(String name, String value)
            throws IOException {
        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/pets/1")
                                .header(name.replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]", "x"), value)
                                .header("Cookie", value)
                                .build());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonNode event = JSON.readTree(response.bodyAsString());
        event.path("cookies").forEach(c -> assertThat(c.asText()).isNotBlank());
    }
}
