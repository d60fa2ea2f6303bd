package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.LambdaInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What JUnit reports for test classes that use the extension: the fixture classes below are run
 * through {@link EngineTestKit}, not by Surefire (nested classes are not collected).
 */
class ApiGatewayExtensionTest {
    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    static RestApi.Builder pets(RestApi.Builder b) {
        return b.name("pets")
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.AWS_PROXY)
                                                                        .httpMethod("POST")
                                                                        .uri(lambdaUri("pets")))))
                .resource(
                        "/owners",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.AWS_PROXY)
                                                                        .httpMethod("POST")
                                                                        .uri(lambdaUri("owners")))))
                .resource(
                        "/legacy",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.HTTP_PROXY)
                                                                        .httpMethod("GET")
                                                                        .uri(
                                                                                "https://legacy.example/${stageVariables.version}"))));
    }

    static String lambdaUri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:"
                + function
                + "/invocations";
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    static class Resolution {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .stage("beta")
                        .putStageVariable("version", "v2")
                        .lambda("pets")
                        .lambda("owners")
                        .clockStartingAt(START)
                        .build();

        @Test
        void everything_isResolvedAndBound(
                Api api,
                @Lambda("pets") FakeLambda pets,
                @Lambda("owners") FakeLambda owners,
                RecordingHttpBackend backend,
                ManualClock clock) {
            assertThat(clock.instant()).isEqualTo(START);
            assertThat(api.stage("beta")).isPresent();
            assertThat(gateway.stage()).isEqualTo("beta");

            api.handle(Request.of("GET", "/beta/pets"));
            api.handle(Request.of("GET", "/beta/owners"));
            api.handle(Request.of("GET", "/beta/owners"));
            api.handle(Request.of("GET", "/beta/legacy"));

            assertThat(pets).wasInvokedTimes(1);
            assertThat(owners).wasInvokedTimes(2);
            assertThat(backend.lastRequest().uri()).hasToString("https://legacy.example/v2");
        }
    }

    @Test
    void parameters_allTypes_resolvedToTheTestsBindings() {
        run(Resolution.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    static class Freshness {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .build();

        @BeforeEach
        void setUp(FakeLambda pets, ManualClock clock) {
            assertThat(pets.invocations()).isEmpty();
            assertThat(clock.instant()).isEqualTo(ApiGatewayExtension.DEFAULT_START);
        }

        @Test
        void first(Api api, FakeLambda pets, ManualClock clock) {
            use(api, clock);
        }

        @Test
        void second(Api api, FakeLambda pets, ManualClock clock) {
            use(api, clock);
        }

        private static void use(Api api, ManualClock clock) {
            api.handle(Request.of("GET", "/test/pets"));
            clock.advance(Duration.ofHours(1));
        }
    }

    @Test
    void state_eachTest_getsFreshFakesAndClock() {
        run(Freshness.class).assertStatistics(s -> s.started(2).succeeded(2));
    }

    static class Leaking {
        static final AtomicReference<FakeLambda> LEAKED = new AtomicReference<>();

        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .build();

        @Test
        void keeps(FakeLambda pets) {
            LEAKED.set(pets);
        }
    }

    @Test
    void state_afterTheTest_fakesAreClosed() {
        run(Leaking.class).assertStatistics(s -> s.succeeded(1));
        LambdaInvocation call =
                new LambdaInvocation(
                        "arn",
                        "pets",
                        "",
                        "RequestResponse",
                        "id",
                        Duration.ofSeconds(1),
                        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Leaking.LEAKED.get().invoke(call))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FakeLambda pets was called after its test ended");
    }

    static class Ambiguous {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .lambda("owners")
                        .build();

        @Test
        void unnamed(FakeLambda which) {
            assertThat(which).isNotNull();
        }

        @Test
        void unknown(@Lambda("cats") FakeLambda cats) {
            assertThat(cats).isNotNull();
        }
    }

    @Test
    void parameters_ambiguousOrUnknownLambda_failNamingTheBoundOnes() {
        Events events = run(Ambiguous.class);

        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("unnamed"),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message(
                                                m ->
                                                        m.contains("2 FakeLambdas [pets, owners]")
                                                                && m.contains(
                                                                        "@Lambda(\"name\")")))));
        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("unknown"),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message(m -> m.contains("no FakeLambda named cats")))));
    }

    static class Constructor {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder().restApi(ApiGatewayExtensionTest::pets).build();

        private final Api api;

        Constructor(Api api) {
            this.api = api;
        }

        @Test
        void uses() {
            assertThat(api).isNotNull();
        }
    }

    @Test
    void parameters_ofConstructor_failSayingWhereTheyWork() {
        run(Constructor.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("uses"),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message(m -> m.contains("only for test methods")))));
    }

    static class FailingAssertion {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .build();

        @Test
        void expects404(Api api, FakeLambda pets) {
            pets.returnsProxyResponse(200, "{\"name\": \"Rex\"}");

            assertThat(api.testInvoke(Request.of("GET", "/test/pets?name=Rex"))).hasStatus(404);
        }
    }

    @Test
    void assertion_failing_printsTheConsolesTestResult() {
        run(FailingAssertion.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("expects404"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(
                                                m ->
                                                        m.contains("Expecting status:")
                                                                && m.contains(
                                                                        "Request: /test/pets?name=Rex")
                                                                && m.contains("Status: 200")
                                                                && m.contains(
                                                                        "Response Body\n{\"name\": \"Rex\"}")
                                                                && m.contains(
                                                                        "Mon Jan 01 00:00:00 UTC 2024 : Endpoint request"
                                                                                + " body after transformations: {")
                                                                && m.contains(
                                                                        "Endpoint response body before transformations:"
                                                                                + " {\"statusCode\":200")))));
    }

    static class FailingHandleAssertion {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(ApiGatewayExtensionTest::pets)
                        .lambda("pets")
                        .build();

        @Test
        void expects404(Api api, FakeLambda pets) {
            pets.returnsProxyResponse(200, "{\"name\": \"Rex\"}");

            assertThat(api.handle(Request.get("/test/pets?name=Rex"))).hasStatus(404);
        }

        @Test
        void otherFailure(Api api) {
            api.handle(Request.get("/test/pets?name=Rex"));

            assertThat("plain").isEqualTo("other");
        }
    }

    @Test
    void assertion_failingOnHandleResponse_printsTheConsolesTestResult() {
        Events events = run(FailingHandleAssertion.class);

        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("expects404"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(
                                                m ->
                                                        m.contains("Expecting status:")
                                                                && m.contains(
                                                                        "--- Test result, as the console shows it ---")
                                                                && m.contains(
                                                                        "Request: /test/pets?name=Rex")
                                                                && m.contains(
                                                                        "Response Body\n{\"name\": \"Rex\"}")
                                                                && m.contains(
                                                                        "Mon Jan 01 00:00:00 UTC 2024 : Endpoint request"
                                                                                + " body after transformations: {")
                                                                && m.contains(
                                                                        "Endpoint response body before transformations:"
                                                                                + " {\"statusCode\":200")))));
        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("otherFailure"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(
                                                m ->
                                                        m.contains("other")
                                                                && !m.contains("Test result")))));
    }

    static class InvalidDefinition {
        @RegisterExtension
        static final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .restApi(
                                b ->
                                        b.name("broken")
                                                .resource(
                                                        "/x",
                                                        r ->
                                                                r.method(
                                                                        "GET",
                                                                        m ->
                                                                                m.integration(
                                                                                        i ->
                                                                                                i.type(
                                                                                                                IntegrationType
                                                                                                                        .HTTP)
                                                                                                        .httpMethod(
                                                                                                                "GET")))))
                        .build();

        @Test
        void neverRuns(Api api) {
            assertThat(api).isNotNull();
        }
    }

    @Test
    void definition_invalid_failsTheTestNamingThePlace() {
        run(InvalidDefinition.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("neverRuns"),
                                finishedWithFailure(
                                        instanceOf(IllegalArgumentException.class),
                                        message(m -> m.contains("/x GET")))));
    }

    static class Configured {
        @RegisterExtension
        final ApiGatewayExtension gateway =
                ApiGatewayExtension.builder()
                        .configure(
                                b ->
                                        b.restApi(ApiGatewayExtensionTest::pets)
                                                .gateway(
                                                        Gateway.builder()
                                                                .region("eu-west-1")
                                                                .build())
                                                .deploy("extra"))
                        .lambda("pets")
                        .build();

        @Test
        void bothStagesServe(Api api, FakeLambda pets) {
            api.handle(Request.of("GET", "/extra/pets"));
            api.handle(Request.of("GET", "/test/pets"));

            assertThat(pets.invocations())
                    .extracting(i -> i.event().requestContext().path("stage").asText())
                    .containsExactly("extra", "test");
            assertThat(List.copyOf(api.stages().keySet()))
                    .containsExactlyInAnyOrder("extra", "test");
        }
    }

    @Test
    void configure_instanceField_deploysTheConfiguredDefinitionToo() {
        run(Configured.class).assertStatistics(s -> s.started(1).succeeded(1));
    }
}
