package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REST API proxy events (payload 1.0) through the handler into an embedded API and back. */
class RestApiEventHandlerTest {

    private static APIGatewayProxyRequestEvent event(String method, String stage, String path) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withResource("/{proxy+}")
                .withIsBase64Encoded(false)
                .withRequestContext(
                        new ProxyRequestContext()
                                .withStage(stage)
                                .withPath("/" + stage + path)
                                .withHttpMethod(method)
                                .withIdentity(new RequestIdentity().withSourceIp("198.51.100.23")));
    }

    @Test
    void handleRequest_contextPathWithStage_servesTheRouteUnderThatStage() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("prod"));

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(event("GET", "prod", "/status"), null);

        assertThat(response.getStatusCode()).isEqualTo(418);
        assertThat(response.getMultiValueHeaders())
                .containsEntry("X-Teapot", List.of("short and stout"));
        assertThat(response.getHeaders()).isNull();
        assertThat(response.getBody())
                .isEqualTo(
                        "{\"stage\": \"prod\", \"path\": \"/prod/status\", \"ip\": \"198.51.100.23\"}");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @Test
    void handleRequest_contextPathWithoutStage_prefixesStageToPath() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("v2"));
        APIGatewayProxyRequestEvent event = event("GET", "v2", "/status");
        event.getRequestContext().setPath("/mapped-base/status");

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getBody()).contains("\"path\": \"/v2/status\"");
    }

    @Test
    void handleRequest_namedEmbeddedStage_replacesTheFrontStage() {
        RestApiEventHandler handler =
                new RestApiEventHandler(TestApis.api("blue", "green"), "green");

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(event("GET", "live", "/status"), null);

        assertThat(response.getBody())
                .contains("\"stage\": \"green\"", "\"path\": \"/green/status\"");
    }

    @Test
    void constructor_apiWithSeveralStages_throwsNamingThem() {
        assertThatThrownBy(() -> new RestApiEventHandler(TestApis.api("alpha", "beta")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one stage")
                .hasMessageContaining("[alpha, beta]");
    }

    @Test
    void constructor_stageNotDeployed_throws() {
        assertThatThrownBy(() -> new RestApiEventHandler(TestApis.api("alpha"), "omega"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 'omega' is not deployed");
    }

    @Test
    void constructor_noArgumentsWithoutEnvironment_throwsNamingTheVariable() {
        assertThatThrownBy(RestApiEventHandler::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APIGW_OPENAPI is not set");
    }

    @Test
    void handleRequest_multiValueHeaders_reachTheFunctionInOrder() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Trace", List.of("third", "first", "second"));
        headers.put("Accept-Language", List.of("fr-CH", "de;q=0.7"));
        APIGatewayProxyRequestEvent event =
                event("GET", "dev", "/pets/7")
                        .withMultiValueHeaders(headers)
                        .withHeaders(Map.of("X-Trace", "second", "Accept-Language", "de;q=0.7"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("method=GET\npath=/pets/7\ncontextPath=/dev/pets/7\nstage=dev\n")
                .contains("header X-Trace=[third, first, second]\n")
                .contains("header Accept-Language=[fr-CH, de;q=0.7]\n")
                .contains("sourceIp=198.51.100.23\n");
    }

    @Test
    void handleRequest_singleValueHeadersOnly_areUsed() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        APIGatewayProxyRequestEvent event =
                event("DELETE", "dev", "/orders/42").withHeaders(Map.of("X-Reason", "duplicate"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getBody())
                .contains("method=DELETE\n", "path=/orders/42\n", "header X-Reason=[duplicate]\n");
    }

    @Test
    void handleRequest_repeatedAndEncodedQueryValues_reachTheFunctionDecoded() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("colour", List.of("dark blue", "red&white=pink"));
        query.put("q", List.of("100%", "é+ü", "a/b?c#d"));
        query.put("tag name", List.of("x"));
        APIGatewayProxyRequestEvent event =
                event("GET", "dev", "/search")
                        .withMultiValueQueryStringParameters(query)
                        .withQueryStringParameters(
                                Map.of(
                                        "colour",
                                        "red&white=pink",
                                        "q",
                                        "a/b?c#d",
                                        "tag name",
                                        "x"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getBody())
                .contains(
                        "query={colour=[dark blue, red&white=pink], "
                                + "q=[100%, é+ü, a/b?c#d], tag name=[x]}\n");
    }

    @Test
    void handleRequest_singleValueQueryOnly_isUsed() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        APIGatewayProxyRequestEvent event =
                event("GET", "dev", "/search").withQueryStringParameters(Map.of("limit", "25"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getBody()).contains("query={limit=[25]}\n");
    }

    @Test
    void handleRequest_textBody_reachesTheFunctionAndComesBackAsText() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        APIGatewayProxyRequestEvent event =
                event("POST", "dev", "/notes")
                        .withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody("{\"note\": \"grüezi\"}");

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getBody()).endsWith("body={\"note\": \"grüezi\"}");
        assertThat(response.getMultiValueHeaders())
                .containsEntry("Content-Type", List.of("text/plain; charset=utf-8"));
    }

    @Test
    void handleRequest_responseMultiValueHeaders_keepTheirOrder() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(event("GET", "dev", "/anything"), null);

        assertThat(response.getMultiValueHeaders().get("X-Multi"))
                .containsExactly("zeta", "alpha", "mu");
        assertThat(response.getMultiValueHeaders().get("Set-Cookie"))
                .containsExactlyElementsOf(EchoFunction.COOKIES);
    }

    @Test
    void handleRequest_base64BinaryBody_roundTripsAsBase64() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        APIGatewayProxyRequestEvent event =
                event("PUT", "dev", "/images/logo")
                        .withHeaders(Map.of("Content-Type", "image/png", "Accept", "image/png"))
                        .withBody(TestApis.PNG_BASE64)
                        .withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(TestApis.PNG);
        assertThat(response.getMultiValueHeaders())
                .containsEntry("Content-Type", List.of("image/png"));
    }

    @Test
    void handleRequest_binaryContentTypeWithUtf8Bytes_isStillBase64() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("dev"));
        byte[] ascii = "plain ascii bytes".getBytes(StandardCharsets.US_ASCII);
        APIGatewayProxyRequestEvent event =
                event("POST", "dev", "/blobs")
                        .withHeaders(
                                Map.of(
                                        "Content-Type",
                                        "application/octet-stream",
                                        "Accept",
                                        "application/octet-stream"))
                        .withBody(Base64.getEncoder().encodeToString(ascii))
                        .withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(ascii);
    }

    @Test
    void handleRequest_awsSampleEvent_reachesTheFunction() {
        RestApiEventHandler handler = new RestApiEventHandler(TestApis.api("testStage"));
        APIGatewayProxyRequestEvent event =
                CorpusEvents.read("apigw-request.json", APIGatewayProxyRequestEvent.class);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody())
                .contains("method=POST\npath=/hello/world\ncontextPath=/testStage/hello/world\n")
                .contains(
                        "query={name=[me]}\n",
                        "sourceIp=192.168.196.186\n",
                        "header headerName=[headerValue]\n",
                        "header cache-control=[no-cache]\n")
                .endsWith("body={\r\n\t\"a\": 1\r\n}");
    }
}
