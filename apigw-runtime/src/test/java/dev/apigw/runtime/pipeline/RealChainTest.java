package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step contract {@link RealChain} enforces (OkHttp's {@code RealInterceptorChain}): steps run
 * in list order, may work before and after {@code next} or answer without it, call {@code next} at
 * most once per request, never return null, and the last step ends the chain. A {@link
 * GatewayException} leaves carrying the exchange of the step that threw, which the gateway response
 * renders against (reference 3.2).
 */
class RealChainTest {
    private static final AttributeKey<String> MARK = AttributeKey.of("mark");

    private final Exchange exchange = TestExchanges.arrived(Request.get("/test/pets"));
    private final List<String> log = new ArrayList<>();

    private static Response answer(int status) {
        return Response.builder().statusCode(status).build();
    }

    /** Logs before and after calling next. */
    private final class Around implements Step {
        private final String name;

        Around(String name) {
            this.name = name;
        }

        @Override
        public Response apply(Exchange exchange, Chain next) {
            log.add(name + " before");
            Response response = next.proceed(exchange);
            log.add(name + " after " + response.statusCode());
            return response.withHeaders("x-" + name, "seen");
        }
    }

    /** Ends the chain with 200. */
    private final class End implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            log.add("end");
            return answer(200);
        }
    }

    /** Answers 304 without calling next, as a cache hit would. */
    private final class ShortCircuit implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            log.add("short-circuit");
            return answer(304);
        }
    }

    private static final class ReturnsNull implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            return null;
        }
    }

    private static final class CallsNext implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            return next.proceed(exchange);
        }
    }

    /** Calls next a second time after the first answered, as a careless retry would. */
    private static final class CallsNextTwice implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            next.proceed(exchange);
            return next.proceed(exchange);
        }
    }

    /** Retries next once the first call failed with a gateway response. */
    private static final class RetriesAfterFailure implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            try {
                return next.proceed(exchange);
            } catch (GatewayException e) {
                return next.proceed(exchange);
            }
        }
    }

    /** Fails once with INTEGRATION_TIMEOUT, then answers: a backend a retry would call twice. */
    private final class FlakyEnd implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            log.add("backend called");
            if (log.size() == 1) {
                throw GatewayException.of(GatewayResponseType.INTEGRATION_TIMEOUT);
            }
            return answer(200);
        }
    }

    /** Passes on an exchange with {@link #MARK} set. */
    private static final class Marks implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            return next.proceed(exchange.withAttribute(MARK, "marked"));
        }
    }

    private static final class Rejects implements Step {
        @Override
        public Response apply(Exchange exchange, Chain next) {
            throw GatewayException.of(GatewayResponseType.INVALID_API_KEY);
        }
    }

    @Test
    void start_threeSteps_runInListOrderWithWorkBeforeAndAfter() {
        Response response =
                RealChain.start(List.of(new Around("a"), new Around("b"), new End()), exchange);

        assertThat(log)
                .containsExactly("a before", "b before", "end", "b after 200", "a after 200");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().first("x-a")).contains("seen");
        assertThat(response.headers().first("x-b")).contains("seen");
    }

    @Test
    void start_stepAnswersWithoutNext_laterStepsDoNotRun() {
        Response response =
                RealChain.start(
                        List.of(new Around("a"), new ShortCircuit(), new Around("c"), new End()),
                        exchange);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(log).containsExactly("a before", "short-circuit", "a after 304");
    }

    @Test
    void start_stepReturnsNull_failsNamingTheStep() {
        assertThatThrownBy(
                        () ->
                                RealChain.start(
                                        List.of(new CallsNext(), new ReturnsNull()), exchange))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ReturnsNull returned null");
    }

    @Test
    void start_lastStepCallsNext_failsNamingTheStep() {
        assertThatThrownBy(
                        () -> RealChain.start(List.of(new Around("a"), new CallsNext()), exchange))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CallsNext is the last step and must not call next");
        assertThat(log).containsExactly("a before");
    }

    @Test
    void start_stepCallsNextTwice_failsNamingTheStepBeforeTheNextStepRunsAgain() {
        assertThatThrownBy(
                        () ->
                                RealChain.start(
                                        List.of(new CallsNextTwice(), new Around("b"), new End()),
                                        exchange))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "CallsNextTwice called next twice; a step calls next at most once per"
                                + " request");
        assertThat(log).containsExactly("b before", "end", "b after 200");
    }

    @Test
    void start_stepRetriesNextAfterGatewayException_failsWithoutCallingTheBackendAgain() {
        assertThatThrownBy(
                        () ->
                                RealChain.start(
                                        List.of(new RetriesAfterFailure(), new FlakyEnd()),
                                        exchange))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("RetriesAfterFailure called next twice");
        assertThat(log).containsExactly("backend called");
    }

    @Test
    void start_samePipelineForManyRequests_eachRequestMayCallNextOnce() {
        List<Step> steps = List.of(new Around("a"), new CallsNext(), new End());

        for (int i = 0; i < 3; i++) {
            assertThat(RealChain.start(steps, exchange).statusCode()).isEqualTo(200);
        }
        assertThat(log).filteredOn("end"::equals).hasSize(3);
    }

    @Test
    void start_anotherRequestRunsInsideAStep_eachRequestKeepsItsOwnChain() {
        List<Step> inner = List.of(new Around("inner"), new End());
        Step startsAnotherRequest =
                (exchange, next) -> {
                    RealChain.start(inner, exchange);
                    return next.proceed(exchange);
                };

        Response response =
                RealChain.start(
                        List.of(startsAnotherRequest, new Around("outer"), new End()), exchange);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(log)
                .containsExactly(
                        "inner before",
                        "end",
                        "inner after 200",
                        "outer before",
                        "end",
                        "outer after 200");
    }

    @Test
    void start_stepThrowsGatewayException_exceptionCarriesTheExchangeTheStepWasGiven() {
        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () ->
                                RealChain.start(
                                        List.of(new CallsNext(), new Marks(), new Rejects()),
                                        exchange));

        assertThat(e.type()).isEqualTo(GatewayResponseType.INVALID_API_KEY);
        assertThat(e.exchange())
                .hasValueSatisfying(
                        failing -> assertThat(failing.attribute(MARK)).contains("marked"));
    }

    @Test
    void start_gatewayExceptionPassesOuterSteps_innermostExchangeWins() {
        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () -> RealChain.start(List.of(new Marks(), new Rejects()), exchange));

        assertThat(e.exchange()).isPresent();
        assertThat(e.exchange().get()).isNotSameAs(exchange);
        assertThat(e.exchange().get().attribute(MARK)).contains("marked");
    }

    @Test
    void start_outerStepAfterNext_recordHoldsTheInnermostExchange() {
        List<Exchange> seen = new ArrayList<>();
        Step outer =
                (given, next) -> {
                    Response response = next.proceed(given);
                    seen.add(given.record().latest());
                    return response;
                };

        RealChain.start(List.of(outer, new Marks(), new End()), exchange);

        assertThat(seen).singleElement().isNotSameAs(exchange);
        assertThat(seen.get(0).attribute(MARK)).contains("marked");
    }
}
