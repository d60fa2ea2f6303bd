package dev.apigw.runtime.observe;

import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.AccessLogFormat;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestRecord;
import dev.apigw.runtime.pipeline.Step;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outermost step of the REST and HTTP API pipelines (only the metrics step, when the account has a
 * registry, comes before it): closes the execution log with the method response and its status
 * (reference 10.2), then writes the request's access-log line once the response is final (reference
 * 10.3): the stage's {@code accessLogSettings.format} rendered from the most resolved exchange,
 * with the final status, length and latency (by the account's clock, from the request's arrival),
 * to the account's {@link dev.apigw.runtime.spi.AccessLogSink} at the stage's {@code
 * destinationArn} ({@code destinationArn + "/Canary"} for a canary request, reference 9.2). A
 * request that reached no stage, or a stage without access logging, writes none; a sink that throws
 * is logged and never reaches the caller.
 */
public final class ObserveStep implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(ObserveStep.class);
    private static final String STEP = "method-response";

    private final Function<Exchange, Optional<String>> stageName;

    /** Returns the step of REST APIs, whose stage is the exchange's resolved stage. */
    public ObserveStep() {
        this(e -> e.resolvedStage().map(s -> s.stage().stageName()));
    }

    private ObserveStep(Function<Exchange, Optional<String>> stageName) {
        this.stageName = stageName;
    }

    /**
     * Returns the step of a kind of API that resolves its stage its own way (an HTTP API's stage,
     * reference 10.4): {@code stageName} reads the stage's name from the most resolved exchange,
     * empty when the request reached no stage.
     */
    public static ObserveStep resolvingStage(Function<Exchange, Optional<String>> stageName) {
        return new ObserveStep(Objects.requireNonNull(stageName));
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        Response response = next.proceed(exchange);
        ExecutionTrace trace = exchange.trace();
        if (trace.isRecording()) {
            trace.data(
                    STEP, "Method response body after transformations: ", response.bodyAsString());
            trace.data(STEP, "Method response headers: ", response.headers());
            if (exchange.record().errorType().isEmpty()) {
                trace.add(STEP, "Successfully completed execution");
            }
        }
        trace.add(STEP, "Method completed with status: ", response.statusCode());
        Map<String, AccessLogFormat> formats = exchange.state().accessLogFormats();
        if (!formats.isEmpty()) {
            accessLog(exchange, response, formats);
        }
        return response;
    }

    private void accessLog(
            Exchange exchange, Response response, Map<String, AccessLogFormat> formats) {
        RequestRecord record = exchange.record();
        Exchange latest = record.latest() != null ? record.latest() : exchange;
        Optional<String> stage = stageName.apply(latest);
        if (stage.isEmpty()) {
            return;
        }
        AccessLogFormat format = formats.get(stage.get());
        if (format == null) {
            return;
        }
        record.responded(
                response.statusCode(),
                response.bodyLength(),
                Duration.between(exchange.requestTime(), exchange.gateway().clock().instant()));
        String destination =
                latest.isCanaryRequest()
                        ? format.destinationArn() + "/Canary"
                        : format.destinationArn();
        String line = format.render(latest);
        try {
            exchange.gateway().accessLog().write(destination, line);
        } catch (RuntimeException e) {
            LOG.warn("the access log sink failed for request {}", exchange.requestId(), e);
        }
    }
}
