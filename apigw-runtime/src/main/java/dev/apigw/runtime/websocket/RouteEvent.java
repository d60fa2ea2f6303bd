package dev.apigw.runtime.websocket;

import dev.apigw.model.LoggingLevel;
import dev.apigw.model.WebSocketRouteSettings;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.observe.AccessLogVariables;
import dev.apigw.runtime.pipeline.AccessLogFormat;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code $connect}, message or {@code $disconnect} of a WebSocket API as its stage observes it
 * (reference 10.1, 10.2, 10.3): the integration's call, timed ({@code IntegrationLatency}, not for
 * {@code MOCK}) and counted by its outcome ({@code IntegrationError} for a 4xx or 5xx answer,
 * {@code ExecutionError} for a failed call); API Gateway's own 4xx ({@code ClientError}); the
 * execution log at the route's {@code loggingLevel} and {@code dataTraceEnabled}; and, when the
 * event ends, its access-log line with the WebSocket {@code $context} variables ({@link
 * RouteContext}) and the access-log-only ones: {@code status}, {@code integrationLatency}, {@code
 * integration.latency}, {@code integrationStatus}, {@code integration.status}, {@code
 * responseLatency}, {@code error.message} and {@code error.messageString}. One event belongs to one
 * thread.
 */
final class RouteEvent {
    private static final Logger LOG = LoggerFactory.getLogger(RouteEvent.class);
    private static final String STEP = "websocket";

    private final WebSocketObserver observer;
    private final WebSocketEvents.Call call;
    private final Optional<String> messageId;
    private final Instant startedAt;
    private final ExecutionTrace trace = ExecutionTrace.off();
    private ConnectionRecord connection;
    private Duration integrationLatency;
    private int integrationStatus;
    private String errorMessage;

    RouteEvent(
            WebSocketObserver observer,
            ConnectionRecord connection,
            WebSocketEvents.Call call,
            Optional<String> messageId,
            Instant startedAt) {
        this.observer = observer;
        this.connection = connection;
        this.call = call;
        this.messageId = messageId;
        this.startedAt = startedAt;
    }

    /** Opens the execution log at the route's level and writes its opening lines. */
    void open(Optional<Frame> message) {
        WebSocketStageSettings settings = settings();
        if (settings.level() != LoggingLevel.OFF) {
            trace.startLogging(
                    observer.executionLog(),
                    settings.level(),
                    settings.dataTrace(),
                    call.requestId());
            trace.logOnly("Extended Request Id: " + call.requestId());
        }
        if (!trace.isLogging()) {
            return;
        }
        trace.add(STEP, "Starting execution for request: ", call.requestId());
        trace.add(STEP, "WebSocket Request Route: ", "[" + routeKeyOrDash() + "]");
        trace.add(STEP, "Connection Id: ", connection.connectionId());
        message.ifPresent(
                m ->
                        trace.data(
                                STEP,
                                "Method request body before transformations: ",
                                m.text() ? m.asText() : "[binary, " + m.length() + " bytes]"));
    }

    /** A route's execution-log level and {@code dataTraceEnabled}. */
    private record WebSocketStageSettings(LoggingLevel level, boolean dataTrace) {}

    private WebSocketStageSettings settings() {
        WebSocketRouteSettings settings =
                call.routeKey() == null
                        ? observer.stage().defaultRouteSettings()
                        : observer.stage().settingsOf(call.routeKey());
        LoggingLevel level =
                settings.loggingLevel() == null ? LoggingLevel.OFF : settings.loggingLevel();
        return new WebSocketStageSettings(level, settings.dataTraceEnabled());
    }

    /** The connection as {@code $connect}'s access control completed it. */
    void connection(ConnectionRecord granted) {
        this.connection = granted;
    }

    /**
     * Calls {@code integration} with {@code request}, timing and counting its outcome, and logs
     * what it answered.
     */
    RouteAnswer invoke(RouteIntegration integration, RouteRequest request) {
        Instant start = observer.gateway().clock().instant();
        RouteAnswer answer = integration.invoke(request);
        Duration latency = Duration.between(start, observer.gateway().clock().instant());
        String routeKey = call.routeKey();
        if (!observer.isMock(routeKey)) {
            integrationLatency = latency;
            observer.meters(m -> m.integrationLatency(routeKey, latency));
        }
        if (answer.failed()) {
            errorMessage = ErrorFrames.messageOf(answer.statusCode());
            observer.meters(m -> m.executionError(routeKey));
            trace.error(
                    STEP,
                    "Execution failed due to an integration failure, status: ",
                    answer.statusCode());
            return answer;
        }
        integrationStatus = answer.statusCode();
        if (integrationStatus >= 400) {
            observer.meters(m -> m.integrationError(routeKey));
        }
        trace.add(
                STEP,
                "Received response. Status: ",
                integrationStatus + ", Integration latency: " + latency.toMillis() + " ms");
        if (trace.isLogging()) {
            trace.data(
                    STEP,
                    "Endpoint response body before transformations: ",
                    answer.body().map(Frame::asText).orElse(""));
        }
        return answer;
    }

    /**
     * Records that API Gateway answered {@code statusCode} with {@code message} before the
     * integration ({@code ClientError} when 4xx): no route, throttled, refused access.
     */
    void refused(int statusCode, String message) {
        errorMessage = message;
        if (statusCode >= 400 && statusCode < 500) {
            observer.meters(m -> m.clientError(call.routeKey()));
        }
        trace.error(STEP, "Execution failed: ", statusCode + " " + message);
    }

    /** Counts a frame this event sent to its client ({@code MessageCount}). */
    void sent() {
        observer.sent(call.routeKey());
    }

    /** Ends the event with {@code statusCode}: closes its execution log, writes its access log. */
    void finish(int statusCode) {
        trace.add(STEP, "Method completed with status: ", statusCode);
        AccessLogFormat format = observer.accessLog();
        if (format == null) {
            return;
        }
        Duration responseLatency =
                Duration.between(startedAt, observer.gateway().clock().instant());
        Map<String, String> own = new HashMap<>();
        own.put("status", Integer.toString(statusCode));
        own.put("responseLatency", Long.toString(responseLatency.toMillis()));
        if (integrationLatency != null) {
            own.put("integrationLatency", Long.toString(integrationLatency.toMillis()));
            own.put("integration.latency", Long.toString(integrationLatency.toMillis()));
        }
        if (integrationStatus > 0) {
            own.put("integrationStatus", Integer.toString(integrationStatus));
            own.put("integration.status", Integer.toString(integrationStatus));
        }
        if (errorMessage != null) {
            own.put("error.message", errorMessage);
            own.put("error.messageString", AccessLogVariables.quote(errorMessage));
        }
        Map<String, Object> context =
                RouteContext.of(
                        new RouteRequest(
                                connection, call, messageId, Optional.empty(), () -> new byte[0]),
                        observer.domainName());
        String line =
                format.render(
                        path ->
                                own.containsKey(path)
                                        ? own.get(path)
                                        : RouteContext.lookup(context, path).orElse(null));
        try {
            observer.gateway().accessLog().write(format.destinationArn(), line);
        } catch (RuntimeException e) {
            LOG.warn("the access log sink failed for request {}", call.requestId(), e);
        }
    }

    private String routeKeyOrDash() {
        return call.routeKey() == null ? "-" : call.routeKey();
    }
}
