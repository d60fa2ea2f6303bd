package dev.apigw.samples.localserver.isolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.FunctionConfiguration;
import dev.apigw.runtime.spi.LambdaInvocation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the entry point of {@code --isolate} accepts and refuses, without starting a JVM. */
class IsolatedFunctionsTest {
    private static final FunctionConfiguration HELLO =
            FunctionConfiguration.builder()
                    .logicalId("HelloWorldFunction")
                    .runtime("java17")
                    .handler("example.Hello::handleRequest")
                    .build();

    @Test
    void invoke_javaCannotStart_failsTheInvokeAndKeepsNoProcess() throws Exception {
        IsolationSettings settings =
                new IsolationSettings(
                        "us-east-1",
                        1,
                        Duration.ofSeconds(10),
                        Clock.systemUTC(),
                        Path.of("/nonexistent/bin/java"));
        try (IsolatedFunctions functions = IsolatedFunctions.start(settings)) {
            IsolatedFunction hello = functions.function(HELLO, List.of());

            assertThatThrownBy(() -> hello.invoke(invocation()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("HelloWorldFunction");
            assertThat(hello.processes()).isZero();
            assertThatThrownBy(() -> hello.invoke(invocation()))
                    .as("the failed start did not use up the concurrency limit of 1")
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void function_withoutHandler_isRefused() throws Exception {
        try (IsolatedFunctions functions = IsolatedFunctions.start(IsolationSettings.defaults())) {
            FunctionConfiguration noHandler = HELLO.copy(b -> b.handler(""));

            assertThatThrownBy(() -> functions.function(noHandler, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("HelloWorldFunction: no Handler");
        }
    }

    @Test
    void function_afterClose_isRefused() throws Exception {
        IsolatedFunctions functions = IsolatedFunctions.start(IsolationSettings.defaults());
        functions.close();

        assertThatThrownBy(() -> functions.function(HELLO, List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settings_concurrencyLimitBelowOne_isRefused() {
        assertThatThrownBy(() -> IsolationSettings.defaults().withConcurrencyLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrencyLimit must be at least 1, was 0");
    }

    private static LambdaInvocation invocation() {
        return new LambdaInvocation(
                "arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction",
                "HelloWorldFunction",
                "",
                "RequestResponse",
                "req-1",
                Duration.ofSeconds(29),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
