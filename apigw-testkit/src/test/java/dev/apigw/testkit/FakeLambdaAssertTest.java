package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.spi.LambdaInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The assertions on {@link FakeLambda}. */
class FakeLambdaAssertTest {
    private static FakeLambda invokedOnce(String type) {
        FakeLambda fake = FakeLambda.create("pets");
        fake.invoke(
                new LambdaInvocation(
                        "arn",
                        "pets",
                        "",
                        type,
                        "id",
                        Duration.ofSeconds(1),
                        "{\"n\": 1}".getBytes(StandardCharsets.UTF_8)));
        return fake;
    }

    @Test
    void assertions_matching_pass() {
        assertThat(invokedOnce("Event"))
                .wasInvoked()
                .wasInvokedTimes(1)
                .lastInvocationTypeIs("Event");
        assertThat(FakeLambda.create("idle")).wasNotInvoked().wasInvokedTimes(0);
    }

    @Test
    void assertions_notMatching_failWithExpectingMessages() {
        assertThatThrownBy(() -> assertThat(FakeLambda.create("idle")).wasInvoked())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting FakeLambda idle to have been invoked");
        assertThatThrownBy(() -> assertThat(invokedOnce("Event")).wasNotInvoked())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("invoked 1 times, last with:")
                .hasMessageContaining("{\"n\": 1}");
        assertThatThrownBy(() -> assertThat(invokedOnce("Event")).wasInvokedTimes(3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 times");
        assertThatThrownBy(
                        () ->
                                assertThat(invokedOnce("Event"))
                                        .lastInvocationTypeIs("RequestResponse"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but was:")
                .hasMessageContaining("Event");
    }
}
