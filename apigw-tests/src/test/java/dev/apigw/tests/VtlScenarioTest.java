package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.lambda.ThrowingHandler;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mapping templates through {@link Api#handle} (reference 1.2 to 1.6) with MOCK, a real local HTTP
 * backend and a real Lambda handler class.
 */
class VtlScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Api mock(String path, String requestTemplate, String responseTemplate) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        RestApi.builder()
                                .name("vtl-mock")
                                .id("mk42vtl001")
                                .resource(
                                        path,
                                        r ->
                                                r.method(
                                                        "POST",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i -> {
                                                                                    i.type(
                                                                                                    IntegrationType
                                                                                                            .MOCK)
                                                                                            .putRequestTemplate(
                                                                                                    "application/json",
                                                                                                    requestTemplate);
                                                                                    i
                                                                                            .integrationResponse(
                                                                                                    "200",
                                                                                                    ir -> {
                                                                                                        if (!responseTemplate
                                                                                                                .isEmpty()) {
                                                                                                            ir
                                                                                                                    .putResponseTemplate(
                                                                                                                            "application/json",
                                                                                                                            responseTemplate);
                                                                                                        }
                                                                                                    });
                                                                                })))
                                .build())
                .deploy("test", s -> s.putVariable("color", "teal"))
                .build();
    }

    private static Api mock(String responseTemplate) {
        return mock("/things/{id}", "{\"statusCode\": 200}", responseTemplate);
    }

    private Api http(
            String backendPath,
            String requestTemplate,
            String responseTemplate,
            Consumer<Integration.Builder> more) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        RestApi.builder()
                                .name("vtl-http")
                                .id("ht42vtl002")
                                .resource(
                                        "/items/{itemId}",
                                        r ->
                                                r.method(
                                                        "POST",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i -> {
                                                                                    i.type(
                                                                                                    IntegrationType
                                                                                                            .HTTP)
                                                                                            .httpMethod(
                                                                                                    "POST")
                                                                                            .uri(
                                                                                                    server
                                                                                                                    .origin()
                                                                                                            + backendPath);
                                                                                    if (!requestTemplate
                                                                                            .isEmpty()) {
                                                                                        i
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        requestTemplate);
                                                                                    }
                                                                                    i
                                                                                            .integrationResponse(
                                                                                                    "200",
                                                                                                    ir -> {
                                                                                                        if (!responseTemplate
                                                                                                                .isEmpty()) {
                                                                                                            ir
                                                                                                                    .putResponseTemplate(
                                                                                                                            "application/json",
                                                                                                                            responseTemplate);
                                                                                                        }
                                                                                                    });
                                                                                    more.accept(i);
                                                                                })))
                                .build())
                .deploy("dev")
                .build();
    }

    private static Request post(String target, String body) {
        return Request.builder()
                .httpMethod("POST")
                .target(target)
                .header("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static JsonNode sentBody(Response response) throws Exception {
        return JSON.readTree(LocalHttpServer.echoedBody(LocalHttpServer.echoed(response.body())));
    }

    @Test
    void handle_paramsMap_isPathQuerystringHeaderWithoutHiddenHeaders() {
        Api api =
                mock(
                        "#foreach($type in $input.params().keySet())$type("
                                + "#foreach($n in $input.params().get($type).keySet())$n=$input.params().get($type).get($n) #end)"
                                + "#end|$input.params('Connection')|$input.params('TE')|$input.params('id')");
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/test/things/t-8?id=query&q=w")
                        .header("Connection", "keep-alive")
                        .header("TE", "trailers")
                        .header("X-Visible", "seen")
                        .build();

        Response response = api.handle(request);

        assertThat(response)
                .hasBody("path(id=t-8 )querystring(id=query q=w )header(X-Visible=seen )|||t-8");
    }

    static Stream<Arguments> validatedRows() {
        return Stream.of(
                Arguments.of(
                        "#set($r = $input.path(\"$.json\"))$r", "{\"foo\":\"bar\"}", "{foo=bar}"),
                Arguments.of(
                        "#set($r = $input.path(\"$.json\"))$r",
                        "[{\"foo\":\"bar\"}]",
                        "[{\"foo\":\"bar\"}]"),
                Arguments.of(
                        "#set($r = $input.path(\"$.json\"))$r[0]",
                        "[[{\"foo\":\"bar\"}]]",
                        "[{\"foo\":\"bar\"}]"),
                Arguments.of(
                        "#set($r = $input.path(\"$.json\"))$r",
                        "{\"foo\":[{\"nested\":\"bar\"}]}",
                        "{foo=[{\"nested\":\"bar\"}]}"),
                Arguments.of(
                        "#set($r = $input.path(\"$.json\"))$r",
                        "{\"bigger\":\"dict\",\"to\":\"test\",\"with\":\"separators\"}",
                        "{bigger=dict, to=test, with=separators}"));
    }

    /** Reference 1.3's setting: the backend echoes the request JSON under {@code json}. */
    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("validatedRows")
    void handle_responseTemplateOverEchoedJson_rendersAsValidated(
            String template, String json, String expected) {
        server.handle(
                "/json-echo",
                exchange -> {
                    byte[] received = exchange.getRequestBody().readAllBytes();
                    byte[] body =
                            ("{\"json\": " + new String(received, StandardCharsets.UTF_8) + "}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        Api api = http("/json-echo", "", template, i -> {});

        Response response = api.handle(post("/dev/items/1", json));

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody(expected);
    }

    @Test
    void handle_requestTemplateJsonAndPath_reachTheBackend() throws Exception {
        Api api =
                http(
                        "/echo",
                        "{\"name\": $input.json('$.pet.name'), \"tags\": $input.json('$.pet.tags'),"
                                + " \"first\": \"$input.path('$.pet.tags')[0]\", \"age\": $input.path('$.pet.age'),"
                                + " \"none\": \"$input.path('$.pet.owner')\"}",
                        "",
                        i -> {});

        Response response =
                api.handle(
                        post(
                                "/dev/items/5",
                                "{\"pet\": {\"name\": \"Rex \\\"the dog\\\"\", \"tags\": [\"a\", \"b\"], \"age\": 7}}"));

        assertThat(sentBody(response))
                .isEqualTo(
                        JSON.readTree(
                                "{\"name\": \"Rex \\\"the dog\\\"\","
                                        + " \"tags\": [\"a\",\"b\"], \"first\": \"a\", \"age\": 7, \"none\": \"\"}"));
    }

    @Test
    void handle_responseTemplateOverLambdaError_readsTheErrorPayload() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("vtl-lambda")
                                        .resource(
                                                "/greet",
                                                r ->
                                                        r.method(
                                                                "GET",
                                                                m ->
                                                                        m.methodResponse(
                                                                                        "200",
                                                                                        mr -> {})
                                                                                .integration(
                                                                                        i ->
                                                                                                i.type(
                                                                                                                IntegrationType
                                                                                                                        .AWS)
                                                                                                        .httpMethod(
                                                                                                                "POST")
                                                                                                        .uri(
                                                                                                                LambdaProxyScenarioTest
                                                                                                                        .uri(
                                                                                                                                "greeter"))
                                                                                                        .putRequestTemplate(
                                                                                                                "application/json",
                                                                                                                "{\"fail\": \"$util.escapeJavaScript($input.params('fail'))\"}")
                                                                                                        .integrationResponse(
                                                                                                                "200",
                                                                                                                ir ->
                                                                                                                        ir
                                                                                                                                .putResponseTemplate(
                                                                                                                                        "application/json",
                                                                                                                                        "$input.path('$.errorMessage')|$input.path('$.errorType')"
                                                                                                                                                + "|#if($input.path('$.stackTrace').size() > 0)trace#end")))))
                                        .build())
                        .deploy("dev")
                        .lambda(
                                "greeter",
                                LambdaHandlers.requestHandler(new ThrowingHandler(), Map.class))
                        .build();

        Response response = api.handle(Request.of("GET", "/dev/greet?fail=no+cheese+left"));

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("no cheese left|java.lang.IllegalStateException|trace");
    }

    @Test
    void handle_utilFunctions_renderAsReference() {
        Api api =
                mock(
                        "$util.escapeJavaScript(\"it's\")$util.escapeJavaScript(' a \"/\" \u00e9')|$util.urlEncode('a b&c')"
                                + "|$util.urlDecode('a+b%26c')|$util.base64Encode('hi there')|$util.base64Decode('aGk=')"
                                + "|$util.parseJson('{\"k\":[1,{\"n\":\"v\"}]}').k[1].n");

        assertThat(api.handle(post("/test/things/1", "{}")))
                .hasBody("it\\'s a \\\"\\/\\\" \\u00E9|a+b%26c|a b&c|aGkgdGhlcmU=|hi|v");
    }

    @Test
    void handle_contextVariables_areVisibleWithIdentityKeysAndEmptyNulls() {
        Api api =
                mock(
                        "$context.stage|$context.resourcePath|$context.httpMethod|$context.apiId"
                                + "|$context.identity.keySet().contains('accessKey')|[$context.identity.accessKey]"
                                + "|[$context.identity.caller]|$context.identity.sourceIp|[$context.authorizer.claims.sub]"
                                + "|$context.requestOverride.keySet()|$context.responseOverride.keySet()"
                                + "|$stageVariables.color|$stageVariables['color']|[$stageVariables.missing]");
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/test/things/9")
                        .sourceIp("203.0.113.5")
                        .build();

        assertThat(api.handle(request))
                .hasBody(
                        "test|/things/{id}|POST|mk42vtl001"
                                + "|true|[]|[]|203.0.113.5|[]|[header, path, querystring]|[header]|teal|teal|[]");
    }

    /** Reference 1.2 (added): map-valued entries print as empty text through {@code get}. */
    @Test
    void handle_contextEntriesThroughGet_printMapsAsEmptyAndStringsAsValues() {
        Api api =
                mock(
                        "#foreach($key in $context.keySet())\"$key\": \"$context.get($key)\"\n"
                                + "#end$context.identity.keySet().contains('sourceIp')|$context.identity.sourceIp"
                                + "|$context.get('identity').sourceIp|$context.requestOverride.keySet()");
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/test/things/9")
                        .sourceIp("203.0.113.5")
                        .build();

        String body = api.handle(request).bodyAsString();

        assertThat(body)
                .contains(
                        "\"identity\": \"\"\n",
                        "\"requestOverride\": \"\"\n",
                        "\"responseOverride\": \"\"\n",
                        "\"stage\": \"test\"\n",
                        "\"httpMethod\": \"POST\"\n")
                .endsWith("true|203.0.113.5|203.0.113.5|[header, path, querystring]")
                .doesNotContain("sourceIp=", "header=");
    }

    @Test
    void handle_nullAndEmpty_compareEqualAndSetNull() {
        Api api =
                mock(
                        "#set($x = 'kept')#set($x = $input.path('$.missing'))[$x]"
                                + "#if($x == $null)N#end#if($x == '')E#end#if($context.stage == '')bad#end"
                                + "#if($context.stage != $null)S#end");

        Response response = api.handle(post("/test/things/1", "{\"zero\": 0}"));

        assertThat(response).hasBody("[]NES");
    }

    @Test
    void handle_statusOverrideT10_returnsOverriddenStatusWithoutMethodResponse() {
        String errors =
                "{\"errors\":[{\"key\":\"GetPetRequest.petId\",\"message\":\"The value is out of range.\"}]}";
        server.respond(
                "/pets",
                200,
                Map.of("Content-Type", List.of("application/json")),
                errors.getBytes(StandardCharsets.UTF_8));
        Api api =
                http(
                        "/pets",
                        "",
                        "#set($inputRoot = $input.path('$'))\n$input.json(\"$\")\n"
                                + "#if($inputRoot.toString().contains(\"error\"))\n"
                                + "#set($context.responseOverride.status = 400)\n#end\n",
                        i -> {});

        Response response = api.handle(post("/dev/items/1", "{}"));

        assertThat(response).hasStatus(400);
        assertThat(response.bodyAsString().trim()).isEqualTo(errors);
    }

    @Test
    void handle_statusOverrideOutOfRange_isIgnored() {
        Api api =
                mock(
                        "#set($context.responseOverride.status = 700)#set($context.responseOverride.header.X-Kind = 'k')ok");

        Response response = api.handle(post("/test/things/1", "{}"));

        assertThat(response).hasStatus(200);
        assertThat(response.headers().first("X-Kind")).contains("k");
        assertThat(response).hasBody("ok");
    }

    @Test
    void handle_headerOverrideT11_reachesTheHttpBackend() {
        Api api =
                http(
                        "/echo",
                        "#set($header1Override = \"foo\")\n"
                                + "#set($header3Value = \"$input.params('header1')$input.params('header2')\")\n"
                                + "$input.json(\"$\")\n"
                                + "#set($context.requestOverride.header.header3 = $header3Value)\n"
                                + "#set($context.requestOverride.header.header1 = $header1Override)\n"
                                + "#set($context.requestOverride.header.multivalueheader=[$header1Override, $header3Value])\n",
                        "",
                        i ->
                                i.putRequestParameter(
                                                "integration.request.header.header1",
                                                "method.request.header.header1")
                                        .putRequestParameter(
                                                "integration.request.header.header2",
                                                "method.request.header.header2"));
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/dev/items/3")
                        .header("Content-Type", "application/json")
                        .header("header1", "header1Val")
                        .header("header2", "header2Val")
                        .body("{\"a\":1}")
                        .build();

        JsonNode echo = LocalHttpServer.echoed(api.handle(request).body());

        assertThat(LocalHttpServer.echoedHeader(echo, "header3")).isEqualTo("header1Valheader2Val");
        assertThat(LocalHttpServer.echoedHeader(echo, "header2")).isEqualTo("header2Val");
        assertThat(LocalHttpServer.echoedHeader(echo, "header1")).isEqualTo("foo");
        assertThat(allValues(echo, "multivalueheader")).isEqualTo("foo,header1Valheader2Val");
        assertThat(LocalHttpServer.echoedHeader(echo, "X-Amzn-Apigateway-Api-Id"))
                .isEqualTo("ht42vtl002");
        assertThat(LocalHttpServer.echoedHeader(echo, "Accept")).isEqualTo("application/json");
    }

    private static String allValues(JsonNode echo, String name) {
        List<String> values = new ArrayList<>();
        echo.get("headers")
                .properties()
                .forEach(
                        e -> {
                            if (e.getKey().equalsIgnoreCase(name)) {
                                e.getValue().forEach(v -> values.add(v.asText()));
                            }
                        });
        return String.join(",", values);
    }

    @Test
    void handle_pathAndQueryOverrides_replaceMappedValues() {
        server.handle(
                "/store",
                exchange -> {
                    byte[] uri =
                            exchange.getRequestURI().toString().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, uri.length);
                    exchange.getResponseBody().write(uri);
                    exchange.close();
                });
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("vtl-uri")
                                        .resource(
                                                "/items/{itemId}",
                                                r ->
                                                        r.method(
                                                                "POST",
                                                                m ->
                                                                        m.methodResponse(
                                                                                        "200",
                                                                                        mr -> {})
                                                                                .integration(
                                                                                        i ->
                                                                                                i.type(
                                                                                                                IntegrationType
                                                                                                                        .HTTP)
                                                                                                        .httpMethod(
                                                                                                                "POST")
                                                                                                        .uri(
                                                                                                                server
                                                                                                                                .origin()
                                                                                                                        + "/store/{id}")
                                                                                                        .putRequestParameter(
                                                                                                                "integration.request.path.id",
                                                                                                                "method.request.path.itemId")
                                                                                                        .putRequestParameter(
                                                                                                                "integration.request.querystring.lang",
                                                                                                                "'de'")
                                                                                                        .putRequestParameter(
                                                                                                                "integration.request.querystring.keep",
                                                                                                                "'k'")
                                                                                                        .putRequestTemplate(
                                                                                                                "application/json",
                                                                                                                "#set($context.requestOverride.path.id = \"over ride\")"
                                                                                                                        + "#set($context.requestOverride.querystring.lang = \"fr\")"
                                                                                                                        + "#set($context.requestOverride.querystring.multi = [\"1\", \"2\"])"
                                                                                                                        + "{}")
                                                                                                        .integrationResponse(
                                                                                                                "200",
                                                                                                                ir -> {}))))
                                        .build())
                        .deploy("dev")
                        .build();

        Response response = api.handle(post("/dev/items/77", "{}"));

        assertThat(response).hasBody("/store/over%20ride?keep=k&lang=fr&multi=1&multi=2");
    }

    @Test
    void handle_responseOverrideFromRequestTemplateT16_appliesAndIsReadable() throws Exception {
        String request =
                "#set($context.responseOverride.status = 444)\n"
                        + "#set($context.responseOverride.header.foo = \"bar\")\n"
                        + "#set($context.responseOverride.custom = \"is also passed around\")\n"
                        + "{\"statusCode\": 200}";
        Api api =
                mock(
                        "/t16",
                        request,
                        "{\"statusOverride\": \"$context.responseOverride.status\","
                                + " \"fooHeader\": \"$context.responseOverride.header.foo\","
                                + " \"custom\": \"$context.responseOverride.custom\"}");

        Response response = api.handle(post("/test/t16", "{}"));

        assertThat(response).hasStatus(444);
        assertThat(response.headers().first("foo")).contains("bar");
        assertThat(response)
                .hasJsonBody(
                        "{\"statusOverride\":\"444\",\"fooHeader\":\"bar\",\"custom\":\"is also passed around\"}");
    }

    @Test
    void handle_responseOverrideFromRequestTemplateWithoutResponseTemplate_hasEmptyBody() {
        Api api =
                mock(
                        "/t16",
                        "#set($context.responseOverride.status = 444)"
                                + "#set($context.responseOverride.header.foo = \"bar\"){\"statusCode\": 200}",
                        "");

        Response response = api.handle(post("/test/t16", "{}"));

        assertThat(response).hasStatus(444);
        assertThat(response.headers().first("foo")).contains("bar");
        assertThat(response).hasEmptyBody();
    }

    @Test
    void handle_requestOverrideMapFormsT17_areReadableInResponseTemplate() throws Exception {
        Api api =
                mock(
                        "/t17",
                        "#set($paramName = \"foo\")\n"
                                + "#set($context.requestOverride.querystring[$paramName] = \"bar\")\n"
                                + "#set($paramPutName = \"putfoo\")\n"
                                + "$context.requestOverride.querystring.put($paramPutName, \"putBar\")\n"
                                + "#set($context[\"requestOverride\"].querystring[\"nestedfoo\"] = \"nestedFoo\")\n"
                                + "{\"statusCode\": 200}",
                        "{\"value\": \"$context.requestOverride.querystring[\"foo\"]\","
                                + " \"value2\": \"$context.requestOverride.querystring[\"putfoo\"]\","
                                + " \"value3\": \"$context.requestOverride.querystring[\"nestedfoo\"]\"}");

        Response response = api.handle(post("/test/t17", "{}"));

        assertThat(response).hasStatus(200);
        assertThat(response)
                .hasJsonBody("{\"value\":\"bar\",\"value2\":\"putBar\",\"value3\":\"nestedFoo\"}");
    }

    @Test
    void handle_requestOverrideCarriesDataT18_toResponseTemplate() throws Exception {
        Api api =
                mock(
                        "/{testPath}",
                        "#set($body = $util.base64Decode($input.params('testPath')))\n"
                                + "#set($context.requestOverride.path.body = $body)\n{\"statusCode\": 200}",
                        "#set($body = $util.parseJson($context.requestOverride.path.body))\n"
                                + "#if($body.message == \"path1\")\n{\"response\": \"path was path one\"}\n"
                                + "#elseif($body.message == \"path2\")\n{\"response\": \"path was path two\"}\n"
                                + "#else\n{\"response\": \"this is the else clause\"}\n#end");

        assertThat(
                        JSON.readTree(
                                        api.handle(
                                                        post(
                                                                "/test/"
                                                                        + b64(
                                                                                "{\"message\": \"path1\"}"),
                                                                "{}"))
                                                .body())
                                .get("response")
                                .asText())
                .isEqualTo("path was path one");
        assertThat(
                        JSON.readTree(
                                        api.handle(
                                                        post(
                                                                "/test/"
                                                                        + b64(
                                                                                "{\"message\": \"path2\"}"),
                                                                "{}"))
                                                .body())
                                .get("response")
                                .asText())
                .isEqualTo("path was path two");
        assertThat(
                        JSON.readTree(
                                        api.handle(
                                                        post(
                                                                "/test/"
                                                                        + b64(
                                                                                "{\"message\": \"other\"}"),
                                                                "{}"))
                                                .body())
                                .get("response")
                                .asText())
                .isEqualTo("this is the else clause");
    }

    private static String b64(String text) {
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded).doesNotContain("/");
        return encoded;
    }

    @Test
    void handle_overrideSetTwice_answers500AndTraces() {
        Api api =
                mock(
                        "/twice",
                        "#set($context.requestOverride.header.h = 'a')"
                                + "#set($context.requestOverride.header.h = 'b'){\"statusCode\": 200}",
                        "");

        TestInvokeResult result = api.testInvoke(post("/test/twice", "{}"));

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(result).hasBodyContaining("Internal server error");
        assertThat(result.log().contains("already set")).isTrue();
    }

    @Test
    void handle_templateThatThrows_answers500AndTraces() {
        Api api = mock("$util.base64Decode('%%%')");

        TestInvokeResult result = api.testInvoke(post("/test/things/2", "{}"));

        assertThat(result).hasStatus(500);
        assertThat(result.log().contains("Unable to transform response")).isTrue();
        assertThat(result.log().contains("base64Decode")).isTrue();
    }

    @Test
    void handle_foreachOverThousandItems_rendersThousandAndTraces() {
        Api api = http("/echo", "#foreach($i in $input.path('$.items'))$i,#end", "", i -> {});
        StringBuilder items = new StringBuilder("{\"items\": [0");
        for (int i = 1; i < 1500; i++) {
            items.append(',').append(i % 10);
        }
        TestInvokeResult result =
                api.testInvoke(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/dev/items/3")
                                .header("Content-Type", "application/json")
                                .body(items.append("]}").toString())
                                .build());

        assertThat(result).hasStatus(200);
        assertThat(LocalHttpServer.echoedBody(LocalHttpServer.echoed(result.response().body())))
                .hasSize(2000);
        assertThat(result.log().contains("stopped after 1000 iterations")).isTrue();
    }

    @Test
    void handle_requestPathOverNonJsonBody_answers400CouldNotParse() throws Exception {
        Api api = http("/echo", "{\"name\": $input.json('$.name')}", "", i -> {});

        TestInvokeResult result = api.testInvoke(post("/dev/items/1", "name=ana&age=3"));

        assertThat(result).hasStatus(400);
        assertThat(JSON.readTree(result.response().body()).get("message").asText())
                .startsWith("Could not parse request body into json: Unrecognized token 'name'");
        assertThat(result.log().contains("Could not parse request body into json")).isTrue();
    }

    @Test
    void handle_responseTemplateOverNonJsonBody_answers500() {
        server.respond(
                "/text",
                200,
                Map.of("Content-Type", List.of("text/plain")),
                "plain words".getBytes(StandardCharsets.UTF_8));
        Api api = http("/text", "", "[$input.body] $input.path('$.x')", i -> {});

        Response response = api.handle(post("/dev/items/1", "{}"));

        assertThat(response).hasStatus(500);
    }

    @Test
    void handle_hugeOutput_answers500() {
        Api api =
                http(
                        "/echo",
                        "#set($k = $input.body)#foreach($i in [1..1000])#foreach($j in [1..11])$k#end#end",
                        "",
                        i -> {});

        Response response = api.handle(post("/dev/items/1", "\"" + "z".repeat(1000) + "\""));

        assertThat(response).hasStatus(500);
    }
}
