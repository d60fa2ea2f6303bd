package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys and usage plans through {@link Api#handle} (reference section 8.2). */
class ApiKeyScenarioTest {
    private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";

    private static final ApiKey GOLD =
            ApiKey.builder().id("goldkeyid1").name("gold").value("Gold0123456789abcdefXYZ").build();

    /** {@code /orders} needs a key and echoes the caller's key; {@code /health} does not. */
    private static RestApi restApi(Consumer<RestApi.Builder> changes) {
        String echo =
                "{\"key\":\"$context.identity.apiKey\","
                        + "\"keyId\":\"$context.identity.apiKeyId\"}";
        RestApi.Builder b =
                RestApi.builder()
                        .name("orders-api")
                        .resource(
                                "/orders",
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
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        echo)))))
                        .resource(
                                "/health",
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
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        echo)))));
        changes.accept(b);
        return b.build();
    }

    /** Deploys to {@code live} and {@code test}; the plan covers {@code planStage} of planApi. */
    private static Api api(RestApi restApi, ApiKey key, String planApiId, String planStage) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("live")
                .deploy("test")
                .apiKey(key)
                .usagePlan(
                        UsagePlan.builder()
                                .name("basic")
                                .addApiStage(planApiId, planStage)
                                .addApiKey(key)
                                .build())
                .build();
    }

    private static Api api() {
        RestApi restApi = restApi(b -> {});
        return api(restApi, GOLD, restApi.id(), "live");
    }

    private static Request withKey(String target, String headerName, String key) {
        return Request.builder().httpMethod("GET").target(target).header(headerName, key).build();
    }

    private static void assertForbidden(Response response) {
        assertThat(response)
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY)
                .hasBody(FORBIDDEN);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void handle_keyRequiredAndMissing_returnsForbidden() {
        assertForbidden(api().handle(Request.of("GET", "/live/orders")));
    }

    @Test
    void handle_unknownKey_returnsForbidden() {
        assertForbidden(
                api().handle(withKey("/live/orders", "x-api-key", "Unknown0123456789abcdefXYZ")));
    }

    @Test
    void handle_keyOfOtherCase_returnsForbidden() {
        assertForbidden(
                api().handle(
                                withKey(
                                        "/live/orders",
                                        "x-api-key",
                                        GOLD.value().toLowerCase(Locale.ROOT))));
    }

    @Test
    void handle_disabledKey_returnsForbidden() {
        RestApi restApi = restApi(b -> {});
        ApiKey disabled = GOLD.toBuilder().enabled(false).build();
        Api api = api(restApi, disabled, restApi.id(), "live");

        assertForbidden(api.handle(withKey("/live/orders", "x-api-key", disabled.value())));
    }

    @Test
    void handle_keyInNoUsagePlan_returnsForbidden() {
        ApiKey loose = ApiKey.of("Loose0123456789abcdefXYZ");
        Api api = api().toBuilder().apiKey(loose).build();

        assertForbidden(api.handle(withKey("/live/orders", "x-api-key", loose.value())));
        assertThat(api.handle(withKey("/live/orders", "x-api-key", GOLD.value()))).hasStatus(200);
    }

    @Test
    void handle_keyInPlanForAnotherStage_returnsForbidden() {
        Api api = api();

        assertForbidden(api.handle(withKey("/test/orders", "x-api-key", GOLD.value())));
        assertThat(api.handle(withKey("/live/orders", "x-api-key", GOLD.value()))).hasStatus(200);
    }

    @Test
    void handle_keyInPlanForAnotherApi_returnsForbidden() {
        RestApi restApi = restApi(b -> {});
        Api api = api(restApi, GOLD, "otherapi01", "live");

        assertForbidden(api.handle(withKey("/live/orders", "x-api-key", GOLD.value())));
    }

    @Test
    void handle_validKey_returnsOkAndExposesKeyToTemplates() {
        Response response = api().handle(withKey("/live/orders", "x-api-key", GOLD.value()));

        assertThat(response).hasStatus(200);
        assertThat(response)
                .hasBody("{\"key\":\"Gold0123456789abcdefXYZ\",\"keyId\":\"goldkeyid1\"}");
    }

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"x-api-key", "X-API-Key", "X-Api-Key", "X-API-KEY", "x-API-kEy"})
    void handle_keyHeaderInAnyCasing_isAccepted(String headerName) {
        Response response = api().handle(withKey("/live/orders", headerName, GOLD.value()));

        assertThat(response).hasStatus(200);
    }

    @Test
    void handle_methodWithoutApiKeyRequired_ignoresKeys() {
        Api api = api();

        Response none = api.handle(Request.of("GET", "/live/health"));
        Response unknown =
                api.handle(withKey("/live/health", "x-api-key", "Unknown0123456789abcdefXYZ"));
        Response valid = api.handle(withKey("/test/health", "x-api-key", GOLD.value()));

        assertThat(none).hasStatus(200);
        assertThat(unknown).hasStatus(200);
        assertThat(valid).hasStatus(200);
        assertThat(valid).hasBody("{\"key\":\"\",\"keyId\":\"\"}");
    }

    @Test
    void handle_keySourceAuthorizerWithoutAuthorizer_returnsForbidden() {
        RestApi restApi = restApi(b -> b.apiKeySource(ApiKeySourceType.AUTHORIZER));
        Api api = api(restApi, GOLD, restApi.id(), "live");

        assertForbidden(api.handle(withKey("/live/orders", "x-api-key", GOLD.value())));
    }

    @Test
    void handle_keyInSeveralPlans_acceptedOnEveryCoveredStage() {
        RestApi restApi = restApi(b -> {});
        Api api =
                api(restApi, GOLD, restApi.id(), "live").toBuilder()
                        .usagePlan(
                                UsagePlan.builder()
                                        .name("testing")
                                        .addApiStage(restApi.id(), "test")
                                        .addApiKey(GOLD)
                                        .build())
                        .build();

        assertThat(api.handle(withKey("/test/orders", "x-api-key", GOLD.value()))).hasStatus(200);
        assertThat(api.handle(withKey("/live/orders", "x-api-key", GOLD.value()))).hasStatus(200);
    }
}
