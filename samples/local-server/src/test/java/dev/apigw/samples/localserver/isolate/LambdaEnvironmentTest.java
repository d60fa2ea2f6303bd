package dev.apigw.samples.localserver.isolate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.FunctionConfiguration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment of a runtime process: the function's variables and Lambda's reserved ones. */
class LambdaEnvironmentTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T23:59:00Z"), ZoneOffset.UTC);

    private static Map<String, String> environment(Map<String, String> variables) {
        FunctionConfiguration function =
                FunctionConfiguration.builder()
                        .logicalId("HelloWorldFunction")
                        .functionName("hello")
                        .runtime("java17")
                        .handler("example.Hello::handleRequest")
                        .memorySize(512)
                        .environment(variables)
                        .build();
        return LambdaEnvironment.of(
                function,
                "127.0.0.1:4000/s1",
                "eu-west-1",
                Path.of("/work/task"),
                Path.of("/tmp/runtime"),
                CLOCK);
    }

    @Test
    void of_function_setsLambdaReservedVariables() {
        Map<String, String> env = environment(Map.of());

        assertThat(env)
                .containsEntry("_HANDLER", "example.Hello::handleRequest")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java17")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "hello")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/hello")
                .containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:4000/s1")
                .containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_DEFAULT_REGION", "eu-west-1")
                .containsEntry("LAMBDA_TASK_ROOT", Path.of("/work/task").toString())
                .containsEntry("LAMBDA_RUNTIME_DIR", Path.of("/tmp/runtime").toString())
                .containsEntry("TZ", ":UTC")
                .containsEntry("LANG", "en_US.UTF-8")
                .containsKey("PATH");
        assertThat(env.get("AWS_LAMBDA_LOG_STREAM_NAME"))
                .matches("2026/12/04/\\[\\$LATEST\\][0-9a-f]{32}");
    }

    @Test
    void of_functionVariables_keptButReservedNamesWin() {
        Map<String, String> env =
                environment(Map.of("GREETING", "hello", "AWS_REGION", "mars-north-1"));

        assertThat(env).containsEntry("GREETING", "hello").containsEntry("AWS_REGION", "eu-west-1");
    }
}
