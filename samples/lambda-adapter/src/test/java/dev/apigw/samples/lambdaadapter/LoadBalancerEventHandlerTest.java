package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALB events, single- and multi-value, through the handler into an embedded API and back. */
class LoadBalancerEventHandlerTest {

    private static ApplicationLoadBalancerRequestEvent singleValue(
            String method, String path, Map<String, String> headers, Map<String, String> query) {
        ApplicationLoadBalancerRequestEvent event = new ApplicationLoadBalancerRequestEvent();
        event.setHttpMethod(method);
        event.setPath(path);
        event.setHeaders(headers);
        event.setQueryStringParameters(query);
        event.setIsBase64Encoded(false);
        return event;
    }

    private static ApplicationLoadBalancerRequestEvent multiValue(
            String method,
            String path,
            Map<String, List<String>> headers,
            Map<String, List<String>> query) {
        ApplicationLoadBalancerRequestEvent event = new ApplicationLoadBalancerRequestEvent();
        event.setHttpMethod(method);
        event.setPath(path);
        event.setMultiValueHeaders(headers);
        event.setMultiValueQueryStringParameters(query);
        event.setIsBase64Encoded(false);
        return event;
    }

    @Test
    void handleRequest_singleValueMode_answersWithSingleValueHeaders() {
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(TestApis.api("alb"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-trace", "only");
        headers.put("x-forwarded-for", "192.0.2.1, 10.0.0.8");

        ApplicationLoadBalancerResponseEvent response =
                handler.handleRequest(
                        singleValue("GET", "/catalog", headers, Map.of("q", "dark%20blue")), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getStatusDescription()).isEqualTo("200 OK");
        assertThat(response.getMultiValueHeaders()).isNull();
        assertThat(response.getHeaders())
                .containsEntry("X-Multi", "zeta,alpha,mu")
                .containsEntry("Set-Cookie", EchoFunction.COOKIES.get(1));
        assertThat(response.getBody())
                .contains(
                        "path=/catalog\ncontextPath=/alb/catalog\n",
                        "query={q=[dark blue]}\n",
                        "sourceIp=10.0.0.8\n",
                        "header x-trace=[only]\n");
    }

    @Test
    void handleRequest_multiValueMode_answersWithMultiValueHeaders() {
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(TestApis.api("alb"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-trace", List.of("late", "early"));
        headers.put("content-type", List.of("text/plain"));
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("sum", List.of("a%2Bb", "c%26d", "e+f"));
        query.put("k", List.of("1"));
        ApplicationLoadBalancerRequestEvent event = multiValue("POST", "/calc", headers, query);
        event.setBody("2+2");

        ApplicationLoadBalancerResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getStatusDescription()).isEqualTo("201 Created");
        assertThat(response.getHeaders()).isNull();
        assertThat(response.getMultiValueHeaders().get("X-Multi"))
                .containsExactly("zeta", "alpha", "mu");
        assertThat(response.getMultiValueHeaders().get("Set-Cookie"))
                .containsExactlyElementsOf(EchoFunction.COOKIES);
        assertThat(response.getBody())
                .contains("query={sum=[a+b, c&d, e f], k=[1]}\n", "header x-trace=[late, early]\n")
                .endsWith("body=2+2");
    }

    @Test
    void handleRequest_mockRoute_reportsSourceIpFromForwardedFor() {
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(TestApis.api("edge"));

        ApplicationLoadBalancerResponseEvent response =
                handler.handleRequest(
                        singleValue(
                                "GET", "/status", Map.of("X-Forwarded-For", "203.0.113.50"), null),
                        null);

        assertThat(response.getStatusCode()).isEqualTo(418);
        assertThat(response.getStatusDescription()).isEqualTo("418");
        assertThat(response.getHeaders()).containsEntry("X-Teapot", "short and stout");
        assertThat(response.getBody())
                .isEqualTo(
                        "{\"stage\": \"edge\", \"path\": \"/edge/status\", \"ip\": \"203.0.113.50\"}");
    }

    @Test
    void handleRequest_gatewayResponse_hasItsStatusDescription() {
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(TestApis.api("edge"));

        ApplicationLoadBalancerResponseEvent response =
                handler.handleRequest(singleValue("POST", "/", Map.of(), Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getStatusDescription()).isEqualTo("403 Forbidden");
        assertThat(response.getHeaders())
                .containsEntry("x-amzn-ErrorType", "MissingAuthenticationTokenException");
    }

    @Test
    void handleRequest_base64BinaryBody_roundTripsAsBase64() {
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(TestApis.api("alb"));
        ApplicationLoadBalancerRequestEvent event =
                multiValue(
                        "PUT",
                        "/img",
                        Map.of(
                                "Content-Type",
                                List.of("image/png"),
                                "Accept",
                                List.of("image/png")),
                        null);
        event.setBody(TestApis.PNG_BASE64);
        event.setIsBase64Encoded(true);

        ApplicationLoadBalancerResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(TestApis.PNG);
        assertThat(response.getMultiValueHeaders())
                .containsEntry("Content-Type", List.of("image/png"));
    }

    @Test
    void statusDescription_unlistedCode_isTheCodeAlone() {
        assertThat(LoadBalancerEventHandler.statusDescription(599)).isEqualTo("599");
        assertThat(LoadBalancerEventHandler.statusDescription(503))
                .isEqualTo("503 Service Unavailable");
    }

    @Test
    void constructor_noArgumentsWithoutEnvironment_throwsNamingTheVariable() {
        assertThatThrownBy(LoadBalancerEventHandler::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APIGW_OPENAPI");
    }

    @Test
    void handleRequest_albEventJson_isServed() {
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(TestApis.api("lb"));
        ApplicationLoadBalancerRequestEvent event =
                CorpusEvents.parse(
                        """
                {
                  "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:\
                us-east-1:123456789012:targetgroup/lambda-279XGJDqGZ5rsrHC2Fjr/49e9d65c45c6791a"}},
                  "httpMethod": "GET",
                  "path": "/lambda",
                  "multiValueQueryStringParameters": {"query": ["1234ABCD", "x%20y"]},
                  "multiValueHeaders": {
                    "accept": ["text/html,application/xhtml+xml"],
                    "user-agent": ["Mozilla/5.0"],
                    "x-amzn-trace-id": ["Root=1-5c536348-3d683b8b04734faae651f476"],
                    "x-forwarded-for": ["72.12.164.125"],
                    "x-forwarded-port": ["80"],
                    "x-forwarded-proto": ["http"],
                    "x-imforwards": ["20", "21"]
                  },
                  "body": "",
                  "isBase64Encoded": false
                }
                """,
                        ApplicationLoadBalancerRequestEvent.class);

        ApplicationLoadBalancerResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusDescription()).isEqualTo("200 OK");
        assertThat(response.getMultiValueHeaders()).containsKey("X-Multi");
        assertThat(response.getBody())
                .contains(
                        "path=/lambda\ncontextPath=/lb/lambda\n",
                        "query={query=[1234ABCD, x y]}\n",
                        "sourceIp=72.12.164.125\n",
                        "header x-imforwards=[20, 21]\n")
                .endsWith("body=");
    }
}
