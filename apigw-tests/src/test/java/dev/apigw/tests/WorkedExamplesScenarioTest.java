package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.lambda.ThrowingHandler;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worked examples T1 to T9, T13 and T14 of reference 1.7 through {@link Api#handle}: request
 * templates checked on what a real local HTTP backend received, response templates over what it
 * answered; JSON compared modulo whitespace where the reference says so.
 */
class WorkedExamplesScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** An HTTP integration on {@code path} whose request template is {@code template}. */
    private Api requestMapping(String path, String template) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        RestApi.builder()
                                .name("examples")
                                .id("ex1234abcd")
                                .resource(
                                        path,
                                        r ->
                                                r.method(
                                                        "POST",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
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
                                                                                                                + "/echo")
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        template)
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir -> {}))))
                                .build())
                .deploy("prod")
                .build();
    }

    /**
     * An HTTP integration whose backend answers {@code backendBody}, mapped by {@code template}.
     */
    private Api responseMapping(String backendBody, String template) {
        server.respond(
                "/data",
                200,
                Map.of("Content-Type", List.of("application/json")),
                backendBody.getBytes(StandardCharsets.UTF_8));
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        RestApi.builder()
                                .name("examples")
                                .resource(
                                        "/data",
                                        r ->
                                                r.method(
                                                        "GET",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .HTTP)
                                                                                                .httpMethod(
                                                                                                        "GET")
                                                                                                .uri(
                                                                                                        server
                                                                                                                        .origin()
                                                                                                                + "/data")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                template)))))
                                .build())
                .deploy("prod")
                .build();
    }

    private static Api mock(String requestTemplate, String responseTemplate) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(
                        RestApi.builder()
                                .name("examples")
                                .id("ex1234abcd")
                                .resource(
                                        "/root/{child}",
                                        r ->
                                                r.id("05c7jb")
                                                        .method(
                                                                "GET",
                                                                m ->
                                                                        m.methodResponse(
                                                                                        "200",
                                                                                        mr -> {})
                                                                                .methodResponse(
                                                                                        "500",
                                                                                        mr -> {})
                                                                                .integration(
                                                                                        i ->
                                                                                                i.type(
                                                                                                                IntegrationType
                                                                                                                        .MOCK)
                                                                                                        .putRequestTemplate(
                                                                                                                "application/json",
                                                                                                                requestTemplate)
                                                                                                        .integrationResponse(
                                                                                                                "200",
                                                                                                                ir ->
                                                                                                                        ir
                                                                                                                                .putResponseTemplate(
                                                                                                                                        "application/json",
                                                                                                                                        responseTemplate))
                                                                                                        .integrationResponse(
                                                                                                                "500",
                                                                                                                ir ->
                                                                                                                        ir.selectionPattern(
                                                                                                                                        "5\\d{2}")
                                                                                                                                .putResponseTemplate(
                                                                                                                                        "application/json",
                                                                                                                                        "{\"failed\": true}")))))
                                .build())
                .deploy("prod")
                .build();
    }

    private static String sent(Response response) {
        assertThat(response).hasStatus(200);
        return new String(
                LocalHttpServer.echoedBody(LocalHttpServer.echoed(response.body())),
                StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Request post(String target, String body) {
        return Request.builder()
                .httpMethod("POST")
                .target(target)
                .header("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /**
     * T1. The reference prints {@code things} as plain JSON, but {@code escapeJavaScript} escapes
     * {@code "} (reference 1.4), so the object arrives with backslashed quotes.
     */
    @Test
    void t1_inputTrio_rendersIdCountAndEscapedThings() {
        Api api =
                requestMapping(
                        "/things/{id}",
                        "{\n    \"id\" : \"$input.params('id')\",\n"
                                + "    \"count\" : \"$input.path('$.things').size()\",\n"
                                + "    \"things\" : $util.escapeJavaScript($input.json('$.things'))\n}");

        String body =
                sent(
                        api.handle(
                                post(
                                        "/prod/things/abc",
                                        "{\"things\":{\"1\":{},\"2\":{},\"3\":{}}}")));

        assertThat(body.replaceAll("\\s", ""))
                .isEqualTo(
                        "{\"id\":\"abc\",\"count\":\"3\",\"things\":{\\\"1\\\":{},\\\"2\\\":{},\\\"3\\\":{}}}");
    }

    @Test
    void t2_nameAndWholeBody_giveJson() throws Exception {
        Api api =
                requestMapping(
                        "/things",
                        "{\"name\":\"$input.params('name')\",\"body\":$input.json('$'),"
                                + "\"mykey\":$input.json('$.mykey')}");

        String body =
                sent(api.handle(post("/prod/things?name=me", "{\"a\":1,\"mykey\":{\"b\":[2]}}")));

        assertThat(json(body))
                .isEqualTo(
                        json(
                                "{\"name\":\"me\",\"body\":{\"a\":1,\"mykey\":{\"b\":[2]}},\"mykey\":{\"b\":[2]}}"));
    }

    @Test
    void t3_parseJsonOfLambdaErrorMessage_navigatesIntoIt() throws Exception {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("examples")
                                        .resource(
                                                "/err",
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
                                                                                                                                "failing"))
                                                                                                        .putRequestTemplate(
                                                                                                                "application/json",
                                                                                                                "{\"fail\": \"$util.escapeJavaScript($input.params('fail'))\"}")
                                                                                                        .integrationResponse(
                                                                                                                "200",
                                                                                                                ir ->
                                                                                                                        ir
                                                                                                                                .putResponseTemplate(
                                                                                                                                        "application/json",
                                                                                                                                        "#set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))\n"
                                                                                                                                                + "{ \"errorMessageObjKey2ArrVal\" : $errorMessageObj.key2.arr[0] }")))))
                                        .build())
                        .deploy("prod")
                        .lambda(
                                "failing",
                                LambdaHandlers.requestHandler(new ThrowingHandler(), Map.class))
                        .build();
        String message = "{\"key1\":\"var1\",\"key2\":{\"arr\":[1,2,3]}}";

        Response response =
                api.handle(
                        Request.of(
                                "GET",
                                "/prod/err?fail="
                                        + URLEncoder.encode(message, StandardCharsets.UTF_8)));

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("{ \"errorMessageObjKey2ArrVal\" : 1 }");
    }

    /** T4; {@code escapeJavaScript} gives {@code \'}, invalid JSON, as reference 1.4 warns. */
    @Test
    void t4_allParams_becomeNestedJson() throws Exception {
        Api api =
                requestMapping(
                        "/things/{id}",
                        "#set($allParams = $input.params())\n"
                                + "{ \"params\" : {\n"
                                + "  #foreach($type in $allParams.keySet())\n"
                                + "  #set($params = $allParams.get($type))\n"
                                + "  \"$type\" : {\n"
                                + "    #foreach($paramName in $params.keySet())\n"
                                + "    \"$paramName\" : \"$util.escapeJavaScript($params.get($paramName))\"\n"
                                + "    #if($foreach.hasNext),#end\n"
                                + "    #end\n"
                                + "  }\n"
                                + "  #if($foreach.hasNext),#end\n"
                                + "  #end\n"
                                + "} }");
        Request request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/prod/things/t-1?q=v&lang=en")
                        .header("Content-Type", "application/json")
                        .header("X-Note", "it's")
                        .body("{}")
                        .build();

        String body = sent(api.handle(request));

        assertThat(json(body.replace("\\'", "'")))
                .isEqualTo(
                        json(
                                "{\"params\":{\"path\":{\"id\":\"t-1\"},"
                                        + "\"querystring\":{\"q\":\"v\",\"lang\":\"en\"},"
                                        + "\"header\":{\"Content-Type\":\"application/json\",\"X-Note\":\"it's\"}}}"));
        assertThat(body).contains("\"X-Note\" : \"it\\'s\"");
    }

    @Test
    void t5_contextCopy_givesPlainValuesAndEmptyNulls() throws Exception {
        Api api =
                mock(
                        "{\"statusCode\": 200}",
                        "{\"stage\":\"$context.stage\",\"request_id\":\"$context.requestId\","
                                + "\"api_id\":\"$context.apiId\",\"resource_path\":\"$context.resourcePath\","
                                + "\"resource_id\":\"$context.resourceId\",\"http_method\":\"$context.httpMethod\","
                                + "\"source_ip\":\"$context.identity.sourceIp\",\"user-agent\":\"$context.identity.userAgent\","
                                + "\"account_id\":\"$context.identity.accountId\",\"api_key\":\"$context.identity.apiKey\","
                                + "\"caller\":\"$context.identity.caller\",\"user\":\"$context.identity.user\","
                                + "\"user_arn\":\"$context.identity.userArn\"}");
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/root/child")
                        .header("User-Agent", "curl/8.0")
                        .sourceIp("192.0.2.1")
                        .build();

        Response response = api.handle(request);

        String requestId = response.headers().first("x-amzn-RequestId").orElseThrow();
        assertThat(json(response.bodyAsString()))
                .isEqualTo(
                        json(
                                "{\"stage\":\"prod\",\"request_id\":\""
                                        + requestId
                                        + "\",\"api_id\":\"ex1234abcd\",\"resource_path\":\"/root/{child}\","
                                        + "\"resource_id\":\"05c7jb\",\"http_method\":\"GET\",\"source_ip\":\"192.0.2.1\","
                                        + "\"user-agent\":\"curl/8.0\",\"account_id\":\"\",\"api_key\":\"\",\"caller\":\"\","
                                        + "\"user\":\"\",\"user_arn\":\"\"}"));
    }

    @Test
    void t6_groceryResponse_mapsBinsToChoices() throws Exception {
        Api api =
                responseMapping(
                        "{\"department\":\"produce\",\"categories\":[\"fruit\",\"vegetables\"],\"bins\":["
                                + "{\"category\":\"fruit\",\"type\":\"apples\",\"price\":1.99,\"unit\":\"pound\",\"quantity\":232},"
                                + "{\"category\":\"fruit\",\"type\":\"bananas\",\"price\":0.19,\"unit\":\"each\",\"quantity\":112},"
                                + "{\"category\":\"vegetables\",\"type\":\"carrots\",\"price\":1.29,\"unit\":\"bag\",\"quantity\":57}]}",
                        "#set($inputRoot = $input.path('$'))\n{\n  \"choices\": [\n"
                                + "#foreach($elem in $inputRoot.bins)\n    {\n"
                                + "      \"kind\": \"$elem.type\",\n"
                                + "      \"suggestedPrice\": \"$elem.price per $elem.unit\",\n"
                                + "      \"available\": $elem.quantity\n"
                                + "    }#if($foreach.hasNext),#end\n#end\n  ]\n}");

        Response response = api.handle(Request.of("GET", "/prod/data"));

        assertThat(json(response.bodyAsString()))
                .isEqualTo(
                        json(
                                "{\"choices\":["
                                        + "{\"kind\":\"apples\",\"suggestedPrice\":\"1.99 per pound\",\"available\":232},"
                                        + "{\"kind\":\"bananas\",\"suggestedPrice\":\"0.19 per each\",\"available\":112},"
                                        + "{\"kind\":\"carrots\",\"suggestedPrice\":\"1.29 per bag\",\"available\":57}]}"));
    }

    @Test
    void t7_photos_keepsNumbersUnquoted() throws Exception {
        Api api =
                responseMapping(
                        "{\"photos\":{\"page\":1,\"pages\":\"1234\",\"perpage\":100,\"total\":\"123398\","
                                + "\"photo\":[{\"id\":\"12345678901\",\"owner\":\"23456789@A12\",\"secret\":\"abc123d456\","
                                + "\"server\":\"1234\",\"farm\":1,\"title\":\"Sample photo 1\",\"ispublic\":1,\"isfriend\":0,"
                                + "\"isfamily\":0},{\"id\":\"23456789012\",\"owner\":\"34567890@B23\",\"secret\":\"bcd234e567\","
                                + "\"server\":\"2345\",\"farm\":2,\"title\":\"Sample photo 2\",\"ispublic\":1,\"isfriend\":0,"
                                + "\"isfamily\":0}]}}",
                        "#set($inputRoot = $input.path('$'))\n{\"photos\":[ #foreach($elem in $inputRoot.photos.photo) "
                                + "{\"id\":\"$elem.id\",\"owner\":\"$elem.owner\",\"title\":\"$elem.title\","
                                + "\"ispublic\":$elem.ispublic,\"isfriend\":$elem.isfriend,\"isfamily\":$elem.isfamily}"
                                + "#if($foreach.hasNext),#end #end ]}");

        Response response = api.handle(Request.of("GET", "/prod/data"));

        assertThat(json(response.bodyAsString()))
                .isEqualTo(
                        json(
                                "{\"photos\":[{\"id\":\"12345678901\","
                                        + "\"owner\":\"23456789@A12\",\"title\":\"Sample photo 1\",\"ispublic\":1,\"isfriend\":0,"
                                        + "\"isfamily\":0},{\"id\":\"23456789012\",\"owner\":\"34567890@B23\",\"title\":\"Sample photo 2\","
                                        + "\"ispublic\":1,\"isfriend\":0,\"isfamily\":0}]}"));
    }

    @Test
    void t8_newsArticle_joinsAuthorNames() throws Exception {
        Api api =
                responseMapping(
                        "{\"count\":1,\"items\":[{\"last_updated_date\":\"2015-04-24\","
                                + "\"expire_date\":\"2016-04-25\",\"author_first_name\":\"John\",\"description\":\"Sample Description\","
                                + "\"creation_date\":\"2015-04-20\",\"title\":\"Sample Title\",\"allow_comment\":\"1\","
                                + "\"author\":{\"last_name\":\"Doe\",\"email\":\"johndoe@example.com\",\"first_name\":\"John\"},"
                                + "\"body\":\"Sample Body\",\"publish_date\":\"2015-04-25\",\"version\":\"1\","
                                + "\"author_last_name\":\"Doe\",\"parent_id\":2345678901,"
                                + "\"article_url\":\"http://www.example.com/articles/3456789012\"}],\"version\":1}",
                        "#set($inputRoot = $input.path('$'))\n{\n  \"count\": $inputRoot.count,\n  \"items\": [\n"
                                + "#foreach($elem in $inputRoot.items)\n    {\n"
                                + "      \"creation_date\": \"$elem.creation_date\",\n"
                                + "      \"title\": \"$elem.title\",\n"
                                + "      \"author\": \"$elem.author.first_name $elem.author.last_name\",\n"
                                + "      \"body\": \"$elem.body\",\n"
                                + "      \"publish_date\": \"$elem.publish_date\",\n"
                                + "      \"article_url\": \"$elem.article_url\"\n"
                                + "    }#if($foreach.hasNext),#end\n#end\n  ],\n  \"version\": $inputRoot.version\n}");

        Response response = api.handle(Request.of("GET", "/prod/data"));

        assertThat(json(response.bodyAsString()))
                .isEqualTo(
                        json(
                                "{\"count\":1,\"items\":[{"
                                        + "\"creation_date\":\"2015-04-20\",\"title\":\"Sample Title\",\"author\":\"John Doe\","
                                        + "\"body\":\"Sample Body\",\"publish_date\":\"2015-04-25\","
                                        + "\"article_url\":\"http://www.example.com/articles/3456789012\"}],\"version\":1}"));
    }

    @Test
    void t9_salesInvoice_flattensExpenseDetail() throws Exception {
        Api api =
                responseMapping(
                        "{\"DueDate\":\"2013-02-15\",\"Balance\":1990.19,\"DocNumber\":\"SAMP001\","
                                + "\"Status\":\"Payable\",\"Line\":[{\"Description\":\"Sample Expense\",\"Amount\":500,"
                                + "\"DetailType\":\"ExpenseDetail\",\"ExpenseDetail\":{\"Customer\":{\"value\":\"ABC123\","
                                + "\"name\":\"Sample Customer\"},\"Ref\":{\"value\":\"DEF234\",\"name\":\"Sample Construction\"},"
                                + "\"Account\":{\"value\":\"EFG345\",\"name\":\"Fuel\"},\"LineStatus\":\"Billable\"}}],"
                                + "\"Vendor\":{\"value\":\"GHI456\",\"name\":\"Sample Bank\"},"
                                + "\"APRef\":{\"value\":\"HIJ567\",\"name\":\"Accounts Payable\"},\"TotalAmt\":1990.19}",
                        "#set($inputRoot = $input.path('$'))\n{\n"
                                + "  \"DueDate\": \"$inputRoot.DueDate\",\n  \"Balance\": $inputRoot.Balance,\n"
                                + "  \"DocNumber\": \"$inputRoot.DocNumber\",\n  \"Status\": \"$inputRoot.Status\",\n"
                                + "  \"Line\": [\n#foreach($elem in $inputRoot.Line)\n    {\n"
                                + "      \"Description\": \"$elem.Description\",\n      \"Amount\": $elem.Amount,\n"
                                + "      \"DetailType\": \"$elem.DetailType\",\n"
                                + "      \"Customer\": \"$elem.ExpenseDetail.Customer.value ($elem.ExpenseDetail.Customer.name)\",\n"
                                + "      \"Ref\": \"$elem.ExpenseDetail.Ref.value ($elem.ExpenseDetail.Ref.name)\",\n"
                                + "      \"Account\": \"$elem.ExpenseDetail.Account.value ($elem.ExpenseDetail.Account.name)\",\n"
                                + "      \"LineStatus\": \"$elem.ExpenseDetail.LineStatus\"\n"
                                + "    }#if($foreach.hasNext),#end\n#end\n  ],\n"
                                + "  \"TotalAmt\": $inputRoot.TotalAmt\n}");

        Response response = api.handle(Request.of("GET", "/prod/data"));

        assertThat(response.bodyAsString())
                .contains("\"Balance\": 1990.19,")
                .contains("\"Amount\": 500,");
        assertThat(json(response.bodyAsString()))
                .isEqualTo(
                        json(
                                "{\"DueDate\":\"2013-02-15\","
                                        + "\"Balance\":1990.19,\"DocNumber\":\"SAMP001\",\"Status\":\"Payable\",\"Line\":[{"
                                        + "\"Description\":\"Sample Expense\",\"Amount\":500,\"DetailType\":\"ExpenseDetail\","
                                        + "\"Customer\":\"ABC123 (Sample Customer)\",\"Ref\":\"DEF234 (Sample Construction)\","
                                        + "\"Account\":\"EFG345 (Fuel)\",\"LineStatus\":\"Billable\"}],\"TotalAmt\":1990.19}"));
    }

    /** T13 without a Cognito authorizer: {@code $context.authorizer.claims} is absent. */
    @Test
    void t13_claimsWithoutAuthorizer_renderEmpty() throws Exception {
        Api api =
                mock(
                        "{\"statusCode\": 200}",
                        "{\"sub\":\"$context.authorizer.claims.sub\","
                                + "\"email\":\"$context.authorizer.claims.email\","
                                + "\"role\":\"$context.authorizer.claims['custom:role']\"}");

        Response response = api.handle(Request.of("GET", "/prod/root/x"));

        assertThat(json(response.bodyAsString()))
                .isEqualTo(json("{\"sub\":\"\",\"email\":\"\",\"role\":\"\"}"));
    }

    @Test
    void t14_mockRequestTemplate_selectsResponseByScope() {
        Api api =
                mock(
                        "{ #if( $input.params('scope') == \"internal\" ) \"statusCode\": 200 "
                                + "#else \"statusCode\": 500 #end }",
                        "{\"ok\": true}");

        Response internal = api.handle(Request.of("GET", "/prod/root/x?scope=internal"));
        Response external = api.handle(Request.of("GET", "/prod/root/x?scope=public"));
        Response none = api.handle(Request.of("GET", "/prod/root/x"));

        assertThat(internal).hasStatus(200);
        assertThat(internal).hasBody("{\"ok\": true}");
        assertThat(external).hasStatus(500);
        assertThat(external).hasBody("{\"failed\": true}");
        assertThat(none).hasStatus(500);
    }
}
