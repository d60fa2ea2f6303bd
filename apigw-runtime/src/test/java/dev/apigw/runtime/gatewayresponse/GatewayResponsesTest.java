package dev.apigw.runtime.gatewayresponse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The pieces of gateway response rendering (reference sections 3.1 and 3.2). */
class GatewayResponsesTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private static Exchange exchange(Request request) {
        return TestExchanges.builder()
                .ids("11111111-2222-4333-8444-555555555555", "ext-id=")
                .apiId("apiid12345")
                .gateway(
                        g ->
                                g.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                                        .random(() -> 42L)
                                        .region("eu-west-1")
                                        .accountId("210987654321"))
                .arrived(request);
    }

    private static Response renderDefault(GatewayException error) {
        return GatewayResponses.defaults().render(error, exchange(Request.of("GET", "/x")));
    }

    @Test
    void quote_quoteAndBackslash_areEscaped() {
        assertThat(GatewayResponses.quote("say \"hi\" \\ bye"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    }

    @Test
    void quote_controlCharacters_areUnicodeEscaped() {
        assertThat(GatewayResponses.quote("a\nb\u0001")).isEqualTo("\"a\\u000ab\\u0001\"");
    }

    @Test
    void quote_plainText_isOnlyWrapped() {
        assertThat(GatewayResponses.quote("Forbidden")).isEqualTo("\"Forbidden\"");
        assertThat(GatewayResponses.quote("")).isEqualTo("\"\"");
    }

    @Test
    void render_messageWithQuotes_isEscapedInBuiltInBody() {
        Response response =
                renderDefault(
                        GatewayException.of(
                                GatewayResponseType.DEFAULT_4XX, 400, "bad \"x\" \\ y"));

        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"bad \\\"x\\\" \\\\ y\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().first("x-amzn-ErrorType")).contains("BadRequestException");
    }

    @Test
    void render_noMessage4xx_rendersJsonNull() {
        Response response =
                renderDefault(GatewayException.of(GatewayResponseType.DEFAULT_4XX, 400, null));

        assertThat(response.bodyAsString()).isEqualTo("{\"message\":null}");
    }

    @Test
    void render_noMessage5xx_rendersJsonNullWithSpace() {
        Response response =
                renderDefault(
                        GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": null}");
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("AuthorizerConfigurationException");
    }

    @Test
    void render_default5xxWithOwnStatus_keepsThatStatus() {
        Response response =
                renderDefault(
                        GatewayException.of(
                                GatewayResponseType.DEFAULT_5XX, 502, "Internal server error"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("InternalServerErrorException");
    }

    @Test
    void render_everyType_hasJsonContentTypeAndErrorType() {
        for (GatewayResponseType type : GatewayResponseType.values()) {
            int status = type.defaultStatus() == 0 ? 400 : type.defaultStatus();
            Response response = renderDefault(GatewayException.of(type, status, "m"));

            assertThat(response.statusCode()).as(type.name()).isEqualTo(status);
            assertThat(response.headers().values("Content-Type"))
                    .as(type.name())
                    .containsExactly("application/json");
            assertThat(response.headers().first("x-amzn-ErrorType")).as(type.name()).isPresent();
        }
    }

    @Test
    void compile_customisedTypes_resolveExactThenFallbackThenBuiltIn() {
        RestApi api =
                RestApi.builder()
                        .name("unit")
                        .gatewayResponse(
                                GatewayResponseType.DEFAULT_4XX,
                                g ->
                                        g.putResponseTemplate(
                                                "application/json", "four:$context.error.message"))
                        .gatewayResponse(
                                GatewayResponseType.THROTTLED,
                                g ->
                                        g.statusCode(503)
                                                .putResponseParameter(
                                                        "gatewayresponse.header.Retry-After",
                                                        "'5'"))
                        .build();
        GatewayResponses responses = GatewayResponses.compile(api);
        Exchange exchange = exchange(Request.of("GET", "/x"));

        Response throttled =
                responses.render(GatewayException.of(GatewayResponseType.THROTTLED), exchange);
        Response quota =
                responses.render(GatewayException.of(GatewayResponseType.QUOTA_EXCEEDED), exchange);
        Response timeout =
                responses.render(
                        GatewayException.of(GatewayResponseType.INTEGRATION_TIMEOUT), exchange);

        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.headers().first("Retry-After")).contains("5");
        assertThat(throttled.bodyAsString()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(quota.statusCode()).isEqualTo(429);
        assertThat(quota.bodyAsString()).isEqualTo("four:Limit Exceeded");
        assertThat(timeout.statusCode()).isEqualTo(504);
        assertThat(timeout.bodyAsString())
                .isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }

    @Test
    void render_contextReferences_resolveFromExchange() {
        RestApi api =
                RestApi.builder()
                        .name("unit")
                        .gatewayResponse(
                                GatewayResponseType.UNAUTHORIZED,
                                g ->
                                        g.putResponseParameter(
                                                        "gatewayresponse.header.X-Account",
                                                        "context.accountId")
                                                .putResponseTemplate(
                                                        "application/json",
                                                        "$context.requestId "
                                                                + "$context.apiId $context.identity.sourceIp "
                                                                + "$context.error.responseType"))
                        .build();
        Exchange exchange =
                exchange(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/x")
                                .sourceIp("198.51.100.7")
                                .build());

        Response response =
                GatewayResponses.compile(api)
                        .render(GatewayException.of(GatewayResponseType.UNAUTHORIZED), exchange);

        assertThat(response.bodyAsString())
                .isEqualTo(
                        "11111111-2222-4333-8444-555555555555 "
                                + "apiid12345 198.51.100.7 UNAUTHORIZED");
        assertThat(response.headers().first("X-Account")).contains("210987654321");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void render_validationFailures_haveTheSpaceOfWorkedExampleT15() {
        Response parameters =
                renderDefault(
                        GatewayException.invalidRequest(
                                GatewayResponseType.BAD_REQUEST_PARAMETERS,
                                "Missing required request parameters: [q1]",
                                "Missing required request parameters: [q1]"));
        Response body =
                renderDefault(
                        GatewayException.invalidRequest(
                                GatewayResponseType.BAD_REQUEST_BODY,
                                "Invalid request body",
                                "[oops]"));

        assertThat(parameters.bodyAsString())
                .isEqualTo("{\"message\": \"Missing required request parameters: [q1]\"}");
        assertThat(body.bodyAsString()).isEqualTo("{\"message\": \"Invalid request body\"}");
        assertThat(body.statusCode()).isEqualTo(400);
        assertThat(body.headers().first("x-amzn-ErrorType")).contains("BadRequestException");
    }

    @Test
    void render_validationErrorString_isSubstitutedRawInTemplateAndHeader() {
        RestApi api =
                RestApi.builder()
                        .name("unit-validation")
                        .gatewayResponse(
                                GatewayResponseType.BAD_REQUEST_BODY,
                                g ->
                                        g.putResponseParameter(
                                                        "gatewayresponse.header.X-Errors",
                                                        "context.error.validationErrorString")
                                                .putResponseParameter(
                                                        "gatewayresponse.header.X-Message",
                                                        "context.error.message")
                                                .putResponseTemplate(
                                                        "application/json",
                                                        "<$context.error.validationErrorString|$context.error.message>"))
                        .build();
        GatewayException error =
                GatewayException.invalidRequest(
                        GatewayResponseType.BAD_REQUEST_BODY,
                        "Invalid request body",
                        "[string \"ab\" is too short (length: 2, required minimum: 3)]");

        Response response =
                GatewayResponses.compile(api).render(error, exchange(Request.of("POST", "/x")));

        assertThat(response.bodyAsString())
                .isEqualTo(
                        "<[string \"ab\" is too short (length: 2,"
                                + " required minimum: 3)]|Invalid request body>");
        assertThat(response.headers().first("X-Errors"))
                .contains("[string \"ab\" is too short (length: 2, required minimum: 3)]");
        assertThat(response.headers().first("X-Message")).contains("Invalid request body");
    }

    @Test
    void render_errorWithoutValidation_rendersValidationErrorStringEmptyAndDropsHeader() {
        RestApi api =
                RestApi.builder()
                        .name("unit-novalidation")
                        .gatewayResponse(
                                GatewayResponseType.DEFAULT_4XX,
                                g ->
                                        g.putResponseParameter(
                                                        "gatewayresponse.header.X-Errors",
                                                        "context.error.validationErrorString")
                                                .putResponseTemplate(
                                                        "application/json",
                                                        "[$context.error.validationErrorString]"))
                        .build();

        Response response =
                GatewayResponses.compile(api)
                        .render(
                                GatewayException.of(GatewayResponseType.INVALID_API_KEY),
                                exchange(Request.of("GET", "/x")));

        assertThat(response.bodyAsString()).isEqualTo("[]");
        assertThat(response.headers().contains("X-Errors")).isFalse();
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
