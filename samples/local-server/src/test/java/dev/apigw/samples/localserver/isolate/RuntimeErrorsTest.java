package dev.apigw.samples.localserver.isolate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The errors Lambda reports for a timed-out invocation and an exited runtime. */
class RuntimeErrorsTest {
    @Test
    void timedOut_isSandboxTimedoutWithTwoDecimals() {
        LambdaResult result = RuntimeErrors.timedOut("req-1", 3);

        assertThat(result.functionError()).contains("Unhandled");
        assertThat(new String(result.payload(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: req-1"
                                + " Error: Task timed out after 3.00 seconds\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0, exit status 0",
        "3, exit status 3",
        "128, exit status 128",
        "134, signal: aborted",
        "137, signal: killed",
        "139, signal: segmentation fault",
        "143, signal: terminated",
        "200, exit status 200"
    })
    void exitStatus_exitValue_namedAsLambdaNamesIt(int exitValue, String status) {
        assertThat(RuntimeErrors.exitStatus(exitValue)).isEqualTo(status);
    }
}
