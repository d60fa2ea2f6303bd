package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.apigw.runtime.spi.LambdaInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda {@link Context} of one in-process invocation: the invocation's request id, function
 * name and ARN, version {@code $LATEST}, the memory and timeout of the function (for a handler
 * bound by hand: 512 MB and the integration timeout), the log group Lambda would use, and the time
 * left counted down from the start of the call. No Cognito identity and no client context, as for
 * an API Gateway invocation. The logger writes through SLF4J under {@code
 * dev.apigw.lambda.<function name>}.
 */
final class LocalContext implements Context {
    private static final int DEFAULT_MEMORY_MB = 512;

    private final LambdaInvocation invocation;
    private final String functionName;
    private final int memoryMb;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    /** The context of a handler bound by hand: the ARN's name, 512 MB, the integration timeout. */
    LocalContext(LambdaInvocation invocation) {
        this(invocation, invocation.functionName(), DEFAULT_MEMORY_MB, invocation.timeout());
    }

    /** The context of a function with this name, memory (MB) and timeout. */
    LocalContext(LambdaInvocation invocation, String functionName, int memoryMb, Duration timeout) {
        this.invocation = invocation;
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.logger =
                new Slf4jLogger(
                        LoggerFactory.getLogger(
                                LocalContext.class.getPackageName() + "." + functionName));
    }

    @Override
    public String getAwsRequestId() {
        return invocation.awsRequestId();
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "in-process";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.functionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Writes a function's log lines through SLF4J, at the level the function asked for. */
    private static final class Slf4jLogger implements LambdaLogger {
        private final Logger log;

        Slf4jLogger(Logger log) {
            this.log = log;
        }

        @Override
        public void log(String message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
        }

        @Override
        public void log(String message, LogLevel level) {
            switch (level) {
                case TRACE:
                    log.trace(message);
                    break;
                case DEBUG:
                    log.debug(message);
                    break;
                case WARN:
                    log.warn(message);
                    break;
                case ERROR:
                case FATAL:
                    log.error(message);
                    break;
                default:
                    log.info(message);
                    break;
            }
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            log(new String(message, StandardCharsets.UTF_8), level);
        }
    }
}
