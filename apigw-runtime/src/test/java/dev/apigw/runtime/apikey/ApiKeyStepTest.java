package dev.apigw.runtime.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;

/**
 * What {@link ApiKeyStep} decides (reference 8.2): a method without {@code apiKeyRequired} ignores
 * keys; otherwise the {@code x-api-key} header must name an enabled key in a usage plan covering
 * this API stage, and the caller then has that key; anything else is INVALID_API_KEY (403).
 */
class ApiKeyStepTest {
    private static final ApiKey GOLD = key("gold", "Gold0123456789abcdefXYZ", true);
    private static final ApiKey OFF = key("off", "Off0123456789abcdefghXYZ", false);
    private static final ApiKey LOOSE = key("loose", "Loose0123456789abcdefXYZ", true);

    private final ApiKeyStep step = new ApiKeyStep();
    private final RecordingChain next = RecordingChain.answering200();

    private static ApiKey key(String id, String value, boolean enabled) {
        return ApiKey.builder().id(id).name(id).value(value).enabled(enabled).build();
    }

    /** An API whose GET /orders requires a key; GOLD and OFF are in a plan of {@code planStage}. */
    private static TestExchanges.Builder fixture(boolean keyRequired, String planStage) {
        UsagePlan plan =
                UsagePlan.builder()
                        .id("plan1")
                        .name("plan1")
                        .addApiStage("unitapi001", planStage)
                        .addApiKey(GOLD)
                        .addApiKey(OFF)
                        .build();
        return TestExchanges.builder()
                .method("/orders", "GET", m -> m.apiKeyRequired(keyRequired))
                .apiKey(GOLD)
                .apiKey(OFF)
                .apiKey(LOOSE)
                .usagePlan(plan);
    }

    private static Request withKey(String value) {
        return Request.builder()
                .httpMethod("GET")
                .target("/test/orders")
                .header("x-api-key", value)
                .build();
    }

    private GatewayException rejected(Exchange exchange) {
        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> step.apply(exchange, next));
        assertThat(next.called()).isFalse();
        return e;
    }

    @Test
    void apply_keyNotRequired_passesExchangeUnchanged() {
        Exchange exchange = fixture(false, "test").routed(withKey("not-a-key"));

        Response response = step.apply(exchange, next);

        assertThat(response).isSameAs(RecordingChain.OK);
        assertThat(next.passed()).isSameAs(exchange);
        assertThat(next.passed().apiKey()).isEmpty();
    }

    @Test
    void apply_validKey_passesCallerWithTheKey() {
        step.apply(fixture(true, "test").routed(withKey(GOLD.value())), next);

        assertThat(next.passed().apiKey()).contains(GOLD);
        assertThat(next.passed().caller().key()).contains(GOLD);
    }

    @Test
    void apply_headerNameInOtherCase_isAccepted() {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/test/orders")
                        .header("X-API-Key", GOLD.value())
                        .build();

        step.apply(fixture(true, "test").routed(request), next);

        assertThat(next.passed().apiKey()).contains(GOLD);
    }

    @Test
    void apply_keyMissing_throwsInvalidApiKey() {
        GatewayException e = rejected(fixture(true, "test").routed(Request.get("/test/orders")));

        assertThat(e.type()).isEqualTo(GatewayResponseType.INVALID_API_KEY);
        assertThat(e.statusCode()).isEqualTo(403);
    }

    @Test
    void apply_unknownKey_throwsInvalidApiKey() {
        assertThat(rejected(fixture(true, "test").routed(withKey("nope"))).type())
                .isEqualTo(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void apply_disabledKey_throwsInvalidApiKey() {
        assertThat(rejected(fixture(true, "test").routed(withKey(OFF.value()))).type())
                .isEqualTo(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void apply_keyInNoPlan_throwsInvalidApiKey() {
        assertThat(rejected(fixture(true, "test").routed(withKey(LOOSE.value()))).type())
                .isEqualTo(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void apply_keyInPlanOfAnotherStage_throwsInvalidApiKey() {
        assertThat(rejected(fixture(true, "prod").routed(withKey(GOLD.value()))).type())
                .isEqualTo(GatewayResponseType.INVALID_API_KEY);
    }

    @Test
    void apply_keySourceAuthorizer_ignoresTheHeaderAndThrowsInvalidApiKey() {
        Exchange exchange =
                fixture(true, "test")
                        .method(
                                api -> api.apiKeySource(ApiKeySourceType.AUTHORIZER),
                                "/orders",
                                "GET",
                                m -> m.apiKeyRequired(true))
                        .routed(withKey(GOLD.value()));

        assertThat(rejected(exchange).type()).isEqualTo(GatewayResponseType.INVALID_API_KEY);
    }
}
