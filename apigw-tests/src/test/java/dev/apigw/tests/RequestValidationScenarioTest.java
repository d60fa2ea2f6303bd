package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ApiKey;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Model;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.openapi.ImportResult;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request validators through {@link Api#handle} (reference 1.7 T15, 3.1, 4.3, 5.1, 6.2, 8.1):
 * required parameters, then the body against its model, and what the gateway responses show.
 */
class RequestValidationScenarioTest {
    private static final String ALL = "v1all";
    private static final String BODY = "v2body";
    private static final String PARAMS = "v3params";
    private static final String INVALID_BODY = "{\"message\": \"Invalid request body\"}";

    /** A {@code $ref}-free model requiring {@code email}. */
    private static final String SIGNUP =
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
                    + "\"type\":\"object\",\"required\":[\"email\"],"
                    + "\"properties\":{\"email\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}";

    private static String modelUrl(String apiId, String name) {
        return "https://apigateway.amazonaws.com/restapis/" + apiId + "/models/" + name;
    }

    /** An API with three validators and the {@code Signup} model; {@code method} adds more. */
    private static RestApi restApi(
            String apiId,
            String path,
            String httpMethod,
            Consumer<Method.Builder> method,
            Consumer<RestApi.Builder> api) {
        RestApi.Builder b =
                RestApi.builder()
                        .id(apiId)
                        .name("validation-" + apiId)
                        .requestValidator(new RequestValidator(ALL, "all", true, true))
                        .requestValidator(new RequestValidator(BODY, "body-only", true, false))
                        .requestValidator(new RequestValidator(PARAMS, "params-only", false, true))
                        .model(Model.json("Signup", SIGNUP))
                        .resource(
                                path,
                                r ->
                                        r.method(
                                                httpMethod,
                                                m -> {
                                                    m.methodResponse("200", mr -> {})
                                                            .integration(
                                                                    i ->
                                                                            i.type(
                                                                                            IntegrationType
                                                                                                    .MOCK)
                                                                                    .putRequestTemplate(
                                                                                            "application/json",
                                                                                            "{\"statusCode\": 200}")
                                                                                    .integrationResponse(
                                                                                            "200",
                                                                                            ir ->
                                                                                                    ir
                                                                                                            .putResponseTemplate(
                                                                                                                    "application/json",
                                                                                                                    "{\"served\": true}")));
                                                    method.accept(m);
                                                }));
        api.accept(b);
        return b.build();
    }

    private static Api api(
            String apiId, String path, String httpMethod, Consumer<Method.Builder> method) {
        return api(apiId, path, httpMethod, method, b -> {});
    }

    private static Api api(
            String apiId,
            String path,
            String httpMethod,
            Consumer<Method.Builder> method,
            Consumer<RestApi.Builder> api) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi(apiId, path, httpMethod, method, api))
                .deploy("prod")
                .build();
    }

    private static Request post(String target, String contentType, String body) {
        Request.Builder request = Request.builder().httpMethod("POST").target(target).body(body);
        return contentType == null
                ? request.build()
                : request.header("Content-Type", contentType).build();
    }

    private static void assertServed(Response response) {
        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("{\"served\": true}");
    }

    private static void assertBadRequest(Response response, String body) {
        assertThat(response).hasStatus(400).hasBody(body).hasErrorType("BadRequestException");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    private static void assertMissing(Response response, String names) {
        assertBadRequest(
                response,
                "{\"message\": \"Missing required request parameters: [" + names + "]\"}");
    }

    @Test
    void handle_missingRequiredQuery_returnsT15Body() {
        Api api =
                api(
                        "t15q01",
                        "/search",
                        "GET",
                        m ->
                                m.requestValidatorId(ALL)
                                        .putRequestParameter(
                                                "method.request.querystring.q1", true));

        assertMissing(api.handle(Request.of("GET", "/prod/search")), "q1");
        assertServed(api.handle(Request.of("GET", "/prod/search?q1=shoes")));
    }

    @Test
    void handle_missingInEveryLocation_listsHeaderThenPathThenQuerystring() {
        Api api =
                api(
                        "t15o02",
                        "/tokens",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter("method.request.querystring.qs1", true)
                                        .putRequestParameter("method.request.path.issuer", true)
                                        .putRequestParameter(
                                                "method.request.header.x-header-param", true));

        assertMissing(api.handle(Request.of("GET", "/prod/tokens")), "x-header-param, issuer, qs1");
    }

    @Test
    void handle_severalMissingInOneLocation_keepsDeclarationOrder() {
        Api api =
                api(
                        "order3",
                        "/reports",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter(
                                                "method.request.querystring.zeta", true)
                                        .putRequestParameter("method.request.header.X-Tenant", true)
                                        .putRequestParameter(
                                                "method.request.querystring.alpha", true)
                                        .putRequestParameter("method.request.querystring.mid", true)
                                        .putRequestParameter(
                                                "method.request.header.X-Account", true));

        assertMissing(
                api.handle(Request.of("GET", "/prod/reports?mid=3")),
                "X-Tenant, X-Account, zeta, alpha");
    }

    @Test
    void handle_blankValues_countAsMissing() {
        Api api =
                api(
                        "blank4",
                        "/reports",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter("method.request.header.X-Tenant", true)
                                        .putRequestParameter(
                                                "method.request.querystring.from", true)
                                        .putRequestParameter(
                                                "method.request.querystring.to", true));
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/reports?from=&to=%20%20")
                        .header("X-Tenant", "  ")
                        .build();

        assertMissing(api.handle(request), "X-Tenant, from, to");
    }

    @Test
    void handle_headerInAnotherCase_isPresent() {
        Api api =
                api(
                        "case05",
                        "/reports",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter(
                                                "method.request.header.X-Trace-Id", true));
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/reports")
                        .header("x-TRACE-id", "abc-123")
                        .build();

        assertServed(api.handle(request));
        assertMissing(api.handle(Request.of("GET", "/prod/reports")), "X-Trace-Id");
    }

    @Test
    void handle_optionalParameter_isNotEnforced() {
        Api api =
                api(
                        "optl06",
                        "/reports",
                        "GET",
                        m ->
                                m.requestValidatorId(ALL)
                                        .putRequestParameter(
                                                "method.request.querystring.page", false)
                                        .putRequestParameter("method.request.header.X-Opt", false));

        assertServed(api.handle(Request.of("GET", "/prod/reports")));
    }

    @Test
    void handle_requiredPathParameter_isPresentWhenRouted() {
        Api api =
                api(
                        "path07",
                        "/orders/{orderId}",
                        "GET",
                        m ->
                                m.requestValidatorId(ALL)
                                        .putRequestParameter("method.request.path.orderId", true));

        assertServed(api.handle(Request.of("GET", "/prod/orders/o-981")));
    }

    @Test
    void handle_missingParameterAndInvalidBody_reportsParametersFirst() {
        Api api =
                api(
                        "prec08",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(ALL)
                                        .putRequestParameter("method.request.header.X-Client", true)
                                        .putRequestModel("application/json", "Signup"));

        assertMissing(
                api.handle(post("/prod/signup", "application/json", "{\"age\": 3}")), "X-Client");
        Request withHeader =
                Request.builder()
                        .httpMethod("POST")
                        .target("/prod/signup")
                        .header("X-Client", "web")
                        .body("{\"age\": 3}")
                        .build();
        assertBadRequest(api.handle(withHeader), INVALID_BODY);
    }

    @Test
    void handle_bodyFailingModel_returnsT15Body() {
        Api api =
                api(
                        "body09",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"));

        assertBadRequest(
                api.handle(post("/prod/signup", "application/json", "{\"age\": 41}")),
                INVALID_BODY);
        assertBadRequest(
                api.handle(
                        post(
                                "/prod/signup",
                                "application/json",
                                "{\"email\": \"a@b.example\", \"age\": \"forty\"}")),
                INVALID_BODY);
        assertServed(
                api.handle(
                        post(
                                "/prod/signup",
                                "application/json",
                                "{\"email\": \"a@b.example\", \"age\": 41}")));
    }

    @Test
    void handle_bodyOnlyValidator_ignoresMissingParameters() {
        Api api =
                api(
                        "body10",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestParameter("method.request.querystring.ref", true)
                                        .putRequestModel("application/json", "Signup"));

        assertServed(
                api.handle(
                        post("/prod/signup", "application/json", "{\"email\": \"x@y.example\"}")));
    }

    @Test
    void handle_parametersOnlyValidator_ignoresInvalidBody() {
        Api api =
                api(
                        "parm11",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter("method.request.querystring.ref", true)
                                        .putRequestModel("application/json", "Signup"));

        assertServed(api.handle(post("/prod/signup?ref=mail", "application/json", "[1, 2]")));
    }

    @Test
    void handle_noValidator_checksNothing() {
        Api api =
                api(
                        "none12",
                        "/signup",
                        "POST",
                        m ->
                                m.putRequestParameter("method.request.header.X-Required", true)
                                        .putRequestModel("application/json", "Signup"));

        assertServed(api.handle(post("/prod/signup", "application/json", "not json at all")));
    }

    @Test
    void handle_contentTypeWithParameters_usesItsMediaTypesModel() {
        Api api =
                api(
                        "ctyp13",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"));

        assertBadRequest(
                api.handle(post("/prod/signup", "Application/JSON; charset=UTF-8", "{}")),
                INVALID_BODY);
    }

    @Test
    void handle_noContentType_usesTheJsonModel() {
        Api api =
                api(
                        "ctyp14",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"));

        assertBadRequest(api.handle(post("/prod/signup", null, "{\"age\": 1}")), INVALID_BODY);
        assertServed(api.handle(post("/prod/signup", null, "{\"email\": \"n@c.example\"}")));
    }

    @Test
    void handle_contentTypeWithoutModel_isNotValidated() {
        Api api =
                api(
                        "ctyp15",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"));

        assertServed(api.handle(post("/prod/signup", "text/plain", "plain words")));
    }

    @Test
    void handle_defaultModel_validatesEveryOtherContentType() {
        Api api =
                api(
                        "dflt16",
                        "/signup",
                        "POST",
                        m -> m.requestValidatorId(BODY).putRequestModel("$default", "Signup"));

        assertBadRequest(
                api.handle(post("/prod/signup", "text/plain", "plain words")), INVALID_BODY);
        assertBadRequest(
                api.handle(post("/prod/signup", "application/vnd.acme+json", "{\"age\": 2}")),
                INVALID_BODY);
        assertServed(
                api.handle(
                        post(
                                "/prod/signup",
                                "application/vnd.acme+json",
                                "{\"email\": \"d@e.example\"}")));
    }

    @Test
    void handle_emptyBody_isValidatedAsEmptyObject() {
        Api strict =
                api(
                        "empt17",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"));
        Api lenient =
                api(
                        "empt18",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Empty"));

        assertBadRequest(strict.handle(post("/prod/signup", "application/json", "")), INVALID_BODY);
        assertServed(lenient.handle(post("/prod/signup", "application/json", "")));
        assertBadRequest(
                lenient.handle(post("/prod/signup", "application/json", "[]")), INVALID_BODY);
        assertBadRequest(
                lenient.handle(post("/prod/signup", "application/json", "  \n ")), INVALID_BODY);
    }

    @Test
    void handle_bodyNotJson_returnsInvalidBodyWithItsValidationErrorString() {
        Api api =
                api(
                        "json19",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"),
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.BAD_REQUEST_BODY,
                                        g ->
                                                g.putResponseTemplate(
                                                        "application/json",
                                                        "{\"why\": \"$context.error.validationErrorString\"}")));

        Response response = api.handle(post("/prod/signup", "application/json", "{email: x"));

        assertThat(response).hasStatus(400);
        assertThat(response)
                .hasBody("{\"why\": \"[Invalid JSON: the request body is not a JSON value]\"}");
    }

    /** A model with a {@code minimum}, which java-json-tools checks through BigDecimal. */
    private static final String PRICED =
            "{\"type\":\"object\","
                    + "\"properties\":{\"price\":{\"type\":\"number\",\"minimum\":0}}}";

    private static Api pricedApi(String apiId) {
        return api(
                apiId,
                "/items",
                "POST",
                m -> m.requestValidatorId(BODY).putRequestModel("application/json", "Priced"),
                b ->
                        b.model(Model.json("Priced", PRICED))
                                .gatewayResponse(
                                        GatewayResponseType.BAD_REQUEST_BODY,
                                        g ->
                                                g.putResponseTemplate(
                                                        "application/json",
                                                        "{\"why\": \"$context.error.validationErrorString\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "2E+999", "[1e400]"})
    void handle_numberBeyondDoubleRange_returnsInvalidBody(String price) {
        Api api = pricedApi("huge21");

        Response response =
                api.handle(post("/prod/items", "application/json", "{\"price\": " + price + "}"));

        assertThat(response).hasStatus(400);
        assertThat(response).hasBody("{\"why\": \"[numeric value out of range]\"}");
        assertServed(api.handle(post("/prod/items", "application/json", "{\"price\": 1e300}")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"price\":1}garbage",
                "{\"price\":1} {}",
                "{\"price\":1}]",
                "{\"price\":1}\u0000",
                "1 2"
            })
    void handle_trailingContentAfterTheJson_returnsInvalidJson(String body) {
        Api api = pricedApi("tail22");

        Response response = api.handle(post("/prod/items", "application/json", body));

        assertThat(response).hasStatus(400);
        assertThat(response)
                .hasBody("{\"why\": \"[Invalid JSON: the request body is not a JSON value]\"}");
        assertServed(api.handle(post("/prod/items", "application/json", "{\"price\":1} \n\t")));
    }

    @Test
    void handle_customBodyTemplate_substitutesTheValidatorsMessages() {
        Api api =
                api(
                        "cust20",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"),
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.BAD_REQUEST_BODY,
                                        g ->
                                                g.statusCode(422)
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Validation",
                                                                "context.error.validationErrorString")
                                                        .putResponseTemplate(
                                                                "application/json",
                                                                "{\"message\": $context.error.messageString, \"details\": "
                                                                        + "\"$context.error.validationErrorString\"}")));

        Response response = api.handle(post("/prod/signup", "application/json", "{\"age\": 1.5}"));

        assertThat(response).hasStatus(422);
        assertThat(response)
                .hasBody(
                        "{\"message\": \"Invalid request body\","
                                + " \"details\": \"[object has missing required properties ([\"email\"])]\"}");
        assertThat(response.headers().first("X-Validation"))
                .contains("[object has missing required properties ([\"email\"])]");
    }

    @Test
    void handle_customParametersTemplate_validationErrorStringIsTheMessage() {
        Api api =
                api(
                        "cust21",
                        "/search",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter(
                                                "method.request.querystring.term", true),
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.BAD_REQUEST_PARAMETERS,
                                        g ->
                                                g.putResponseTemplate(
                                                        "application/json",
                                                        "{\"raw\": \"$context.error.message\", \"detail\": "
                                                                + "\"$context.error.validationErrorString\"}")));

        Response response = api.handle(Request.of("GET", "/prod/search"));

        assertThat(response).hasStatus(400);
        assertThat(response)
                .hasBody(
                        "{\"raw\": \"Missing required request parameters: [term]\", \"detail\": "
                                + "\"Missing required request parameters: [term]\"}");
    }

    @Test
    void handle_customisedDefault4xx_appliesToValidationFailures() {
        Api api =
                api(
                        "dflt22",
                        "/search",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestParameter(
                                                "method.request.querystring.term", true),
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.DEFAULT_4XX,
                                        g ->
                                                g.putResponseTemplate(
                                                        "application/json",
                                                        "{\"kind\": \"$context.error.responseType\"}")));

        Response response = api.handle(Request.of("GET", "/prod/search"));

        assertThat(response).hasStatus(400);
        assertThat(response).hasBody("{\"kind\": \"BAD_REQUEST_PARAMETERS\"}");
    }

    @Test
    void handle_otherGatewayResponse_rendersValidationErrorStringEmpty() {
        Api api =
                api(
                        "othr23",
                        "/search",
                        "GET",
                        m -> m.requestValidatorId(PARAMS),
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                                        g ->
                                                g.putResponseTemplate(
                                                        "application/json",
                                                        "{\"v\": \"$context.error.validationErrorString\"}")));

        assertThat(api.handle(Request.of("GET", "/prod/nowhere"))).hasBody("{\"v\": \"\"}");
    }

    @Test
    void handle_missingApiKeyAndParameter_reportsTheKeyFirst() {
        ApiKey key =
                ApiKey.builder()
                        .id("key24id")
                        .name("k24")
                        .value("Key24abcdefghijklmnopqrst")
                        .build();
        RestApi restApi =
                restApi(
                        "akey24",
                        "/search",
                        "GET",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .apiKeyRequired(true)
                                        .putRequestParameter(
                                                "method.request.querystring.term", true),
                        b -> {});
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("prod")
                        .apiKey(key)
                        .usagePlan(
                                UsagePlan.builder()
                                        .name("p24")
                                        .addApiStage(restApi.id(), "prod")
                                        .addApiKey(key)
                                        .build())
                        .build();

        Response noKey = api.handle(Request.of("GET", "/prod/search"));
        Response withKey =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/prod/search")
                                .header("x-api-key", key.value())
                                .build());

        assertThat(noKey).hasStatus(403);
        assertMissing(withKey, "term");
    }

    @Test
    void handle_refToAnotherModel_resolvesBothUrlForms() {
        String apiId = "refs25";
        Api api =
                api(
                        apiId,
                        "/orders",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Order"),
                        b ->
                                b.model(
                                                Model.json(
                                                        "Money",
                                                        "{\"type\":\"object\",\"required\":[\"amount\"],"
                                                                + "\"properties\":{\"amount\":{\"type\":\"number\",\"minimum\":0}}}"))
                                        .model(
                                                Model.json(
                                                        "Order",
                                                        "{\"type\":\"object\",\"properties\":{"
                                                                + "\"total\":{\"$ref\":\""
                                                                + modelUrl(apiId, "Money")
                                                                + "\"},"
                                                                + "\"tax\":{\"$ref\":\""
                                                                + modelUrl("importedapi", "Money")
                                                                + "\"}}}")));

        assertServed(
                api.handle(
                        post(
                                "/prod/orders",
                                "application/json",
                                "{\"total\": {\"amount\": 12.5}, \"tax\": {\"amount\": 1}}")));
        assertBadRequest(
                api.handle(
                        post("/prod/orders", "application/json", "{\"total\": {\"amount\": -1}}")),
                INVALID_BODY);
        assertBadRequest(
                api.handle(post("/prod/orders", "application/json", "{\"tax\": {}}")),
                INVALID_BODY);
    }

    @Test
    void handle_recursiveModelWithNullableOneOf_validatesEveryLevel() {
        String apiId = "recu26";
        Api api =
                api(
                        apiId,
                        "/people",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Person"),
                        b ->
                                b.model(
                                        Model.json(
                                                "Person",
                                                "{\"type\":\"object\",\"required\":[\"name\"],"
                                                        + "\"properties\":{\"name\":{\"type\":\"string\"},\"manager\":{\"oneOf\":"
                                                        + "[{\"type\":\"null\"},{\"$ref\":\""
                                                        + modelUrl(apiId, "Person")
                                                        + "\"}]}}}")));

        assertServed(
                api.handle(
                        post(
                                "/prod/people",
                                "application/json",
                                "{\"name\": \"Ann\", \"manager\": {\"name\": \"Bo\", \"manager\": null}}")));
        assertServed(
                api.handle(
                        post(
                                "/prod/people",
                                "application/json",
                                "{\"name\": \"Cy\", \"manager\": null}")));
        assertBadRequest(
                api.handle(
                        post(
                                "/prod/people",
                                "application/json",
                                "{\"name\": \"Di\", \"manager\": {\"manager\": null}}")),
                INVALID_BODY);
        assertBadRequest(
                api.handle(
                        post(
                                "/prod/people",
                                "application/json",
                                "{\"name\": \"Ed\", \"manager\": 7}")),
                INVALID_BODY);
    }

    @Test
    void handle_gzipBody_isValidatedDecompressed() throws IOException {
        Api api =
                api(
                        "gzip27",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(BODY)
                                        .putRequestModel("application/json", "Signup"));

        Response valid = api.handle(gzipped("{\"email\": \"z@q.example\"}"));
        Response invalid = api.handle(gzipped("{\"age\": 5}"));

        assertServed(valid);
        assertBadRequest(invalid, INVALID_BODY);
    }

    private static Request gzipped(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return Request.builder()
                .httpMethod("POST")
                .target("/prod/signup")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .body(bytes.toByteArray())
                .build();
    }

    @Test
    void handle_parametersOnlyValidator_passesTheBodyThroughUntouched() {
        List<String> received = new ArrayList<>();
        RestApi restApi =
                RestApi.builder()
                        .id("pass28")
                        .name("validation-pass28")
                        .requestValidator(new RequestValidator(PARAMS, "params-only", false, true))
                        .model(Model.json("Signup", SIGNUP))
                        .resource(
                                "/signup",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.requestValidatorId(PARAMS)
                                                                .putRequestParameter(
                                                                        "method.request.header.X-Client",
                                                                        true)
                                                                .putRequestModel(
                                                                        "application/json",
                                                                        "Signup")
                                                                .methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .HTTP)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                "http://backend.example/signup")
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"mapped\": true}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("prod")
                        .httpBackend(
                                request -> {
                                    received.add(
                                            new String(request.body(), StandardCharsets.UTF_8));
                                    return new BackendResponse(200, Headers.empty(), new byte[0]);
                                })
                        .build();
        Request xml =
                Request.builder()
                        .httpMethod("POST")
                        .target("/prod/signup")
                        .header("X-Client", "cli")
                        .header("Content-Type", "application/xml")
                        .body("<signup age=\"3\"/>")
                        .build();

        assertThat(api.handle(xml)).hasStatus(200);
        assertThat(received).containsExactly("<signup age=\"3\"/>");
    }

    @Test
    void build_invalidSchema_failsNamingTheModelAndTheMethod() {
        assertThatThrownBy(
                        () ->
                                api(
                                        "bad29",
                                        "/signup",
                                        "POST",
                                        m ->
                                                m.requestValidatorId(BODY)
                                                        .putRequestModel(
                                                                "application/json", "Broken"),
                                        b ->
                                                b.model(
                                                        Model.json(
                                                                "Broken",
                                                                "{\"type\":\"object\",\"required\":[]}"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/signup POST")
                .hasMessageContaining("model Broken: invalid JSON Schema");
    }

    @Test
    void build_unknownModel_failsNamingTheMethod() {
        assertThatThrownBy(
                        () ->
                                api(
                                        "bad30",
                                        "/signup",
                                        "PUT",
                                        m ->
                                                m.requestValidatorId(ALL)
                                                        .putRequestModel(
                                                                "application/json", "Missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/signup PUT")
                .hasMessageContaining("model Missing does not exist");
    }

    @Test
    void build_invalidSchemaWithoutBodyValidation_isNotCompiled() {
        Api api =
                api(
                        "lazy31",
                        "/signup",
                        "POST",
                        m ->
                                m.requestValidatorId(PARAMS)
                                        .putRequestModel("application/json", "Broken"),
                        b -> b.model(Model.json("Broken", "{\"type\": ")));

        assertServed(api.handle(post("/prod/signup", "application/json", "{}")));
    }

    @Test
    void handle_importedOpenApi_validatesWithTheDefaultAndOverridingValidators()
            throws IOException {
        ImportResult imported;
        try (InputStream in =
                getClass().getResourceAsStream("/fixtures/validation/signup-openapi.yaml")) {
            imported = OpenApiImporter.create().importStream(in);
        }
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(imported.api())
                        .deploy("beta")
                        .build();
        String member =
                "{\"email\": \"m@t.example\", \"address\": {\"city\": \"Oslo\"},"
                        + " \"manager\": {\"email\": \"b@t.example\", \"address\": {\"city\": \"Rome\"},"
                        + " \"manager\": null}}";

        Response joined =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/beta/teams/red/members")
                                .header("X-Invite-Code", "c0de")
                                .header("Content-Type", "application/json")
                                .body(member)
                                .build());
        Response noInvite = api.handle(post("/beta/teams/red/members", "application/json", member));
        Response badAddress =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/beta/teams/red/members")
                                .header("X-Invite-Code", "c0de")
                                .body("{\"email\": \"m@t.example\", \"address\": {\"city\": \"\"}}")
                                .build());
        Response listed =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/beta/teams?region=eu")
                                .body("[\"not a member\"]")
                                .build());

        assertThat(joined).hasStatus(201);
        assertThat(joined).hasBody("{\"joined\": true}");
        assertMissing(noInvite, "X-Invite-Code");
        assertBadRequest(badAddress, INVALID_BODY);
        assertThat(listed).hasStatus(200);
        assertMissing(api.handle(Request.of("GET", "/beta/teams")), "region");
    }
}
