package dev.apigw.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FakeCognito;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
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
 * Measures a request through a Cognito user pool authorizer (reference 8.4: the token's RS256
 * signature verified on every request, as AWS does) beside the same MOCK request on a method
 * without an authorizer, and the reference of a bare nimbus-jose-jwt RS256 verification of the same
 * token (parse and verify): what the authorizer adds is {@code cognito - noAuthorizer}, of which
 * {@code bareVerification} is the cryptography.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CognitoAuthorizerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CognitoAuthorizerBenchmark {
    private Api api;
    private Request open;
    private Request authorized;
    private String token;
    private RSASSAVerifier verifier;

    /** Builds the API and mints a token valid for a day. */
    @Setup
    public void setUp() throws JOSEException {
        FakeCognito pool = FakeCognito.create();
        Authorizer authorizer =
                Authorizer.builder()
                        .name("users")
                        .type(AuthorizerType.COGNITO_USER_POOLS)
                        .identitySource("method.request.header.Authorization")
                        .providerArns(List.of(pool.providerArn()))
                        .build();
        RestApi restApi =
                RestApi.builder()
                        .name("bench")
                        .authorizer(authorizer)
                        .resource("/open", r -> r.method("GET", m -> mock(m)))
                        .resource(
                                "/me",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        mock(
                                                                m.authorizationType(
                                                                                AuthorizationType
                                                                                        .COGNITO_USER_POOLS)
                                                                        .authorizerId(
                                                                                authorizer.id()))))
                        .build();
        api =
                pool.bindTo(
                                Api.builder()
                                        .gateway(UnthrottledAccount.create())
                                        .restApi(restApi)
                                        .deploy("prod"))
                        .build();
        token =
                pool.idToken(
                        t ->
                                t.expiresIn(Duration.ofDays(1))
                                        .email("ana@example.com")
                                        .claim("custom:role", "admin"));
        open =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/open")
                        .header("Authorization", token)
                        .build();
        authorized =
                Request.builder()
                        .httpMethod("GET")
                        .target("/prod/me")
                        .header("Authorization", token)
                        .build();
        verifier = new RSASSAVerifier(pool.publicKey());
        check(api.handle(open));
        check(api.handle(authorized));
    }

    private static void mock(Method.Builder m) {
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

    private static void check(Response response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("set-up request answered " + response.statusCode());
        }
    }

    /** The MOCK request on a method without an authorizer (the token header sent all the same). */
    @Benchmark
    public Response noAuthorizer() {
        return api.handle(open);
    }

    /** The same MOCK request on a method with the Cognito authorizer. */
    @Benchmark
    public Response cognito() {
        return api.handle(authorized);
    }

    /** Reference: nimbus parses the token and verifies its RS256 signature. */
    @Benchmark
    public boolean bareVerification() throws ParseException, JOSEException {
        return SignedJWT.parse(token).verify(verifier);
    }
}
