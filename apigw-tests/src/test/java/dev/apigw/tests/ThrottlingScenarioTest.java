package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiStage;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Throttling through {@link Api#handle} (reference 9.4; 8.2 for usage plans): token buckets of the
 * usage plan per key, of the stage per method and of the account, time from a {@link ManualClock}.
 */
class ThrottlingScenarioTest {
    private static final String TOO_MANY = "{\"message\":\"Too Many Requests\"}";

    private static final ApiKey GOLD =
            ApiKey.builder().id("goldkeyid1").name("gold").value("Gold0123456789abcdefXYZ").build();
    private static final ApiKey SILVER =
            ApiKey.builder()
                    .id("silverkey1")
                    .name("silver")
                    .value("Silver0123456789abcdefXYZ")
                    .build();

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final Gateway gateway = Gateway.builder().clock(clock).build();

    /** {@code /orders} and {@code /} need a key; {@code /health} does not. All are MOCKs. */
    private static RestApi restApi() {
        return RestApi.builder()
                .name("orders-api")
                .resource("/", r -> r.method("GET", m -> mock(m.apiKeyRequired(true))))
                .resource("/orders", r -> r.method("GET", m -> mock(m.apiKeyRequired(true))))
                .resource("/health", r -> r.method("GET", ThrottlingScenarioTest::mock))
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

    private static MethodSetting limit(int burst, double rate) {
        return MethodSetting.builder()
                .throttlingBurstLimit(burst)
                .throttlingRateLimit(rate)
                .build();
    }

    private Api api(Consumer<Stage.Builder> live, Consumer<UsagePlan.Builder> plan) {
        RestApi restApi = restApi();
        UsagePlan.Builder p =
                UsagePlan.builder()
                        .name("basic")
                        .addApiStage(restApi.id(), "live")
                        .addApiStage(restApi.id(), "test")
                        .addApiKey(GOLD)
                        .addApiKey(SILVER);
        plan.accept(p);
        return Api.builder()
                .gateway(gateway)
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("live", live)
                .deploy("test")
                .apiKey(GOLD)
                .apiKey(SILVER)
                .usagePlan(p.build())
                .build();
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

    private static void assertThrottled(Response response) {
        assertThat(response)
                .isGatewayResponse(GatewayResponseType.THROTTLED)
                .hasStatus(429)
                .hasErrorType("TooManyRequestsException")
                .hasBody(TOO_MANY);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void handle_stageWideLimitSpent_throttlesUntilRefilled() {
        Api api = api(s -> s.putMethodSetting("*/*", limit(2, 1)), p -> {});
        Request request = Request.of("GET", "/live/health");

        assertAdmitted(api, request, 2);
        assertThrottled(api.handle(request));
        clock.advance(Duration.ofMillis(999));
        assertThrottled(api.handle(request));
        clock.advance(Duration.ofMillis(1));
        assertAdmitted(api, request, 1);
        assertThrottled(api.handle(request));
        clock.advance(Duration.ofSeconds(10));
        assertAdmitted(api, request, 2);
        assertThrottled(api.handle(request));
    }

    @Test
    void handle_stageWideLimit_appliesToEachMethodApart() {
        Api api = api(s -> s.putMethodSetting("*/*", limit(1, 1)), p -> {});

        assertAdmitted(api, Request.of("GET", "/live/health"), 1);
        assertAdmitted(api, get("/live/orders", GOLD), 1);
        assertThrottled(api.handle(Request.of("GET", "/live/health")));
    }

    @Test
    void handle_methodSettingOfMethod_overridesStageWide() {
        Api api =
                api(
                        s ->
                                s.putMethodSetting("*/*", limit(1, 1))
                                        .putMethodSetting("health/GET", limit(3, 1)),
                        p -> {});

        assertAdmitted(api, Request.of("GET", "/live/health"), 3);
        assertThrottled(api.handle(Request.of("GET", "/live/health")));
        assertAdmitted(api, get("/live/orders", GOLD), 1);
        assertThrottled(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_usagePlanThrottle_limitsEachKeyApart() {
        Api api = api(s -> {}, p -> p.throttle(new ThrottleSettings(2, 1)));

        assertAdmitted(api, get("/live/orders", GOLD), 2);
        assertThrottled(api.handle(get("/live/orders", GOLD)));
        assertAdmitted(api, get("/live/orders", SILVER), 2);
        assertThrottled(api.handle(get("/live/orders", SILVER)));
        clock.advance(Duration.ofSeconds(1));
        assertAdmitted(api, get("/live/orders", GOLD), 1);
    }

    @Test
    void handle_usagePlanThrottle_isSharedByThePlansStages() {
        Api api = api(s -> {}, p -> p.throttle(new ThrottleSettings(1, 1)));

        assertAdmitted(api, get("/live/orders", GOLD), 1);
        assertThrottled(api.handle(get("/test/orders", GOLD)));
    }

    @Test
    void handle_usagePlanThrottleOnMethodWithoutApiKeyRequired_doesNotApply() {
        Api api = api(s -> {}, p -> p.throttle(new ThrottleSettings(1, 1)));

        assertAdmitted(api, get("/live/health", GOLD), 5);
    }

    @Test
    void handle_planMethodThrottle_overridesPlanThrottleForThatMethod() {
        RestApi restApi = restApi();
        Map<String, ThrottleSettings> methods =
                Map.of("/orders/GET", new ThrottleSettings(3, 1), "//GET", limitOf(2));
        Api api =
                api(
                        s -> {},
                        p ->
                                p.throttle(new ThrottleSettings(1, 1))
                                        .apiStages(
                                                List.of(
                                                        new ApiStage(
                                                                restApi.id(), "live", methods))));

        assertAdmitted(api, get("/live/orders", GOLD), 3);
        assertThrottled(api.handle(get("/live/orders", GOLD)));
        assertAdmitted(api, get("/live/", GOLD), 2);
        assertThrottled(api.handle(get("/live/", GOLD)));
    }

    private static ThrottleSettings limitOf(int burst) {
        return new ThrottleSettings(burst, 1);
    }

    @Test
    void handle_planAndStageLimits_requestMustPassBoth() {
        Api api =
                api(
                        s -> s.putMethodSetting("orders/GET", limit(1, 1)),
                        p -> p.throttle(new ThrottleSettings(5, 1)));

        assertAdmitted(api, get("/live/orders", GOLD), 1);
        assertThrottled(api.handle(get("/live/orders", SILVER)));
    }

    @Test
    void handle_accountLimit_isSharedByTheAccountsApis() {
        Gateway account =
                Gateway.builder().clock(clock).accountThrottle(new ThrottleSettings(3, 1)).build();
        Api first = Api.builder().gateway(account).restApi(restApi()).deploy("live").build();
        Api second = Api.builder().gateway(account).restApi(restApi()).deploy("prod").build();

        assertAdmitted(first, Request.of("GET", "/live/health"), 2);
        assertAdmitted(second, Request.of("GET", "/prod/health"), 1);
        assertThrottled(first.handle(Request.of("GET", "/live/health")));
        clock.advance(Duration.ofSeconds(1));
        assertAdmitted(second, Request.of("GET", "/prod/health"), 1);
    }

    @Test
    void handle_noMethodSettings_limitedOnlyByAccountDefault() {
        Api api = api(s -> {}, p -> {});
        Request request = Request.of("GET", "/live/health");

        assertAdmitted(api, request, 5_000);
        assertThrottled(api.handle(request));
        clock.advance(Duration.ofMillis(1));
        assertAdmitted(api, request, 10);
        assertThrottled(api.handle(request));
    }

    @Test
    void handle_rateZero_blocksEveryRequest() {
        Api api = api(s -> s.putMethodSetting("*/*", limit(100, 0)), p -> {});

        assertThrottled(api.handle(Request.of("GET", "/live/health")));
    }

    @Test
    void handle_burstZero_blocksEveryRequest() {
        Api api = api(s -> {}, p -> p.throttle(new ThrottleSettings(0, 100)));

        assertThrottled(api.handle(get("/live/orders", GOLD)));
        clock.advance(Duration.ofHours(1));
        assertThrottled(api.handle(get("/live/orders", GOLD)));
    }

    @Test
    void handle_fractionalRate_refillsAtThatRate() {
        Api api = api(s -> s.putMethodSetting("*/*", limit(1, 0.5)), p -> {});
        Request request = Request.of("GET", "/live/health");

        assertAdmitted(api, request, 1);
        clock.advance(Duration.ofMillis(1_999));
        assertThrottled(api.handle(request));
        clock.advance(Duration.ofMillis(1));
        assertAdmitted(api, request, 1);
    }

    @Test
    void handle_afterRedeploy_bucketsKeepTheirTokens() {
        Api api = api(s -> s.putMethodSetting("*/*", limit(1, 1)), p -> {});
        assertAdmitted(api, Request.of("GET", "/live/health"), 1);

        Api redeployed = api.toBuilder().build();

        assertThrottled(redeployed.handle(Request.of("GET", "/live/health")));
    }

    @Test
    void handle_eightThreadsOnFrozenClock_admitExactlyTheBurst() throws Exception {
        int burst = 100;
        Api api = api(s -> s.putMethodSetting("*/*", limit(burst, 1)), p -> {});
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(
                    () -> {
                        start.await();
                        int admitted = 0;
                        for (int i = 0; i < 50; i++) {
                            if (api.handle(Request.of("GET", "/live/health")).statusCode() == 200) {
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
            assertThat(admitted).isEqualTo(burst);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Reference 9.4: a token bucket admits at most {@code burst + rate x elapsed} requests. Eight
     * threads send requests while each moves the clock on by 1 ms every tenth request.
     */
    @Test
    void handle_eightThreadsWithTheClockMoving_neverAdmitMoreThanBurstPlusRateTimesElapsed()
            throws Exception {
        int burst = 10;
        int rate = 100;
        Api api = api(s -> s.putMethodSetting("*/*", limit(burst, rate)), p -> {});
        Instant begin = clock.instant();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(
                    () -> {
                        start.await();
                        int admitted = 0;
                        for (int i = 1; i <= 200; i++) {
                            if (api.handle(Request.of("GET", "/live/health")).statusCode() == 200) {
                                admitted++;
                            }
                            if (i % 10 == 0) {
                                clock.advance(Duration.ofMillis(1));
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
            long elapsedMillis = Duration.between(begin, clock.instant()).toMillis();
            assertThat(elapsedMillis).isEqualTo(160);
            assertThat(admitted)
                    .isGreaterThanOrEqualTo(burst)
                    .isLessThanOrEqualTo(burst + (int) (rate * elapsedMillis / 1_000));
        } finally {
            pool.shutdownNow();
        }
    }
}
