package dev.apigw.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.CanarySettings;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.RequestRecord.CacheStatus;
import dev.apigw.runtime.pipeline.TestExchanges;
import dev.apigw.runtime.spi.ResponseCacheStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stage cache step on its own (reference 9.3, 9.2, 10.1): a counting chain stands for the
 * integration, so each test sees whether a request was answered from the cache, and what the step
 * recorded for the cache metrics.
 */
class CacheStepTest {
    private final CacheStep step = new CacheStep();
    private final ResponseCacheStore store =
            ResponseCacheStore.inMemory(Clock.fixed(TestExchanges.NOW, ZoneOffset.UTC));
    private final AtomicInteger calls = new AtomicInteger();
    private final RecordingChain backend =
            RecordingChain.answering(
                    exchange ->
                            Response.builder()
                                    .statusCode(200)
                                    .setHeader("Content-Type", "application/json")
                                    .body("{\"call\":" + calls.incrementAndGet() + "}")
                                    .build());

    private static Stage stage(Consumer<Stage.Builder> changes) {
        Stage.Builder b = Stage.builder().stageName("test").cacheClusterEnabled(true);
        changes.accept(b);
        return b.build();
    }

    private Exchange routed(String httpMethod, Stage stage, Request request) {
        return TestExchanges.builder()
                .gateway(g -> g.responseCacheStore(store))
                .stage(stage)
                .method("/pets", httpMethod, m -> m.integration(i -> i.type(IntegrationType.MOCK)))
                .routed(request);
    }

    private Response send(Exchange exchange) {
        return step.apply(exchange, backend);
    }

    private Response get(Stage stage, Map<String, String> headers) {
        Request.Builder request = Request.builder().httpMethod("GET").target("/test/pets");
        headers.forEach(request::header);
        return send(routed("GET", stage, request.build()));
    }

    @Test
    void apply_secondGet_answersFromCacheAndRecordsHit() {
        Stage stage = stage(s -> {});
        Exchange first = routed("GET", stage, Request.get("/test/pets"));
        Exchange second = routed("GET", stage, Request.get("/test/pets"));

        Response missed = send(first);
        Response hit = send(second);

        assertThat(calls).hasValue(1);
        assertThat(hit.bodyAsString()).isEqualTo(missed.bodyAsString()).isEqualTo("{\"call\":1}");
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().first("Content-Type")).contains("application/json");
        assertThat(first.record().cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(second.record().cacheStatus()).isEqualTo(CacheStatus.HIT);
    }

    @Test
    void apply_stageWithoutCacheCluster_callsBackendAndRecordsNotCached() {
        Stage stage = stage(s -> s.cacheClusterEnabled(false));
        Exchange exchange = routed("GET", stage, Request.get("/test/pets"));

        send(exchange);
        send(routed("GET", stage, Request.get("/test/pets")));

        assertThat(calls).hasValue(2);
        assertThat(exchange.record().cacheStatus()).isEqualTo(CacheStatus.NOT_CACHED);
    }

    @Test
    void apply_postWithCachingOnStageWide_isNotCached() {
        Stage stage = stage(s -> s.putMethodSetting("*/*", setting(m -> m.cachingEnabled(true))));

        send(
                routed(
                        "POST",
                        stage,
                        Request.builder().httpMethod("POST").target("/test/pets").build()));
        send(
                routed(
                        "POST",
                        stage,
                        Request.builder().httpMethod("POST").target("/test/pets").build()));

        assertThat(calls).hasValue(2);
    }

    @Test
    void apply_postWithCachingOnItsOwnEntry_isCached() {
        Stage stage =
                stage(s -> s.putMethodSetting("pets/POST", setting(m -> m.cachingEnabled(true))));
        Request post = Request.builder().httpMethod("POST").target("/test/pets").build();

        send(routed("POST", stage, post));
        send(routed("POST", stage, post));

        assertThat(calls).hasValue(1);
    }

    @Test
    void apply_getWithCachingDisabledOnItsEntry_isNotCached() {
        Stage stage =
                stage(
                        s ->
                                s.putMethodSetting("*/*", setting(m -> m.cachingEnabled(true)))
                                        .putMethodSetting(
                                                "pets/GET", setting(m -> m.cachingEnabled(false))));

        get(stage, Map.of());
        get(stage, Map.of());

        assertThat(calls).hasValue(2);
    }

    @Test
    void apply_ttlZero_isNotCached() {
        Stage stage =
                stage(
                        s ->
                                s.putMethodSetting(
                                        "*/*",
                                        setting(m -> m.cachingEnabled(true).cacheTtlInSeconds(0))));

        get(stage, Map.of());
        get(stage, Map.of());

        assertThat(calls).hasValue(2);
    }

    @Test
    void apply_responseOverOneMebibyte_isNotCached() {
        Stage stage = stage(s -> {});
        RecordingChain large =
                RecordingChain.answering(
                        exchange -> {
                            calls.incrementAndGet();
                            return Response.builder().body(new byte[1_048_577]).build();
                        });

        step.apply(routed("GET", stage, Request.get("/test/pets")), large);
        step.apply(routed("GET", stage, Request.get("/test/pets")), large);

        assertThat(calls).hasValue(2);
    }

    @Test
    void apply_responseUnderOneMebibyte_isCached() {
        Stage stage = stage(s -> {});
        RecordingChain large =
                RecordingChain.answering(
                        exchange -> {
                            calls.incrementAndGet();
                            return Response.builder().body(new byte[1_000_000]).build();
                        });

        step.apply(routed("GET", stage, Request.get("/test/pets")), large);
        Response hit = step.apply(routed("GET", stage, Request.get("/test/pets")), large);

        assertThat(calls).hasValue(1);
        assertThat(hit.bodyLength()).isEqualTo(1_000_000);
    }

    @Test
    void apply_canaryWithoutUseStageCache_bypassesCache() {
        Stage stage =
                stage(s -> s.canarySettings(new CanarySettings(50, "fixture", Map.of(), false)));
        get(stage, Map.of());
        Exchange canary = asCanary(routed("GET", stage, Request.get("/test/pets")));

        Response response = send(canary);

        assertThat(calls).hasValue(2);
        assertThat(response.bodyAsString()).isEqualTo("{\"call\":2}");
        assertThat(canary.record().cacheStatus()).isEqualTo(CacheStatus.NOT_CACHED);
    }

    @Test
    void apply_canaryWithUseStageCacheOnSameDeployment_sharesEntries() {
        Stage stage =
                stage(s -> s.canarySettings(new CanarySettings(50, "fixture", Map.of(), true)));
        get(stage, Map.of());
        Exchange canary = asCanary(routed("GET", stage, Request.get("/test/pets")));

        Response response = send(canary);

        assertThat(calls).hasValue(1);
        assertThat(response.bodyAsString()).isEqualTo("{\"call\":1}");
        assertThat(canary.record().cacheStatus()).isEqualTo(CacheStatus.HIT);
    }

    private static Exchange asCanary(Exchange exchange) {
        DeployedStage stage = exchange.stage();
        return exchange.withStage(
                        new DeployedStage(stage.stage(), stage.deployment(), true),
                        exchange.resourcePath())
                .withRoute(exchange.route());
    }

    @Test
    void apply_maxAgeZeroWithoutRequiredAuthorization_refetchesAndReplaces() {
        Stage stage =
                stage(
                        s ->
                                s.putMethodSetting(
                                        "*/*",
                                        setting(
                                                m ->
                                                        m.cachingEnabled(true)
                                                                .requireAuthorizationForCacheControl(
                                                                        false))));
        get(stage, Map.of());

        Response invalidated = get(stage, Map.of("Cache-Control", "max-age=0"));
        Response after = get(stage, Map.of());

        assertThat(invalidated.bodyAsString()).isEqualTo("{\"call\":2}");
        assertThat(after.bodyAsString()).isEqualTo("{\"call\":2}");
        assertThat(calls).hasValue(2);
    }

    @Test
    void apply_maxAgeZeroUnauthorizedFailWith403_answersAccessDenied() {
        Stage stage = stage(strategy(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403));
        get(stage, Map.of());

        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () -> get(stage, Map.of("Cache-Control", "no-cache, max-age=0")));

        assertThat(e.type()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.errorMessage()).contains("Unauthorized");
        assertThat(calls).hasValue(1);
    }

    @Test
    void apply_maxAgeZeroUnauthorizedWithHeaderStrategy_servesCachedWithWarning() {
        Stage stage =
                stage(
                        strategy(
                                UnauthorizedCacheControlHeaderStrategy
                                        .SUCCEED_WITH_RESPONSE_HEADER));
        get(stage, Map.of());

        Response response = get(stage, Map.of("Cache-Control", "max-age=0"));

        assertThat(calls).hasValue(1);
        assertThat(response.bodyAsString()).isEqualTo("{\"call\":1}");
        assertThat(response.headers().first("Warning"))
                .contains(
                        "199 Cache-control headers were ignored because the caller was"
                                + " unauthorized.");
    }

    @Test
    void apply_maxAgeZeroUnauthorizedWithoutHeaderStrategy_servesCachedSilently() {
        Stage stage =
                stage(
                        strategy(
                                UnauthorizedCacheControlHeaderStrategy
                                        .SUCCEED_WITHOUT_RESPONSE_HEADER));
        get(stage, Map.of());

        Response response = get(stage, Map.of("Cache-Control", "max-age=0"));

        assertThat(calls).hasValue(1);
        assertThat(response.bodyAsString()).isEqualTo("{\"call\":1}");
        assertThat(response.headers().contains("Warning")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = UnauthorizedCacheControlHeaderStrategy.class,
            names = {"SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"})
    void apply_maxAgeZeroOnEveryRequestUnauthorized_stillAnswersFromCache(
            UnauthorizedCacheControlHeaderStrategy strategy) {
        Stage stage = stage(strategy(strategy));

        for (int i = 0; i < 20; i++) {
            get(stage, Map.of("Cache-Control", "max-age=0"));
        }

        assertThat(calls).hasValue(1);
    }

    private static Consumer<Stage.Builder> strategy(
            UnauthorizedCacheControlHeaderStrategy strategy) {
        return s ->
                s.putMethodSetting(
                        "*/*",
                        setting(
                                m ->
                                        m.cachingEnabled(true)
                                                .unauthorizedCacheControlHeaderStrategy(strategy)));
    }

    private static MethodSetting setting(Consumer<MethodSetting.Builder> changes) {
        MethodSetting.Builder b = MethodSetting.builder();
        changes.accept(b);
        return b.build();
    }
}
