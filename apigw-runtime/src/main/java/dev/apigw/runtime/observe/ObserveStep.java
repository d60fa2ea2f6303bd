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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outermost step of the REST pipeline (only the metrics step, when the account has a registry,
 * comes before it): closes the execution log with the method response and its status (reference
 * 10.2), then writes the request's access-log line once the response is final (reference 10.3): the
 * stage's {@code accessLogSettings.format} rendered from the most resolved exchange, with the final
 * status, length and latency (by the account's clock, from the request's arrival), to the account's
 * {@link dev.apigw.runtime.spi.AccessLogSink} at the stage's {@code destinationArn} ({@code
 * destinationArn + "/Canary"} for a canary request, reference 9.2). A request that reached no
 * stage, or a stage without access logging, writes none; a sink that throws is logged and never
 * reaches the caller.
 */
public final class ObserveStep implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(ObserveStep.class);
    private static final String STEP = "method-response";

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

    private static void accessLog(
            Exchange exchange, Response response, Map<String, AccessLogFormat> formats) {
        RequestRecord record = exchange.record();
        Exchange latest = record.latest() != null ? record.latest() : exchange;
        if (latest.resolvedStage().isEmpty()) {
            return;
        }
        AccessLogFormat format = formats.get(latest.stageSettings().stageName());
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
