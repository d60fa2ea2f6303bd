package dev.apigw.samples.localserver.isolate;

import dev.apigw.model.FunctionConfiguration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The environment variables of a runtime process, as Lambda sets them for a Java function: the
 * function's {@code Environment.Variables}, then Lambda's reserved variables (which win, as Lambda
 * lets no function set them): {@code _HANDLER}, {@code AWS_EXECUTION_ENV}, {@code
 * AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, {@code
 * AWS_LAMBDA_FUNCTION_VERSION}, {@code AWS_LAMBDA_INITIALIZATION_TYPE}, {@code
 * AWS_LAMBDA_LOG_GROUP_NAME}, {@code AWS_LAMBDA_LOG_STREAM_NAME}, {@code AWS_LAMBDA_RUNTIME_API},
 * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code LAMBDA_TASK_ROOT}, {@code
 * LAMBDA_RUNTIME_DIR}, {@code TZ} and {@code LANG}; {@code PATH} is the server's.
 */
final class LambdaEnvironment {
    private static final DateTimeFormatter STREAM_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

    private LambdaEnvironment() {}

    /** Returns the variables of one process of this function. */
    static Map<String, String> of(
            FunctionConfiguration function,
            String runtimeApi,
            String region,
            Path taskRoot,
            Path runtimeDir,
            Clock clock) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        String path = System.getenv("PATH");
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin/:/bin:/opt/bin" : path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("_HANDLER", function.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream(clock));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        return env;
    }

    /** Returns a log stream name as Lambda makes them: {@code 2026/12/04/[$LATEST]<32 hex>}. */
    static String logStream(Clock clock) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return day.format(STREAM_DATE)
                + "/[$LATEST]"
                + UUID.randomUUID().toString().replace("-", "");
    }
}
