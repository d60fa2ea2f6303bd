package dev.apigw.runtime.observe;

import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the execution log of a routed request (reference 10.2): switches the request's trace on at
 * the method's {@code loggingLevel} (its own method setting, else the stage's {@code *}{@code /*};
 * reference 9.1) into the logger of the stage's log group, {@code
 * API-Gateway-Execution-Logs_{restApiId}/{stageName}} ({@code .../Canary} for a canary request,
 * reference 9.2), and writes AWS's opening lines: {@code Extended Request Id: ...} (execution log
 * only), {@code Starting execution for request: ...}, {@code HTTP Method: GET, Resource Path:
 * /pets/1}, the method request's path and query string, and with {@code dataTraceEnabled} its
 * headers and body. It runs after routing, as AWS logs nothing for a request that matches no
 * method. A stage without method settings costs one map check.
 */
public final class ExecutionLogStep implements Step {
    /** The prefix of an execution log group's name (reference 10.2). */
    public static final String LOG_GROUP_PREFIX = "API-Gateway-Execution-Logs_";

    private static final String STEP = "method-request";
    private static final String ALL_METHODS = "*/*";

    @Override
    public Response apply(Exchange exchange, Chain next) {
        ExecutionTrace trace = exchange.trace();
        Map<String, MethodSetting> settings = exchange.stageSettings().methodSettings();
        if (!settings.isEmpty()) {
            start(exchange, trace, settings);
        }
        if (trace.isRecording()) {
            trace.add(STEP, "Starting execution for request: ", exchange.requestId());
            trace.add(
                    STEP,
                    "HTTP Method: ",
                    exchange.request().httpMethod()
                            + ", Resource Path: "
                            + exchange.resourcePath());
            trace.add(STEP, "Method request path: ", exchange.route().pathParameters());
            trace.add(STEP, "Method request query string: ", lastValues(exchange));
            trace.data(STEP, "Method request headers: ", exchange.request().headers());
            trace.data(
                    STEP,
                    "Method request body before transformations: ",
                    exchange.request().bodyAsString());
        }
        return next.proceed(exchange);
    }

    private static void start(
            Exchange exchange, ExecutionTrace trace, Map<String, MethodSetting> settings) {
        MethodSetting own = settings.get(exchange.route().target().settingsKey());
        MethodSetting all = settings.get(ALL_METHODS);
        LoggingLevel level = LoggingLevel.OFF;
        if (own != null && own.loggingLevel().isPresent()) {
            level = own.loggingLevel().get();
        } else if (all != null) {
            level = all.loggingLevel().orElse(LoggingLevel.OFF);
        }
        if (level == LoggingLevel.OFF) {
            return;
        }
        boolean dataTrace = own != null ? own.dataTraceEnabled() : all.dataTraceEnabled();
        trace.startLogging(
                exchange.gateway().executionLogs().getLogger(logGroup(exchange)),
                level,
                dataTrace,
                exchange.requestId());
        trace.logOnly("Extended Request Id: " + exchange.extendedRequestId());
    }

    /** Returns each query string parameter's last value, as AWS's log line shows them. */
    private static Map<String, String> lastValues(Exchange exchange) {
        Map<String, String> last = new LinkedHashMap<>();
        exchange.queryParameters()
                .forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    /**
     * Returns the execution log group of a request's stage: {@code
     * API-Gateway-Execution-Logs_{restApiId}/{stageName}}, with {@code /Canary} for a canary
     * request (reference 10.2, 9.2).
     */
    public static String logGroup(Exchange exchange) {
        String group =
                LOG_GROUP_PREFIX
                        + exchange.state().apiId()
                        + "/"
                        + exchange.stageSettings().stageName();
        return exchange.isCanaryRequest() ? group + "/Canary" : group;
    }
}
