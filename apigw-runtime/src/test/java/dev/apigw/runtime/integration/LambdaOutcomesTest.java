package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What AWS_PROXY and AWS integrations answer for each outcome of a Lambda call (reference 2.2). */
class LambdaOutcomesTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        new LambdaOutcome.InvalidParameterValue(ARN),
                        GatewayResponseType.API_CONFIGURATION_ERROR,
                        500,
                        "Internal server error"),
                Arguments.of(
                        new LambdaOutcome.ResourceNotFound(ARN),
                        GatewayResponseType.API_CONFIGURATION_ERROR,
                        500,
                        "Internal server error"),
                Arguments.of(
                        new LambdaOutcome.RequestTooLarge(6_291_457),
                        GatewayResponseType.DEFAULT_4XX,
                        413,
                        "Request Too Long"),
                Arguments.of(
                        new LambdaOutcome.TimedOut(Duration.ofMillis(50)),
                        GatewayResponseType.INTEGRATION_TIMEOUT,
                        504,
                        "Endpoint request timed out"),
                Arguments.of(
                        new LambdaOutcome.ResponseSizeTooLarge(),
                        GatewayResponseType.INTEGRATION_FAILURE,
                        502,
                        "Internal server error"),
                Arguments.of(
                        new LambdaOutcome.ServiceException(new IllegalStateException("boom")),
                        GatewayResponseType.INTEGRATION_FAILURE,
                        502,
                        "Internal server error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void resultOrThrow_failure_throwsItsGatewayResponse(
            LambdaOutcome outcome, GatewayResponseType type, int status, String message) {
        assertThatThrownBy(() -> LambdaOutcomes.resultOrThrow(outcome))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        e -> {
                            assertThat(e.type()).isEqualTo(type);
                            assertThat(e.statusCode()).isEqualTo(status);
                            assertThat(e.errorMessage().orElse(null)).isEqualTo(message);
                        });
    }

    @Test
    void resultOrThrow_answerOrFunctionError_returnsTheResult() {
        LambdaResult answer = LambdaResult.of(bytes("{\"ok\":true}"));
        LambdaResult error = LambdaResult.functionError("bad", "java.lang.Error", List.of());
        assertThat(LambdaOutcomes.resultOrThrow(new LambdaOutcome.Answered(answer)))
                .isSameAs(answer);
        assertThat(LambdaOutcomes.resultOrThrow(new LambdaOutcome.FunctionError(error)))
                .isSameAs(error);
    }

    @Test
    void failures_coverEveryOutcomeButTheFunctionsOwn() {
        List<String> mapped =
                failures()
                        .map(a -> a.get()[0].getClass().getSimpleName())
                        .collect(Collectors.toList());
        List<String> permitted =
                Arrays.stream(LambdaOutcome.class.getPermittedSubclasses())
                        .map(Class::getSimpleName)
                        .filter(n -> !n.equals("Answered") && !n.equals("FunctionError"))
                        .collect(Collectors.toList());
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void answered_functionError_throws() {
        LambdaResult error = LambdaResult.functionError(bytes("{}"));
        assertThatThrownBy(() -> new LambdaOutcome.Answered(error))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LambdaOutcome.FunctionError(LambdaResult.of(bytes("{}"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
