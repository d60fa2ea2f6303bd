package dev.apigw.benchmarks;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures a stage cache hit (reference 9.3) beside the request it replaces: the same GET of a MOCK
 * method with a request template and a response template (a VTL loop over twenty items reading the
 * query string and {@code $context}), on a stage without the cache ({@code vtlRequest}), on a stage
 * with the cache whose entry is in place ({@code cacheHit}), and on one whose entries are AES-GCM
 * encrypted ({@code encryptedCacheHit}). A hit still runs every step before the cache (stage,
 * route, access control, throttling, validation) and the outer ones (headers, metrics).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CacheBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CacheBenchmark {
    private static final String RESPONSE_TEMPLATE =
            "#set($q = $input.params('q'))\n"
                    + "{\"query\": \"$util.escapeJavaScript($q)\", \"stage\": \"$context.stage\","
                    + " \"items\": [\n"
                    + "#foreach($i in [1..20])\n"
                    + "  {\"id\": $i, \"name\": \"item-${i}-${q}\"}#if($foreach.hasNext),#end\n"
                    + "#end\n"
                    + "]}";

    private Api api;
    private Request uncached;
    private Request cached;
    private Request encrypted;

    /** Builds the API, deploys its three stages and puts the entries in place. */
    @Setup
    public void setUp() {
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .resource(
                                "/items",
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
                                                                                                                        RESPONSE_TEMPLATE)))))
                        .build();
        MethodSetting encryptedEntries =
                MethodSetting.builder()
                        .cachingEnabled(true)
                        .cacheTtlInSeconds(3600)
                        .cacheDataEncrypted(true)
                        .build();
        MethodSetting plainEntries =
                MethodSetting.builder().cachingEnabled(true).cacheTtlInSeconds(3600).build();
        api =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("plain")
                        .deploy(
                                "cached",
                                s ->
                                        s.cacheClusterEnabled(true)
                                                .putMethodSetting("*/*", plainEntries))
                        .deploy(
                                "encrypted",
                                s ->
                                        s.cacheClusterEnabled(true)
                                                .putMethodSetting("*/*", encryptedEntries))
                        .build();
        uncached = request("/plain/items?q=shoes");
        cached = request("/cached/items?q=shoes");
        encrypted = request("/encrypted/items?q=shoes");
        for (Request request : new Request[] {uncached, cached, encrypted}) {
            Response first = api.handle(request);
            if (first.statusCode() != 200 || !first.bodyAsString().contains("item-20-shoes")) {
                throw new IllegalStateException(
                        "the benchmark's request is answered "
                                + first.statusCode()
                                + " "
                                + first.bodyAsString());
            }
        }
    }

    private static Request request(String target) {
        return Request.builder()
                .httpMethod("GET")
                .target(target)
                .header("Accept", "application/json")
                .header("User-Agent", "jmh")
                .build();
    }

    /** The request on a stage without the cache: templates rendered on every request. */
    @Benchmark
    public Response vtlRequest() {
        return api.handle(uncached);
    }

    /** The same request answered from the stage cache. */
    @Benchmark
    public Response cacheHit() {
        return api.handle(cached);
    }

    /** The same request answered from a stage cache whose entries are encrypted. */
    @Benchmark
    public Response encryptedCacheHit() {
        return api.handle(encrypted);
    }
}
