package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.ApiKey;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gateway responses through {@link Api#handle} (reference sections 3.1, 3.2 and 10.6): the built-in
 * response of every type the pipeline produces today, and customisation of status, headers and
 * templates, with the {@code DEFAULT_4XX}/{@code DEFAULT_5XX} fallbacks.
 */
class GatewayResponseScenarioTest {
    private static final String KEY = "gatewayResponseKey0123456789";
    private static final String UUID_PATTERN =
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /**
     * An API whose routes each lead to one gateway response: {@code /pets/{petId}} needs a key,
     * {@code /upload} rejects unmapped content types, {@code /unmatched} selects no integration
     * response, {@code /undeclared} selects one whose status has no method response.
     */
    private static RestApi api(Consumer<RestApi.Builder> customisations) {
        RestApi.Builder b =
                RestApi.builder()
                        .name("gateway-responses")
                        .resource(
                                "/pets/{petId}",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.apiKeyRequired(true)
                                                                .methodResponse("200", mr -> {})
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
                                                                                                ir -> {}))))
                        .resource(
                                "/upload",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .passthroughBehavior(
                                                                                                PassthroughBehavior
                                                                                                        .NEVER)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .resource(
                                "/unmatched",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 404}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .selectionPattern(
                                                                                                                        "2\\d{2}")))))
                        .resource(
                                "/undeclared",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
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
                                                                                                "201",
                                                                                                ir -> {}))));
        customisations.accept(b);
        return b.build();
    }

    private static Api deploy(Consumer<RestApi.Builder> customisations) {
        RestApi restApi = api(customisations);
        ApiKey key = ApiKey.builder().value(KEY).build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("qa", s -> s.putVariable("owner", "team-blue"))
                .apiKey(key)
                .usagePlan(
                        UsagePlan.builder()
                                .name("plan")
                                .addApiStage(restApi.id(), "qa")
                                .addApiKey(key)
                                .build())
                .build();
    }

    private static Request missingToken() {
        return Request.of("GET", "/qa/nowhere");
    }

    private static Request invalidApiKey() {
        return Request.builder()
                .httpMethod("GET")
                .target("/qa/pets/17?color=red")
                .header("x-api-key", "notAKnownKey0123456789")
                .build();
    }

    private static Request tooLarge() {
        return Request.builder()
                .httpMethod("POST")
                .target("/qa/upload")
                .body(new byte[10 * 1024 * 1024 + 1])
                .build();
    }

    private static Request unsupportedMediaType() {
        return Request.builder()
                .httpMethod("POST")
                .target("/qa/upload")
                .header("Content-Type", "text/plain")
                .body("hello")
                .build();
    }

    private static Request unmatchedIntegrationResponse() {
        return Request.of("GET", "/qa/unmatched");
    }

    private static Request undeclaredMethodResponse() {
        return Request.of("GET", "/qa/undeclared");
    }

    static Stream<Arguments> builtInResponses() {
        return Stream.of(
                Arguments.of(
                        "MISSING_AUTHENTICATION_TOKEN",
                        missingToken(),
                        403,
                        "{\"message\":\"Missing Authentication Token\"}",
                        "MissingAuthenticationTokenException"),
                Arguments.of(
                        "INVALID_API_KEY",
                        invalidApiKey(),
                        403,
                        "{\"message\":\"Forbidden\"}",
                        "ForbiddenException"),
                Arguments.of(
                        "REQUEST_TOO_LARGE",
                        tooLarge(),
                        413,
                        "{\"message\":\"Request Too Long\"}",
                        "RequestTooLargeException"),
                Arguments.of(
                        "UNSUPPORTED_MEDIA_TYPE",
                        unsupportedMediaType(),
                        415,
                        "{\"message\":\"Unsupported Media Type\"}",
                        "BadRequestException"),
                Arguments.of(
                        "API_CONFIGURATION_ERROR (no integration response)",
                        unmatchedIntegrationResponse(),
                        500,
                        "{\"message\": \"Internal server error\"}",
                        "InternalServerErrorException"),
                Arguments.of(
                        "API_CONFIGURATION_ERROR (no method response)",
                        undeclaredMethodResponse(),
                        500,
                        "{\"message\": \"Internal server error\"}",
                        "InternalServerErrorException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInResponses")
    void handle_notCustomised_returnsBuiltInResponse(
            String type, Request request, int status, String body, String errorType) {
        Api api = deploy(b -> {});

        Response response = api.handle(request);

        assertThat(response).hasStatus(status);
        assertThat(response).hasBody(body);
        assertThat(response.headers().values("Content-Type")).containsExactly("application/json");
        assertThat(response.headers().values("x-amzn-ErrorType")).containsExactly(errorType);
        assertThat(response.headers().first("x-amzn-RequestId"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
        assertThat(response.headers().first("x-amz-apigw-id"))
                .hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(response).doesNotHaveHeader("X-Amzn-Trace-Id");
    }

    @Test
    void handle_twoRequests_getDistinctRequestIds() {
        Api api = deploy(b -> {});

        Response first = api.handle(missingToken());
        Response second = api.handle(missingToken());

        assertThat(first.headers().first("x-amzn-RequestId"))
                .isNotEqualTo(second.headers().first("x-amzn-RequestId"));
        assertThat(first.headers().first("x-amz-apigw-id"))
                .isNotEqualTo(second.headers().first("x-amz-apigw-id"));
    }

    @Test
    void handle_exactTypeCustomised_usesItsStatusHeadersAndTemplate() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                                        g ->
                                                g.statusCode(404)
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Static",
                                                                "'fixed-42'")
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Echo",
                                                                "method.request.header.X-Client")
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Owner",
                                                                "stageVariables.owner")
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Stage",
                                                                "context.stage")
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Absent",
                                                                "method.request.header.X-Not-Sent")
                                                        .putResponseTemplate(
                                                                "application/json",
                                                                "{\"type\":"
                                                                        + "\"$context.error.responseType\",\"msg\":"
                                                                        + "$context.error.messageString,\"raw\":\"$context.error.message\","
                                                                        + "\"id\":\"$context.requestId\",\"stage\":\"$context.stage\","
                                                                        + "\"owner\":\"$stageVariables.owner\"}")));

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("DELETE")
                                .target("/qa/missing/thing")
                                .header("x-client", "client-7")
                                .build());

        String requestId = response.headers().first("x-amzn-RequestId").orElseThrow();
        assertThat(response).hasStatus(404);
        assertThat(response)
                .hasBody(
                        "{\"type\":\"MISSING_AUTHENTICATION_TOKEN\","
                                + "\"msg\":\"Missing Authentication Token\",\"raw\":\"Missing Authentication Token\","
                                + "\"id\":\""
                                + requestId
                                + "\",\"stage\":\"qa\",\"owner\":\"team-blue\"}");
        assertThat(response.headers().first("X-Static")).contains("fixed-42");
        assertThat(response.headers().first("X-Echo")).contains("client-7");
        assertThat(response.headers().first("X-Owner")).contains("team-blue");
        assertThat(response.headers().first("X-Stage")).contains("qa");
        assertThat(response).doesNotHaveHeader("X-Absent");
        assertThat(response).hasErrorType("MissingAuthenticationTokenException");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void handle_customisedAfterRouting_mapsPathAndQueryParameters() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.INVALID_API_KEY,
                                        g ->
                                                g.putResponseParameter(
                                                                "gatewayresponse.header.X-Pet",
                                                                "method.request.path.petId")
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Color",
                                                                "method.request.querystring.color")));

        Response response = api.handle(invalidApiKey());

        assertThat(response).hasStatus(403);
        assertThat(response.headers().first("X-Pet")).contains("17");
        assertThat(response.headers().first("X-Color")).contains("red");
        assertThat(response).hasBody("{\"message\":\"Forbidden\"}");
    }

    @Test
    void handle_templateWithVtlDirectives_substitutesReferencesOnly() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                                        g ->
                                                g.putResponseTemplate(
                                                        "application/json",
                                                        "#set($x = \"y\")$x #if(true)yes#end $input.body $util.base64Encode('a')"
                                                                + " [$context.error.message] [$context.nothing.here]"
                                                                + " [$stageVariables.unknown]")));

        Response response = api.handle(missingToken());

        assertThat(response)
                .hasBody(
                        "#set($x = \"y\")$x #if(true)yes#end $input.body $util.base64Encode('a')"
                                + " [Missing Authentication Token] [] []");
    }

    @Test
    void handle_default4xxCustomised_appliesToEveryNonCustomised4xxType() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.DEFAULT_4XX,
                                        g ->
                                                g.statusCode(400)
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.X-Family",
                                                                "'four'")
                                                        .putResponseTemplate(
                                                                "application/json",
                                                                "{\"error\":\"$context.error.responseType\"}")));

        for (Request request :
                Arrays.asList(missingToken(), invalidApiKey(), unsupportedMediaType())) {
            Response response = api.handle(request);

            assertThat(response).as(request.toString()).hasStatus(400);
            assertThat(response.headers().first("X-Family")).contains("four");
            assertThat(response.bodyAsString()).matches("\\{\"error\":\"[A-Z_]+\"}");
        }
        assertThat(api.handle(invalidApiKey())).hasBody("{\"error\":\"INVALID_API_KEY\"}");
        assertThat(api.handle(invalidApiKey())).hasErrorType("ForbiddenException");
    }

    @Test
    void handle_default4xxWithoutStatus_keepsEachTypesOwnStatus() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.DEFAULT_4XX,
                                        g ->
                                                g.putResponseParameter(
                                                        "gatewayresponse.header.X-Family",
                                                        "'four'")));

        Response missing = api.handle(missingToken());
        Response unsupported = api.handle(unsupportedMediaType());

        assertThat(missing).hasStatus(403);
        assertThat(unsupported).hasStatus(415);
        assertThat(missing.headers().first("X-Family")).contains("four");
        assertThat(unsupported.headers().first("X-Family")).contains("four");
        assertThat(missing).hasBody("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void handle_default4xxDoesNotTouch5xx() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.DEFAULT_4XX,
                                        g ->
                                                g.statusCode(499)
                                                        .putResponseTemplate(
                                                                "application/json", "four")));

        Response response = api.handle(unmatchedIntegrationResponse());

        assertThat(response).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(response).hasBody("{\"message\": \"Internal server error\"}");
    }

    @Test
    void handle_specificTypeCustomised_beatsDefault4xxAndTakesBuiltInForOmittedFields() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                                GatewayResponseType.DEFAULT_4XX,
                                                g ->
                                                        g.statusCode(400)
                                                                .putResponseParameter(
                                                                        "gatewayresponse.header.X-Family",
                                                                        "'four'")
                                                                .putResponseTemplate(
                                                                        "application/json",
                                                                        "{\"family\":true}"))
                                        .gatewayResponse(
                                                GatewayResponseType.INVALID_API_KEY,
                                                g ->
                                                        g.putResponseParameter(
                                                                "gatewayresponse.header.X-Key",
                                                                "'bad-key'")));

        Response key = api.handle(invalidApiKey());
        Response missing = api.handle(missingToken());

        assertThat(key).hasStatus(403);
        assertThat(key.headers().first("X-Key")).contains("bad-key");
        assertThat(key).doesNotHaveHeader("X-Family");
        assertThat(key).hasBody("{\"message\":\"Forbidden\"}");
        assertThat(missing).hasStatus(400);
        assertThat(missing).hasBody("{\"family\":true}");
    }

    @Test
    void handle_default5xxCustomised_appliesToNonCustomised5xxTypes() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.DEFAULT_5XX,
                                        g ->
                                                g.statusCode(503)
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.Retry-After",
                                                                "'30'")
                                                        .putResponseTemplate(
                                                                "application/json",
                                                                "{\"oops\":$context.error.messageString}")));

        Response response = api.handle(undeclaredMethodResponse());

        assertThat(response).hasStatus(503);
        assertThat(response.headers().first("Retry-After")).contains("30");
        assertThat(response).hasBody("{\"oops\":\"Internal server error\"}");
        assertThat(response).hasErrorType("InternalServerErrorException");
        assertThat(api.handle(missingToken())).hasStatus(403);
    }

    @Test
    void handle_default5xxWithoutStatus_keepsTypeStatus_andSpecificTypeBeatsIt() {
        Api fallback =
                deploy(
                        b ->
                                b.gatewayResponse(
                                        GatewayResponseType.DEFAULT_5XX,
                                        g -> g.putResponseTemplate("application/json", "five")));
        Api specific =
                deploy(
                        b ->
                                b.gatewayResponse(
                                                GatewayResponseType.DEFAULT_5XX,
                                                g ->
                                                        g.statusCode(503)
                                                                .putResponseTemplate(
                                                                        "application/json", "five"))
                                        .gatewayResponse(
                                                GatewayResponseType.API_CONFIGURATION_ERROR,
                                                g -> g.statusCode(502)));

        Response viaFallback = fallback.handle(unmatchedIntegrationResponse());
        Response viaSpecific = specific.handle(unmatchedIntegrationResponse());

        assertThat(viaFallback).hasStatus(500);
        assertThat(viaFallback).hasBody("five");
        assertThat(viaSpecific).hasStatus(502);
        assertThat(viaSpecific).hasBody("{\"message\": \"Internal server error\"}");
    }

    @Test
    void handle_requestTooLargeCustomised_isNotApplied() {
        Api api =
                deploy(
                        b ->
                                b.gatewayResponse(
                                                GatewayResponseType.REQUEST_TOO_LARGE,
                                                g ->
                                                        g.statusCode(400)
                                                                .putResponseParameter(
                                                                        "gatewayresponse.header.X-Custom",
                                                                        "'yes'")
                                                                .putResponseTemplate(
                                                                        "application/json",
                                                                        "custom"))
                                        .gatewayResponse(
                                                GatewayResponseType.DEFAULT_4XX,
                                                g ->
                                                        g.statusCode(418)
                                                                .putResponseTemplate(
                                                                        "application/json",
                                                                        "family")));

        Response response = api.handle(tooLarge());

        assertThat(response).hasStatus(413);
        assertThat(response).hasBody("{\"message\":\"Request Too Long\"}");
        assertThat(response).doesNotHaveHeader("X-Custom");
    }

    private static Api withTemplates(Consumer<dev.apigw.model.GatewayResponse.Builder> templates) {
        return deploy(
                b ->
                        b.gatewayResponse(
                                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, templates));
    }

    private static Response missingTokenAccepting(Api api, String accept) {
        return api.handle(
                Request.builder()
                        .httpMethod("GET")
                        .target("/qa/nowhere")
                        .header("Accept", accept)
                        .build());
    }

    @Test
    void handle_acceptMatchesTemplate_usesItAndItsContentType() {
        Api api =
                withTemplates(
                        g ->
                                g.putResponseTemplate(
                                                "application/xml", "<m>$context.error.message</m>")
                                        .putResponseTemplate(
                                                "application/json",
                                                "{\"m\":$context.error.messageString}")
                                        .putResponseTemplate(
                                                "text/plain", "m=$context.error.message"));

        Response text = missingTokenAccepting(api, "text/plain;q=0.9, application/xml");
        Response xml = missingTokenAccepting(api, "application/xml");

        assertThat(text).hasBody("m=Missing Authentication Token");
        assertThat(text.headers().values("Content-Type")).containsExactly("text/plain");
        assertThat(xml).hasBody("<m>Missing Authentication Token</m>");
        assertThat(xml.headers().values("Content-Type")).containsExactly("application/xml");
    }

    @Test
    void handle_acceptWithoutTemplate_usesJsonTemplate() {
        Api api =
                withTemplates(
                        g ->
                                g.putResponseTemplate("application/xml", "<m/>")
                                        .putResponseTemplate("application/json", "{}"));

        Response unknown = missingTokenAccepting(api, "text/html, application/xml");
        Response none = api.handle(missingToken());

        assertThat(unknown).hasBody("{}");
        assertThat(unknown.headers().values("Content-Type")).containsExactly("application/json");
        assertThat(none).hasBody("{}");
    }

    @Test
    void handle_noJsonTemplateAndNoMatch_usesFirstTemplate() {
        Api api =
                withTemplates(
                        g ->
                                g.putResponseTemplate("text/csv", "a,b")
                                        .putResponseTemplate("application/xml", "<m/>"));

        Response response = missingTokenAccepting(api, "image/png");

        assertThat(response).hasBody("a,b");
        assertThat(response.headers().values("Content-Type")).containsExactly("text/csv");
    }
}
