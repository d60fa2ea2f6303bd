package dev.apigw.samples.localserver;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves each request through {@link Api#testInvoke} and writes its execution log, as the console's
 * Test shows it (reference 10.2), to a stream (standard error), at the served stage's level ({@link
 * #levelOf}, read for each request): at {@link LogLevel#ERROR} the log of each request answered
 * with a 4xx or 5xx status (the gateway response's reason, a Lambda function's error with its stack
 * trace, a mapping failure), at {@link LogLevel#INFO} the log of every request. Each line is {@code
 * (REQUEST-ID) TIME : MESSAGE}, secrets masked by {@link SecretMask}, followed by the {@link
 * FailureHints} of the request; a request's lines are written together. The API is read from the
 * supplier for each request, so a reloaded definition takes effect at once. Thread-safe.
 */
final class ExecutionLog implements Function<Request, Response> {
    private final Supplier<Api> api;
    private final Supplier<LogLevel> level;
    private final FailureHints hints;
    private final PrintStream out;

    ExecutionLog(Supplier<Api> api, Supplier<LogLevel> level, FailureHints hints, PrintStream out) {
        this.api = Objects.requireNonNull(api);
        this.level = Objects.requireNonNull(level);
        this.hints = Objects.requireNonNull(hints);
        this.out = Objects.requireNonNull(out);
    }

    /** Returns the handler of requests for a fixed level: {@code Api.handle} when it is OFF. */
    static Function<Request, Response> of(
            Supplier<Api> api, LogLevel level, FailureHints hints, PrintStream out) {
        if (level == LogLevel.OFF) {
            return request -> api.get().handle(request);
        }
        return new ExecutionLog(api, () -> level, hints, out);
    }

    /**
     * Returns the most verbose {@code loggingLevel} of a stage's method settings, {@link
     * LogLevel#OFF} when it sets none (reference 10.2).
     */
    static LogLevel levelOf(Stage stage) {
        LogLevel most = LogLevel.OFF;
        for (MethodSetting setting : stage.methodSettings().values()) {
            LogLevel level =
                    setting.loggingLevel()
                            .map(l -> LogLevel.valueOf(l.name()))
                            .orElse(LogLevel.OFF);
            if (level.compareTo(most) > 0) {
                most = level;
            }
        }
        return most;
    }

    @Override
    public Response apply(Request request) {
        LogLevel now = level.get();
        if (now == LogLevel.OFF) {
            return api.get().handle(request);
        }
        TestInvokeResult result = api.get().testInvoke(request);
        Response response = result.response();
        if (now == LogLevel.INFO || response.statusCode() >= 400) {
            out.print(format(result));
        }
        return response;
    }

    private String format(TestInvokeResult result) {
        String id = "(" + result.response().headers().last("x-amzn-RequestId").orElse("-") + ") ";
        ExecutionTrace log = result.log();
        StringBuilder s = new StringBuilder();
        for (String line : log.toString().split("\n")) {
            if (!line.isEmpty()) {
                s.append(id).append(SecretMask.mask(line)).append(System.lineSeparator());
            }
        }
        for (String hint : hints.of(log)) {
            s.append(id).append(hint).append(System.lineSeparator());
        }
        return s.toString();
    }
}
