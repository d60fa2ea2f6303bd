package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ApiKey;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.Usage;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Usage-plan quotas and usage through {@link Api#handle} (reference 8.2; 3.1 for the answer): per
 * key and plan, DAY/WEEK/MONTH periods in UTC with the offset in the initial period, GetUsage's
 * daily pairs and UpdateUsage, time from a {@link ManualClock}. The clock starts on Thursday
 * 2026-01-01 at 00:00 UTC; weeks start on Sunday (2026-01-04).
 */
class QuotaScenarioTest {
    private static final String LIMIT_EXCEEDED = "{\"message\":\"Limit Exceeded\"}";

    private static final ApiKey GOLD =
            ApiKey.builder().id("goldkeyid1").name("gold").value("Gold0123456789abcdefXYZ").build();
    private static final ApiKey SILVER =
            ApiKey.builder()
                    .id("silverkey1")
                    .name("silver")
                    .value("Silver0123456789abcdefXYZ")
                    .build();
    private static final ApiKey DISABLED =
            ApiKey.builder()
                    .id("disabled01")
                    .name("off")
                    .value("Off0123456789abcdefXYZ")
                    .enabled(false)
                    .build();
    private static final ApiKey OUTSIDE =
            ApiKey.builder().id("outside001").name("out").value("Out0123456789abcdefXYZ").build();

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final Gateway gateway = Gateway.builder().clock(clock).build();
    private final RestApi restApi = restApi();

    /** {@code /orders} needs a key; {@code /health} does not. Both are MOCKs. */
    private static RestApi restApi() {
        return RestApi.builder()
                .name("orders-api")
                .resource("/orders", r -> r.method("GET", m -> mock(m.apiKeyRequired(true))))
                .resource("/health", r -> r.method("GET", QuotaScenarioTest::mock))
                .requestValidator(new RequestValidator("params1", "params", false, true))
                .resource(
                        "/search",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                mock(
                                                        m.apiKeyRequired(true)
                                                                .requestValidatorId("params1")
                                                                .putRequestParameter(
                                                                        "method.request"
                                                                                + ".querystring.q",
                                                                        true))))
                .build();
    }

    private static Method.Builder mock(Method.Builder m) {
        return m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse("200", ir -> {}));
    }

    private UsagePlan plan(String name, QuotaSettings quota, ApiKey... keys) {
        UsagePlan.Builder p =
                UsagePlan.builder()
                        .id(name + "id")
                        .name(name)
                        .addApiStage(restApi.id(), "live")
                        .addApiStage(restApi.id(), "test")
                        .quota(quota);
        for (ApiKey key : keys) {
            p.addApiKey(key);
        }
        return p.build();
    }

    private Api api(UsagePlan... plans) {
        return api(b -> {}, plans);
    }

    private Api api(Consumer<Api.Builder> more, UsagePlan... plans) {
        Api.Builder b =
                Api.builder()
                        .gateway(gateway)
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("live")
                        .deploy("test")
                        .apiKey(GOLD)
                        .apiKey(SILVER)
                        .apiKey(DISABLED)
                        .apiKey(OUTSIDE);
        for (UsagePlan plan : plans) {
            b.usagePlan(plan);
        }
        more.accept(b);
        return b.build();
    }

    private static Request get(String target, ApiKey key) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("x-api-key", key.value())
                .build();
    }

    private static void assertAdmitted(Api api, Request request, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(api.handle(request)).hasStatus(200);
        }
    }

    private static void assertQuotaExceeded(Response response) {
        assertThat(response)
                .isGatewayResponse(GatewayResponseType.QUOTA_EXCEEDED)
                .hasStatus(429)
                .hasErrorType("LimitExceededException")
                .hasBody(LIMIT_EXCEEDED);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    @Test
    void handle_quotaOfN_admitsNThenAnswersQuotaExceeded() {
        Api api = api(plan("basic", QuotaSettings.of(3, QuotaPeriodType.DAY), GOLD));

        assertAdmitted(api, get("/live/orders", GOLD), 3);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_dayQuota_rollsOverAtMidnightUtc() {
        Api api = api(plan("basic", QuotaSettings.of(2, QuotaPeriodType.DAY), GOLD));
        at("2026-01-01T23:59:59.998Z");
        assertAdmitted(api, get("/live/orders", GOLD), 2);
        clock.advance(Duration.ofMillis(1));
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));

        clock.advance(Duration.ofMillis(1));

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_weekQuota_rollsOverOnSundayAtMidnightUtc() {
        Api api = api(plan("basic", QuotaSettings.of(2, QuotaPeriodType.WEEK), GOLD));
        assertAdmitted(api, get("/live/orders", GOLD), 2);
        at("2026-01-03T23:59:59.999Z");
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));

        at("2026-01-04T00:00:00Z");

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        at("2026-01-10T23:59:59.999Z");
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_monthQuota_rollsOverOnTheFirstAtMidnightUtc() {
        Api api = api(plan("basic", QuotaSettings.of(2, QuotaPeriodType.MONTH), GOLD));
        assertAdmitted(api, get("/live/orders", GOLD), 2);
        at("2026-01-31T23:59:59.999Z");
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));

        at("2026-02-01T00:00:00Z");

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        at("2026-02-28T23:59:59.999Z");
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        at("2026-03-01T00:00:00Z");
        assertAdmitted(api, get("/live/orders", GOLD), 2);
    }

    @Test
    void handle_weekQuotaWithOffset_subtractsItInTheInitialWeekOnly() {
        Api api = api(plan("basic", new QuotaSettings(5, 3, QuotaPeriodType.WEEK), GOLD));

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        at("2026-01-04T00:00:00Z");
        assertAdmitted(api, get("/live/orders", GOLD), 5);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_monthQuotaWithOffset_subtractsItInTheInitialMonthOnly() {
        at("2026-01-20T12:00:00Z");
        Api api = api(plan("basic", new QuotaSettings(4, 1, QuotaPeriodType.MONTH), GOLD));

        assertAdmitted(api, get("/live/orders", GOLD), 3);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        at("2026-02-01T00:00:00Z");
        assertAdmitted(api, get("/live/orders", GOLD), 4);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_planStartKeptByRedeploy_offsetNotAppliedAgain() {
        Api api = api(plan("basic", new QuotaSettings(5, 3, QuotaPeriodType.WEEK), GOLD));
        at("2026-01-04T00:00:00Z");

        Api redeployed = api.toBuilder().build();

        assertAdmitted(redeployed, get("/live/orders", GOLD), 5);
        assertQuotaExceeded(redeployed.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_twoKeysInOnePlan_countApart() {
        Api api = api(plan("basic", QuotaSettings.of(2, QuotaPeriodType.DAY), GOLD, SILVER));

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        assertAdmitted(api, get("/live/orders", SILVER), 2);
        assertQuotaExceeded(api.handle(get("/live/orders", SILVER)));
    }

    @Test
    void handle_twoPlans_countApart() {
        Api api =
                api(
                        plan("basic", QuotaSettings.of(1, QuotaPeriodType.DAY), GOLD),
                        plan("premium", QuotaSettings.of(3, QuotaPeriodType.DAY), SILVER));

        assertAdmitted(api, get("/live/orders", GOLD), 1);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        assertAdmitted(api, get("/live/orders", SILVER), 3);
        assertQuotaExceeded(api.handle(get("/live/orders", SILVER)));
    }

    @Test
    void handle_quota_isAggregatedAcrossThePlansStages() {
        Api api = api(plan("basic", QuotaSettings.of(3, QuotaPeriodType.DAY), GOLD));

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        assertAdmitted(api, get("/test/orders", GOLD), 1);
        assertQuotaExceeded(api.handle(get("/test/orders", GOLD)));
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_methodWithoutApiKeyRequired_isNeitherLimitedNorCounted() {
        Api api = api(plan("basic", QuotaSettings.of(1, QuotaPeriodType.DAY), GOLD));

        assertAdmitted(api, get("/live/health", GOLD), 5);
        assertAdmitted(api, get("/live/orders", GOLD), 1);
        LocalDate today = LocalDate.parse("2026-01-01");
        assertThat(api.usage("basicid", GOLD.id(), today, today).items())
                .containsEntry(GOLD.id(), List.of(new Usage.Day(1, 0)));
    }

    @Test
    void handle_keyInPlanWithoutQuota_isNotLimited() {
        UsagePlan unlimited =
                UsagePlan.builder()
                        .id("unlimitedid")
                        .name("unlimited")
                        .addApiStage(restApi.id(), "live")
                        .addApiKey(GOLD)
                        .build();
        Api api = api(unlimited);

        assertAdmitted(api, get("/live/orders", GOLD), 50);
        LocalDate today = LocalDate.parse("2026-01-01");
        assertThat(api.usage("unlimitedid", null, today, today).toJson())
                .isEqualTo(
                        "{\"usagePlanId\":\"unlimitedid\",\"startDate\":\"2026-01-01\","
                                + "\"endDate\":\"2026-01-01\",\"values\":{\"goldkeyid1\":[[50,0]]}}");
    }

    @Test
    void handle_disabledKeyOrKeyInNoPlanOfTheStage_keepsItsForbidden() {
        Api api = api(plan("basic", QuotaSettings.of(0, QuotaPeriodType.DAY), GOLD, DISABLED));

        assertThat(api.handle(get("/live/orders", DISABLED)))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY)
                .hasStatus(403);
        assertThat(api.handle(get("/live/orders", OUTSIDE)))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY)
                .hasStatus(403);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_throttledRequest_usesNoQuota() {
        UsagePlan plan =
                plan("basic", QuotaSettings.of(2, QuotaPeriodType.DAY), GOLD)
                        .copy(p -> p.throttle(new ThrottleSettings(1, 1)));
        Api api = api(plan);

        assertAdmitted(api, get("/live/orders", GOLD), 1);
        assertThat(api.handle(get("/live/orders", GOLD)))
                .isGatewayResponse(GatewayResponseType.THROTTLED);
        clock.advance(Duration.ofSeconds(1));
        assertAdmitted(api, get("/live/orders", GOLD), 1);
        clock.advance(Duration.ofSeconds(1));
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_requestFailingAfterTheQuotaStep_stillCounts() {
        Api api = api(plan("basic", QuotaSettings.of(2, QuotaPeriodType.DAY), GOLD));

        assertThat(api.handle(get("/live/search", GOLD)))
                .isGatewayResponse(GatewayResponseType.BAD_REQUEST_PARAMETERS);
        assertAdmitted(api, get("/live/search?q=tea", GOLD), 1);
        assertQuotaExceeded(api.handle(get("/live/search?q=tea", GOLD)));
    }

    @Test
    void handle_afterRedeploy_countersSurvive() {
        Api api = api(plan("basic", QuotaSettings.of(2, QuotaPeriodType.DAY), GOLD));
        assertAdmitted(api, get("/live/orders", GOLD), 2);

        Api redeployed = api.toBuilder().deploy("live").build();

        assertQuotaExceeded(redeployed.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_eightThreadsOnAQuotaOfN_admitExactlyN() throws Exception {
        int quota = 100;
        Api api = api(plan("basic", QuotaSettings.of(quota, QuotaPeriodType.DAY), GOLD, SILVER));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            ApiKey key = t % 2 == 0 ? GOLD : SILVER;
            callers.add(
                    () -> {
                        start.await();
                        int admitted = 0;
                        for (int i = 0; i < 40; i++) {
                            if (api.handle(get("/live/orders", key)).statusCode() == 200) {
                                admitted++;
                            }
                        }
                        return admitted;
                    });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> caller : callers) {
                results.add(pool.submit(caller));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Integer> result : results) {
                admitted += result.get();
            }
            assertThat(admitted).isEqualTo(2 * quota);
            LocalDate today = LocalDate.parse("2026-01-01");
            assertThat(api.usage("basicid", null, today, today).items())
                    .containsEntry(GOLD.id(), List.of(new Usage.Day(quota, 0)))
                    .containsEntry(SILVER.id(), List.of(new Usage.Day(quota, 0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void usage_acrossDays_givesUsedAndRemainingPerDayInGetUsagesShape() {
        Api api = api(plan("basic", QuotaSettings.of(10, QuotaPeriodType.WEEK), GOLD, SILVER));
        at("2026-01-02T10:00:00Z");
        assertAdmitted(api, get("/live/orders", GOLD), 3);
        at("2026-01-04T10:00:00Z");
        assertAdmitted(api, get("/live/orders", GOLD), 2);
        assertAdmitted(api, get("/live/orders", SILVER), 1);

        Usage usage =
                api.usage(
                        "basicid",
                        null,
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-05"));

        assertThat(usage.toJson())
                .isEqualTo(
                        "{\"usagePlanId\":\"basicid\",\"startDate\":\"2026-01-01\","
                                + "\"endDate\":\"2026-01-05\",\"values\":{"
                                + "\"goldkeyid1\":[[0,10],[3,7],[0,7],[2,8],[0,8]],"
                                + "\"silverkey1\":[[0,10],[0,10],[0,10],[1,9],[0,9]]}}");
        assertThat(
                        api.usage(
                                        "basicid",
                                        GOLD.id(),
                                        LocalDate.parse("2026-01-03"),
                                        LocalDate.parse("2026-01-03"))
                                .items())
                .containsOnlyKeys(GOLD.id())
                .containsEntry(GOLD.id(), List.of(new Usage.Day(0, 7)));
    }

    @Test
    void updateUsage_setsTheRemainingQuotaOfTheCurrentPeriod() {
        Api api = api(plan("basic", QuotaSettings.of(3, QuotaPeriodType.DAY), GOLD));
        assertAdmitted(api, get("/live/orders", GOLD), 3);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));

        Usage updated = api.updateUsage("basicid", GOLD.id(), 5);

        assertThat(updated.items()).containsEntry(GOLD.id(), List.of(new Usage.Day(3, 5)));
        assertAdmitted(api, get("/live/orders", GOLD), 5);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
        clock.advance(Duration.ofDays(1));
        assertAdmitted(api, get("/live/orders", GOLD), 3);
        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void updateUsage_toZero_refusesTheRestOfThePeriod() {
        Api api = api(plan("basic", QuotaSettings.of(3, QuotaPeriodType.DAY), GOLD));

        api.updateUsage("basicid", GOLD.id(), 0);

        assertQuotaExceeded(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void usageAndUpdateUsage_unknownPlanOrKey_failNamingIt() {
        Api api = api(plan("basic", QuotaSettings.of(3, QuotaPeriodType.DAY), GOLD));
        LocalDate today = LocalDate.parse("2026-01-01");

        assertThatThrownBy(() -> api.usage("nosuchplan", null, today, today))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuchplan");
        assertThatThrownBy(() -> api.usage("basicid", SILVER.id(), today, today))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SILVER.id());
        assertThatThrownBy(() -> api.updateUsage("nosuchplan", GOLD.id(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuchplan");
        assertThatThrownBy(() -> api.updateUsage("basicid", "nosuchkey", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuchkey");
        assertThatThrownBy(() -> api.updateUsage("basicid", GOLD.id(), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.usage("basicid", null, today, today.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
