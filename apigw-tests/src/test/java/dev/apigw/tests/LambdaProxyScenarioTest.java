package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.EchoEventHandler;
import dev.apigw.tests.lambda.PetProxyHandler;
import dev.apigw.tests.lambda.ShapeHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lambda proxy integrations: the event a function gets (reference 2.1) through {@link Api#handle}.
 */
class LambdaProxyScenarioTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String uri(String function) {
        return "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:eu-west-1:123456789012:function:"
                + function
                + "/invocations";
    }

    static RestApi proxyApi(
            String resource, String method, String function, Consumer<RestApi.Builder> more) {
        RestApi.Builder b =
                RestApi.builder()
                        .id("a1b2c3d4e5")
                        .name("proxy")
                        .resource(
                                resource,
                                r ->
                                        r.method(
                                                method,
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        uri(
                                                                                                function)))));
        more.accept(b);
        return b.build();
    }

    static Api echo(String stage, String resource) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(proxyApi(resource, "ANY", "echo", b -> {}))
                .deploy(stage)
                .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                .build();
    }

    static JsonNode event(Response response) {
        assertThat(response).hasStatus(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/stage/proxy-value/, /proxy-value/, /stage/proxy-value/, proxy-value",
        "/stage/proxy-value//double-slash, /proxy-value//double-slash,"
                + " /stage/proxy-value//double-slash, proxy-value//double-slash",
        "//stage/proxy-value, /proxy-value, /stage/proxy-value, proxy-value",
        "/stage//proxy-value, /proxy-value, /stage//proxy-value, proxy-value",
        "/stage/p/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com,"
                + " /p/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com,"
                + " /stage/p/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com,"
                + " p/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com"
    })
    void handle_greedyResource_eventHasPathsAsSent(
            String sent, String path, String contextPath, String proxy) {
        JsonNode event = event(echo("stage", "/{proxy+}").handle(Request.of("GET", sent)));

        assertThat(event.get("resource").asText()).isEqualTo("/{proxy+}");
        assertThat(event.get("path").asText()).isEqualTo(path);
        assertThat(event.at("/requestContext/path").asText()).isEqualTo(contextPath);
        assertThat(event.at("/pathParameters/proxy").asText()).isEqualTo(proxy);
    }

    @Test
    void handle_literalResourceAfterDoubleSlash_hasNullPathParameters() {
        JsonNode event =
                event(echo("qa", "/hardcoded").handle(Request.of("GET", "/qa//hardcoded")));

        assertThat(event.get("path").asText()).isEqualTo("/hardcoded");
        assertThat(event.at("/requestContext/path").asText()).isEqualTo("/qa//hardcoded");
        assertThat(event.get("pathParameters").isNull()).isTrue();
    }

    @Test
    void handle_plainRequest_eventHasNullForAbsentParts() {
        JsonNode event = event(echo("dev", "/pets").handle(Request.of("DELETE", "/dev/pets")));

        assertThat(event.get("httpMethod").asText()).isEqualTo("DELETE");
        assertThat(event.get("queryStringParameters").isNull()).isTrue();
        assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
        assertThat(event.get("pathParameters").isNull()).isTrue();
        assertThat(event.get("stageVariables").isNull()).isTrue();
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.has("authorizer")).isFalse();
        assertThat(event.get("requestContext").has("authorizer")).isFalse();
    }

    @Test
    void handle_anyRequest_eventFieldsInAwsOrder() {
        JsonNode event = event(echo("dev", "/pets").handle(Request.of("GET", "/dev/pets")));

        assertThat(names(event))
                .containsExactly(
                        "resource",
                        "path",
                        "httpMethod",
                        "headers",
                        "multiValueHeaders",
                        "queryStringParameters",
                        "multiValueQueryStringParameters",
                        "pathParameters",
                        "stageVariables",
                        "requestContext",
                        "body",
                        "isBase64Encoded");
        assertThat(names(event.get("requestContext")))
                .containsExactly(
                        "resourceId",
                        "resourcePath",
                        "httpMethod",
                        "extendedRequestId",
                        "requestTime",
                        "path",
                        "accountId",
                        "protocol",
                        "stage",
                        "domainPrefix",
                        "requestTimeEpoch",
                        "requestId",
                        "identity",
                        "domainName",
                        "deploymentId",
                        "apiId");
        assertThat(names(event.at("/requestContext/identity")))
                .containsExactly(
                        "cognitoIdentityPoolId",
                        "accountId",
                        "cognitoIdentityId",
                        "caller",
                        "sourceIp",
                        "principalOrgId",
                        "accessKey",
                        "cognitoAuthenticationType",
                        "cognitoAuthenticationProvider",
                        "userArn",
                        "userAgent",
                        "user");
    }

    @Test
    void handle_queryWithEncodings_formDecodesValues() {
        String query =
                "dateTimeOffset=2023-06-12T18:05:10.123456+00:00&email=test%2Balias@gmail.com"
                        + "&plus=test+alias@gmail.com&url=https://www.google.com/&whitespace=foo%20bar"
                        + "&zhash=abort/";
        JsonNode event =
                event(
                        echo("stage", "/{proxy+}")
                                .handle(Request.of("GET", "/stage/proxy-value/api?" + query)));

        JsonNode single = event.get("queryStringParameters");
        assertThat(single.get("dateTimeOffset").asText())
                .isEqualTo("2023-06-12T18:05:10.123456 00:00");
        assertThat(single.get("email").asText()).isEqualTo("test+alias@gmail.com");
        assertThat(single.get("plus").asText()).isEqualTo("test alias@gmail.com");
        assertThat(single.get("url").asText()).isEqualTo("https://www.google.com/");
        assertThat(single.get("whitespace").asText()).isEqualTo("foo bar");
        assertThat(single.get("zhash").asText()).isEqualTo("abort/");
        assertThat(event.at("/multiValueQueryStringParameters/email").toString())
                .isEqualTo("[\"test+alias@gmail.com\"]");
        assertThat(event.get("path").asText()).isEqualTo("/proxy-value/api");
    }

    @Test
    void handle_repeatedQueryNames_lastValueWinsAndAllValuesKeptInOrder() {
        JsonNode event =
                event(
                        echo("v1", "/items")
                                .handle(
                                        Request.of(
                                                "GET",
                                                "/v1/items?category=electronics&price=10&category=books&price=20&price=30")));

        assertThat(event.at("/queryStringParameters/category").asText()).isEqualTo("books");
        assertThat(event.at("/queryStringParameters/price").asText()).isEqualTo("30");
        assertThat(event.at("/multiValueQueryStringParameters/category").toString())
                .isEqualTo("[\"electronics\",\"books\"]");
        assertThat(event.at("/multiValueQueryStringParameters/price").toString())
                .isEqualTo("[\"10\",\"20\",\"30\"]");
    }

    @Test
    void handle_headers_keepClientCasingAndLastValueAndDropHiddenOnes() {
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/dev/pets")
                        .header("tEsT-HEADeR", "first")
                        .header("X-Multi", "one")
                        .header("TEST-header", "second")
                        .header("x-multi", "two")
                        .header("Content-Length", "4")
                        .header("Connection", "keep-alive")
                        .body("four")
                        .build();

        JsonNode event = event(echo("dev", "/pets").handle(request));

        JsonNode headers = event.get("headers");
        assertThat(headers.get("tEsT-HEADeR").asText()).isEqualTo("second");
        assertThat(headers.has("TEST-header")).isFalse();
        assertThat(event.at("/multiValueHeaders/tEsT-HEADeR").toString())
                .isEqualTo("[\"first\",\"second\"]");
        assertThat(event.at("/multiValueHeaders/X-Multi").toString())
                .isEqualTo("[\"one\",\"two\"]");
        assertThat(headers.has("Content-Length")).isFalse();
        assertThat(headers.has("Connection")).isFalse();
        assertThat(event.get("body").asText()).isEqualTo("four");
    }

    @Test
    void handle_headers_sortedCaseInsensitivelyWithHostAdded() {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/dev/pets")
                        .header("zeta", "1")
                        .header("Accept", "*/*")
                        .header("beta", "2")
                        .build();

        JsonNode headers = event(echo("dev", "/pets").handle(request)).get("headers");

        assertThat(names(headers))
                .containsExactly(
                        "Accept",
                        "beta",
                        "Host",
                        "X-Amzn-Trace-Id",
                        "X-Forwarded-For",
                        "X-Forwarded-Port",
                        "X-Forwarded-Proto",
                        "zeta");
        assertThat(headers.get("Host").asText())
                .isEqualTo("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
    }

    @Test
    void handle_anyRequest_addsTraceAndForwardedHeaders() {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/dev/pets")
                        .sourceIp("198.51.100.7")
                        .scheme("http")
                        .port(8080)
                        .build();

        Response response = echo("dev", "/pets").handle(request);
        JsonNode headers = event(response).get("headers");

        assertThat(headers.get("X-Forwarded-For").asText()).isEqualTo("198.51.100.7");
        assertThat(headers.get("X-Forwarded-Port").asText()).isEqualTo("8080");
        assertThat(headers.get("X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(headers.get("X-Amzn-Trace-Id").asText())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(response.headers().first("X-Amzn-Trace-Id").orElseThrow())
                .startsWith(headers.get("X-Amzn-Trace-Id").asText() + ";Parent=");
    }

    @Test
    void handle_clientForwardedAndTraceHeaders_appendsSourceIpAndKeepsRoot() {
        String root = "1-5e6f7a8b-0123456789abcdef01234567";
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/dev/pets")
                        .sourceIp("203.0.113.9")
                        .header("x-forwarded-for", "10.1.2.3")
                        .header("X-Forwarded-Port", "1234")
                        .header("x-amzn-trace-id", "Root=" + root)
                        .build();

        Response response = echo("dev", "/pets").handle(request);
        JsonNode headers = event(response).get("headers");

        assertThat(headers.get("X-Forwarded-For").asText()).isEqualTo("10.1.2.3, 203.0.113.9");
        assertThat(headers.get("X-Forwarded-Port").asText()).isEqualTo("443");
        assertThat(headers.get("X-Amzn-Trace-Id").asText()).isEqualTo("Root=" + root);
        assertThat(names(headers)).doesNotContain("x-forwarded-for", "x-amzn-trace-id");
        assertThat(response.headers().first("X-Amzn-Trace-Id").orElseThrow())
                .startsWith("Root=" + root + ";Parent=");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EDGE, Authorization, User-Agent", "REGIONAL, aUThorization, uSER-agent"})
    void handle_authorizationAndUserAgent_reCasedOnEdgeOnly(
            EndpointType type, String auth, String agent) {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                proxyApi(
                                        "/pets",
                                        "GET",
                                        "echo",
                                        b ->
                                                b.endpointConfiguration(
                                                        EndpointConfiguration.of(type))))
                        .deploy("dev")
                        .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                        .build();
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/dev/pets")
                        .header("aUThorization", "Bearer t")
                        .header("uSER-agent", "curl/8")
                        .header("x-CUSTOM", "kept")
                        .build();

        JsonNode headers = event(api.handle(request)).get("headers");

        assertThat(headers.get(auth).asText()).isEqualTo("Bearer t");
        assertThat(headers.get(agent).asText()).isEqualTo("curl/8");
        assertThat(headers.get("x-CUSTOM").asText()).isEqualTo("kept");
    }

    @Test
    void handle_binaryContentType_sendsBase64Body() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                proxyApi(
                                        "/images",
                                        "PUT",
                                        "echo",
                                        b -> b.addBinaryMediaType("image/*")))
                        .deploy("dev")
                        .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                        .build();

        JsonNode binary =
                event(
                        api.handle(
                                Request.builder()
                                        .httpMethod("PUT")
                                        .target("/dev/images")
                                        .header("Content-Type", "image/png")
                                        .body(png)
                                        .build()));
        JsonNode text =
                event(
                        api.handle(
                                Request.builder()
                                        .httpMethod("PUT")
                                        .target("/dev/images")
                                        .header("Content-Type", "text/plain")
                                        .body("plain text")
                                        .build()));

        assertThat(binary.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.get("body").asText())).isEqualTo(png);
        assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(text.get("body").asText()).isEqualTo("plain text");
    }

    @Test
    void handle_requestContext_carriesContextValues() {
        Instant now = Instant.parse("2024-02-29T23:59:58.123Z");
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/pets/{id}", "GET", "echo", b -> {}))
                        .deploy("prod", s -> s.putVariable("color", "blue"))
                        .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                        .gateway(
                                Gateway.builder()
                                        .clock(Clock.fixed(now, ZoneOffset.UTC))
                                        .accountId("210987654321")
                                        .build())
                        .build();
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/pets/42")
                        .sourceIp("192.0.2.44")
                        .header("User-Agent", "tester/1")
                        .build();

        Response response = api.handle(request);
        JsonNode event = event(response);
        JsonNode context = event.get("requestContext");

        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("42");
        assertThat(event.at("/stageVariables/color").asText()).isEqualTo("blue");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/pets/{id}");
        assertThat(context.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(context.get("stage").asText()).isEqualTo("prod");
        assertThat(context.get("path").asText()).isEqualTo("/prod/pets/42");
        assertThat(context.get("accountId").asText()).isEqualTo("210987654321");
        assertThat(context.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("apiId").asText()).isEqualTo("a1b2c3d4e5");
        assertThat(context.get("requestTime").asText()).isEqualTo("29/Feb/2024:23:59:58 +0000");
        assertThat(context.get("requestTimeEpoch").isNumber()).isTrue();
        assertThat(context.get("requestTimeEpoch").asLong()).isEqualTo(now.toEpochMilli());
        assertThat(context.get("requestId").asText())
                .isEqualTo(response.headers().first("x-amzn-RequestId").orElseThrow());
        assertThat(context.get("extendedRequestId").asText())
                .isEqualTo(response.headers().first("x-amz-apigw-id").orElseThrow());
        assertThat(context.at("/identity/sourceIp").asText()).isEqualTo("192.0.2.44");
        assertThat(context.at("/identity/userAgent").asText()).isEqualTo("tester/1");
        assertThat(context.at("/identity/user").isNull()).isTrue();
        assertThat(context.get("identity").has("apiKey")).isFalse();
        assertThat(context.get("identity").has("clientCert")).isFalse();
    }

    @Test
    void handle_functionArnWithStageVariables_invokesFunctionOfEachStage() {
        List<String> called = new ArrayList<>();
        RestApi api =
                RestApi.builder()
                        .name("sv")
                        .resource(
                                "/who",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        uri(
                                                                                                "${stageVariables.fn}:${stageVariables['alias']}")))))
                        .build();
        Api served =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(api)
                        .deploy("blue", s -> s.putVariable("fn", "pets").putVariable("alias", "v1"))
                        .deploy(
                                "green",
                                s -> s.putVariable("fn", "cats").putVariable("alias", "live"))
                        .lambda("pets:v1", recording(called, "pets:v1"))
                        .lambda("cats:live", recording(called, "cats:live"))
                        .build();

        assertThat(served.handle(Request.of("GET", "/green/who"))).hasStatus(200);
        assertThat(served.handle(Request.of("GET", "/blue/who"))).hasStatus(200);

        assertThat(called)
                .containsExactly(
                        "cats:live arn:aws:lambda:eu-west-1:123456789012:function:cats:live",
                        "pets:v1 arn:aws:lambda:eu-west-1:123456789012:function:pets:v1");
    }

    @Test
    void handle_qualifiedArn_prefersQualifiedBindingElseName() {
        List<String> called = new ArrayList<>();
        Api both =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/q", "GET", "orders:prod", b -> {}))
                        .deploy("dev")
                        .lambda("orders", recording(called, "plain"))
                        .lambda("orders:prod", recording(called, "alias"))
                        .build();
        Api plainOnly =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/q", "GET", "orders:prod", b -> {}))
                        .deploy("dev")
                        .lambda("orders", recording(called, "plain"))
                        .build();

        both.handle(Request.of("GET", "/dev/q"));
        plainOnly.handle(Request.of("GET", "/dev/q"));

        assertThat(called)
                .extracting(c -> c.substring(0, c.indexOf(' ')))
                .containsExactly("alias", "plain");
    }

    @Test
    void handle_undefinedStageVariableInArn_returns500() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/x", "GET", "${stageVariables.missing}", b -> {}))
                        .deploy("dev")
                        .lambda("missing", recording(new ArrayList<>(), "m"))
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/x"));

        assertServerError(result.response(), 500);
        assertThat(result.log().contains("${stageVariables.missing}")).isTrue();
    }

    @Test
    void handle_unboundFunction_returns500NamingTheFunction() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/x", "GET", "nobody-home", b -> {}))
                        .deploy("dev")
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/x"));

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertServerError(result.response(), 500);
        assertThat(result.log().contains("function:nobody-home")).isTrue();
    }

    @Test
    void handle_integrationMethodGet_returns500OnEveryCall() {
        AtomicInteger calls = new AtomicInteger();
        RestApi api =
                RestApi.builder()
                        .name("get")
                        .resource(
                                "/g",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("GET")
                                                                                .uri(
                                                                                        uri(
                                                                                                "getter")))))
                        .build();
        Api served =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(api)
                        .deploy("dev")
                        .lambda(
                                "getter",
                                inv -> {
                                    calls.incrementAndGet();
                                    return LambdaResult.of("{}".getBytes(StandardCharsets.UTF_8));
                                })
                        .build();

        assertServerError(served.handle(Request.of("GET", "/dev/g")), 500);
        assertServerError(served.handle(Request.of("GET", "/dev/g")), 500);
        assertThat(calls).hasValue(0);
    }

    @Test
    void handle_eventsTypesHandler_answersFromResponseEvent() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/pets/{id}", "GET", "pets", b -> {}))
                        .deploy("live")
                        .lambda(
                                "pets",
                                LambdaHandlers.requestHandler(
                                        new PetProxyHandler(),
                                        com.amazonaws.services.lambda.runtime.events
                                                .APIGatewayProxyRequestEvent.class))
                        .build();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/live/pets/7?owner=ann")
                                .header("X-Pet-Color", "ginger")
                                .build());

        assertThat(response).hasStatus(201);
        assertThat(response).hasBody("pet 7 of ann in live");
        assertThat(response.headers().first("X-Pet-Color")).contains("ginger");
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
    }

    @Test
    void handle_mapHandlerThrows_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/s", "POST", "shape", b -> {}))
                        .deploy("dev")
                        .lambda(
                                "shape",
                                LambdaHandlers.requestHandler(new ShapeHandler(), Map.class))
                        .build();

        Response ok =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/s")
                                .body("{\"statusCode\": 204, \"headers\": {\"X-Shape\": 5}}")
                                .build());
        TestInvokeResult failed =
                api.testInvoke(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/s")
                                .body("not json")
                                .build());

        assertThat(ok).hasStatus(204);
        assertThat(ok.headers().first("X-Shape")).contains("5");
        assertServerError(failed.response(), 502);
        assertThat(failed.log().contains("customer function error")).isTrue();
    }

    @Test
    void handle_invokeThrows_returns502WithTraceLine() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/t", "GET", "flaky", b -> {}))
                        .deploy("dev")
                        .lambda(
                                "flaky",
                                inv -> {
                                    throw new IllegalStateException("Rate exceeded");
                                })
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/t"));

        assertServerError(result.response(), 502);
        assertThat(result.log().contains("Rate exceeded")).isTrue();
    }

    @Test
    void testInvoke_proxyCall_traceHasEndpointRequestAndResponseBodies() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(proxyApi("/t", "GET", "fixed", b -> {}))
                        .deploy("dev")
                        .lambda(
                                "fixed",
                                inv ->
                                        LambdaResult.of(
                                                ("{\"statusCode\": 201," + " \"body\": \"made\"}")
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build();

        TestInvokeResult result = api.testInvoke(Request.of("GET", "/dev/t"));

        assertThat(result.log().entries())
                .extracting(ExecutionTrace.Entry::message)
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "Endpoint request body after transformations: {")
                                        .contains("\"resource\":\"/t\""))
                .contains(
                        "Endpoint response body before transformations: "
                                + "{\"statusCode\": 201, \"body\": \"made\"}",
                        "Method response body after transformations: made");
    }

    static void assertServerError(Response response, int status) {
        assertThat(response)
                .hasStatus(status)
                .hasJsonPath("$.message", "Internal server error")
                .doesNotHaveHeader("X-Amzn-Trace-Id");
    }

    static LambdaFunction recording(List<String> called, String label) {
        return invocation -> {
            called.add(label + " " + invocation.functionArn());
            return LambdaResult.of("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
        };
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
