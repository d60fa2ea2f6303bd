package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP API events (payload 2.0) through the handler into an embedded API and back. */
class HttpApiEventHandlerTest {

    private static APIGatewayV2HTTPEvent event(String method, String stage, String rawPath) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(new LinkedHashMap<>())
                .withRequestContext(
                        APIGatewayV2HTTPEvent.RequestContext.builder()
                                .withStage(stage)
                                .withRouteKey("$default")
                                .withHttp(
                                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                                .withMethod(method)
                                                .withPath(rawPath)
                                                .withProtocol("HTTP/1.1")
                                                .withSourceIp("203.0.113.77")
                                                .withUserAgent("curl/8.5.0")
                                                .build())
                                .build())
                .build();
    }

    @Test
    void handleRequest_defaultStage_servesRawPathUnderTheEmbeddedStage() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(event("GET", "$default", "/status"), null);

        assertThat(response.getStatusCode()).isEqualTo(418);
        assertThat(response.getHeaders()).containsEntry("X-Teapot", "short and stout");
        assertThat(response.getBody())
                .isEqualTo(
                        "{\"stage\": \"live\", \"path\": \"/live/status\", \"ip\": \"203.0.113.77\"}");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @Test
    void handleRequest_namedStage_dropsItsPathSegment() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(event("GET", "beta", "/beta/status"), null);

        assertThat(response.getBody()).contains("\"path\": \"/live/status\"");
    }

    @Test
    void handleRequest_namedStageNotInRawPath_keepsThePath() {
        HttpApiEventHandler handler =
                new HttpApiEventHandler(TestApis.api("blue", "green"), "blue");

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(event("GET", "beta", "/betamax/tapes"), null);

        assertThat(response.getBody()).contains("contextPath=/blue/betamax/tapes\n");
    }

    @Test
    void handleRequest_rawQueryString_isPassedAsIs() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("GET", "$default", "/search");
        event.setRawQueryString("colour=dark%20blue&colour=red%26white&plus=a+b&enc=%C3%A9%2B");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getBody())
                .contains("query={colour=[dark blue, red&white], plus=[a b], enc=[é+]}\n");
    }

    @Test
    void handleRequest_commaJoinedHeader_staysOneField() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("GET", "$default", "/things");
        event.getHeaders().put("x-trace", "one,two");
        event.getHeaders().put("if-modified-since", "Wed, 21 Oct 2015 07:28:00 GMT");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getBody())
                .contains(
                        "header x-trace=[one,two]\n",
                        "header if-modified-since=[Wed, 21 Oct 2015 07:28:00 GMT]\n",
                        "sourceIp=203.0.113.77\n");
    }

    @Test
    void handleRequest_cookies_becomeOneCookieHeader() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("GET", "$default", "/basket");
        event.getHeaders().put("cookie", "stale=1");
        event.setCookies(List.of("basket=42", "lang=rm", "consent=yes"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getBody())
                .contains("header Cookie=[basket=42; lang=rm; consent=yes]\n")
                .doesNotContain("stale=1");
    }

    @Test
    void handleRequest_responseHeaders_areCommaJoinedAndSetCookieGoesToCookies() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(event("GET", "$default", "/any"), null);

        assertThat(response.getHeaders())
                .containsEntry("X-Multi", "zeta,alpha,mu")
                .doesNotContainKey("Set-Cookie");
        assertThat(response.getCookies()).containsExactlyElementsOf(EchoFunction.COOKIES);
        assertThat(response.getMultiValueHeaders()).isNull();
    }

    @Test
    void handleRequest_noSetCookie_leavesCookiesOut() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(event("GET", "$default", "/status"), null);

        assertThat(response.getCookies()).isNull();
    }

    @Test
    void handleRequest_base64BinaryBody_roundTripsAsBase64() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("POST", "$default", "/upload");
        event.getHeaders().put("content-type", "image/png");
        event.getHeaders().put("accept", "image/png");
        event.setBody(TestApis.PNG_BASE64);
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(TestApis.PNG);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "image/png");
    }

    @Test
    void handleRequest_notBase64ButFlagged_throws() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("POST", "$default", "/upload");
        event.setBody("not*base64!");
        event.setIsBase64Encoded(true);

        assertThatThrownBy(() -> handler.handleRequest(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isBase64Encoded is true but the body is not base64");
    }

    @Test
    void handleRequest_eventWithoutRequestContext_throws() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("GET", "$default", "/x");
        event.setRequestContext(null);

        assertThatThrownBy(() -> handler.handleRequest(event, null))
                .hasMessageContaining("not an HTTP API event");
    }

    @Test
    void constructor_noArgumentsWithoutEnvironment_throwsNamingTheVariable() {
        assertThatThrownBy(HttpApiEventHandler::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APIGW_OPENAPI");
    }

    @Test
    void handleRequest_awsSampleWithoutAuthorizer_servesTheRoot() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("root-stage"));
        APIGatewayV2HTTPEvent event =
                CorpusEvents.read(
                        "apigw-v2-request-no-authorizer.json", APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"root\": \"root-stage\"}");
    }

    @Test
    void handleRequest_awsSampleWithIam_passesQueryCookiesAndBody() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("v1"));
        APIGatewayV2HTTPEvent event =
                CorpusEvents.read("apigw-v2-request-iam.json", APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody())
                .contains("method=GET\npath=/my/path\ncontextPath=/v1/my/path\n")
                .contains("query={parameter1=[value1, value2], parameter2=[value]}\n")
                .contains(
                        "header Header1=[value1]\n",
                        "header Header2=[value2]\n",
                        "header Cookie=[cookie1; cookie2]\n",
                        "sourceIp=IP\n")
                .endsWith("body={\r\n\t\"a\": 1\r\n}");
    }

    @Test
    void handleRequest_eventFromJson_stripsStageAndDecodesBody() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("v1"));
        APIGatewayV2HTTPEvent event =
                CorpusEvents.parse(
                        """
                {"version": "2.0", "routeKey": "$default", "rawPath": "/v1/orders",
                 "rawQueryString": "page=2&page=3",
                 "headers": {"x-b": "2", "x-c": "3"},
                 "requestContext": {"stage": "v1", "http": {"method": "PATCH",
                   "path": "/v1/orders", "sourceIp": "192.0.2.9"}},
                 "body": "eyJzdGF0dXMiOiAic2hpcHBlZCJ9", "isBase64Encoded": true}
                """,
                        APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getBody())
                .contains(
                        "method=PATCH\npath=/orders\ncontextPath=/v1/orders\n",
                        "query={page=[2, 3]}\n",
                        "header x-b=[2]\n",
                        "header x-c=[3]\n")
                .endsWith("body={\"status\": \"shipped\"}");
    }

    @Test
    void handleRequest_missingHeadersAndBody_areEmpty() {
        HttpApiEventHandler handler = new HttpApiEventHandler(TestApis.api("live"));
        APIGatewayV2HTTPEvent event = event("GET", "$default", "/nowhere/else");
        event.setHeaders(null);
        event.setRawQueryString(null);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("path=/nowhere/else\n", "query=null\n")
                .endsWith("body=");
    }
}
