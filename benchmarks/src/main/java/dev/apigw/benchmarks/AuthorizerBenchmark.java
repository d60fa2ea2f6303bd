package dev.apigw.benchmarks;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
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
 * Measures a request through a Lambda TOKEN authorizer whose answer is cached (reference 8.3)
 * beside the same MOCK request to a method without authorization: the difference is what the cached
 * authorizer adds (identity source, cache look-up, method ARN, policy evaluation, the authorizer's
 * output on the exchange). The cached policy allows the whole API, as AWS advises for cached
 * authorizers.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuthorizerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorizerBenchmark {
    private static final byte[] ALLOW_ALL =
            ("{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                            + "\"Statement\":[{\"Action\":\"execute-api:Invoke\","
                            + "\"Effect\":\"Allow\",\"Resource\":"
                            + "\"arn:aws:execute-api:us-east-1:123456789012:benchapi01/*\"}]},"
                            + "\"context\":{\"tenant\":\"acme\",\"level\":3}}")
                    .getBytes(StandardCharsets.UTF_8);

    private Api api;
    private Request open;
    private Request guarded;

    /** Builds the API and primes the authorizer's cache. */
    @Setup
    public void setUp() {
        RestApi restApi =
                RestApi.builder()
                        .id("benchapi01")
                        .name("bench")
                        .authorizer(
                                Authorizer.builder()
                                        .id("auth01")
                                        .name("token")
                                        .type(AuthorizerType.TOKEN)
                                        .authorizerUri(
                                                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31"
                                                        + "/functions/arn:aws:lambda:us-east-1:"
                                                        + "123456789012:function:auth/invocations")
                                        .identitySource("method.request.header.Authorization")
                                        .authorizerResultTtlInSeconds(3600)
                                        .build())
                        .resource("/open", r -> r.method("GET", m -> mock(m, false)))
                        .resource("/gate", r -> r.method("GET", m -> mock(m, true)))
                        .build();
        api =
                Api.builder()
                        .gateway(UnthrottledAccount.create())
                        .restApi(restApi)
                        .deploy("live")
                        .lambda("auth", invocation -> LambdaResult.of(ALLOW_ALL))
                        .build();
        open =
                Request.builder()
                        .httpMethod("GET")
                        .target("/live/open")
                        .header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig")
                        .build();
        guarded = open.toBuilder().target("/live/gate").build();
        Response first = api.handle(guarded);
        if (first.statusCode() != 200 || api.handle(open).statusCode() != 200) {
            throw new IllegalStateException("the benchmark API does not answer 200");
        }
    }

    private static void mock(Method.Builder m, boolean guarded) {
        if (guarded) {
            m.authorizationType(AuthorizationType.CUSTOM).authorizerId("auth01");
        }
        m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse(
                                                "200",
                                                ir ->
                                                        ir.putResponseTemplate(
                                                                "application/json",
                                                                "{\"status\": \"ok\"}")));
    }

    /** The reference: the same MOCK request to a method without authorization. */
    @Benchmark
    public Response noAuthorizer() {
        return api.handle(open);
    }

    /** The request through the Lambda authorizer, its answer served from the cache. */
    @Benchmark
    public Response cachedLambdaAuthorizer() {
        return api.handle(guarded);
    }
}
