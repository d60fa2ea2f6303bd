package dev.apigw.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/**
 * What {@link ExecutionLogStep} decides (reference 10.2): the logger of the stage's log group, its
 * canary's for a canary request (reference 9.2), and nothing at {@code OFF}.
 */
class ExecutionLogStepTest {
    private final ExecutionLogStep step = new ExecutionLogStep();
    private final RecordingChain next = RecordingChain.answering200();
    private final List<String> loggers = new ArrayList<>();

    private Exchange routed(LoggingLevel level) {
        Stage stage =
                Stage.builder()
                        .stageName("test")
                        .putMethodSetting(
                                "*/*", MethodSetting.builder().loggingLevel(level).build())
                        .build();
        return TestExchanges.builder()
                .apiId("a1b2c3d4e5")
                .stage(stage)
                .trace(ExecutionTrace.off())
                .gateway(
                        g ->
                                g.executionLogs(
                                        name -> {
                                            loggers.add(name);
                                            return NOPLogger.NOP_LOGGER;
                                        }))
                .method("/pets", "GET", m -> {})
                .routed(Request.get("/test/pets"));
    }

    @Test
    void apply_infoOnStage_logsToTheStagesGroup() {
        Exchange exchange = routed(LoggingLevel.INFO);

        step.apply(exchange, next);

        assertThat(loggers).containsExactly("API-Gateway-Execution-Logs_a1b2c3d4e5/test");
        assertThat(exchange.trace().isLogging()).isTrue();
    }

    @Test
    void apply_canaryRequest_logsToTheCanarysGroup() {
        Exchange exchange = routed(LoggingLevel.ERROR);
        Exchange canary =
                exchange.withStage(
                                new DeployedStage(
                                        exchange.stage().stage(),
                                        exchange.stage().deployment(),
                                        true),
                                exchange.resourcePath())
                        .withRoute(exchange.route());

        step.apply(canary, next);

        assertThat(loggers).containsExactly("API-Gateway-Execution-Logs_a1b2c3d4e5/test/Canary");
    }

    @Test
    void apply_off_neitherLogsNorRecords() {
        Exchange exchange = routed(LoggingLevel.OFF);

        step.apply(exchange, next);

        assertThat(loggers).isEmpty();
        assertThat(exchange.trace().isRecording()).isFalse();
        assertThat(next.passed()).isSameAs(exchange);
    }
}
