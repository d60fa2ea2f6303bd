package dev.apigw.runtime.observe;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestRecord;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code $context} variables only access logs have (reference 1.2, "access-log-only REST
 * variables", and 10.3), read from the request's {@link RequestRecord} once the response is final:
 * {@code status}, {@code responseLength}, {@code responseLatency} (ms), {@code integrationLatency}
 * and {@code integration.latency} (ms), {@code integration.status} (the backend's status; for a
 * Lambda proxy, the function's), {@code integrationStatus} and {@code
 * integration.integrationStatus} (for a Lambda proxy, Lambda's own status, 200 once the function
 * answered), {@code error.message}, {@code error.messageString} (quoted), {@code
 * error.responseType} (from the gateway response the request got) and {@code xrayTraceId} (when the
 * request is traced, reference 10.5). Variables AWS fills from features this runtime does not have
 * ({@code wafResponseCode}, {@code waf.*}, {@code authorize.*}, {@code authenticate.*}, {@code
 * customDomain.*}, {@code integration.error}, {@code integration.requestId}) are left unset and
 * render {@code -}.
 */
public final class AccessLogVariables {
    private AccessLogVariables() {}

    /** Registers the access-log-only variables. */
    public static void register(ContextVariables.Builder variables) {
        variables
                .register("status", e -> positive(e.record().status()))
                .register("responseLength", AccessLogVariables::responseLength)
                .register("responseLatency", e -> millis(e.record().responseLatency()))
                .register("integrationLatency", e -> millis(e.record().integrationLatency()))
                .register("integrationStatus", AccessLogVariables::integrationServiceStatus)
                .register("integration.latency", e -> millis(e.record().integrationLatency()))
                .register("integration.status", e -> positive(e.record().integrationStatus()))
                .register(
                        "integration.integrationStatus",
                        AccessLogVariables::integrationServiceStatus)
                .register("error.message", e -> e.record().errorMessage().orElse(null))
                .register("error.messageString", AccessLogVariables::messageString)
                .register(
                        "error.responseType",
                        e -> e.record().errorType().map(GatewayResponseType::name).orElse(null))
                .register("xrayTraceId", TraceId::xrayTraceId);
    }

    private static String responseLength(Exchange e) {
        return e.record().responseLatency().isPresent()
                ? Long.toString(e.record().responseLength())
                : null;
    }

    private static String messageString(Exchange e) {
        if (e.record().errorType().isEmpty()) {
            return null;
        }
        return e.record().errorMessage().map(AccessLogVariables::quote).orElse("null");
    }

    /**
     * Returns {@code $context.integrationStatus}: for a Lambda proxy integration the status of the
     * Lambda service's answer, 200 whenever the function answered; else the backend's status.
     */
    private static String integrationServiceStatus(Exchange e) {
        int status = e.record().integrationStatus();
        if (status == 0) {
            return null;
        }
        boolean lambdaProxy =
                e.matchedRoute()
                        .map(r -> ((CompiledMethod) r.target()).integration().type())
                        .filter(t -> t == IntegrationType.AWS_PROXY)
                        .isPresent();
        return lambdaProxy ? "200" : Integer.toString(status);
    }

    private static String positive(int value) {
        return value > 0 ? Integer.toString(value) : null;
    }

    private static String millis(Optional<Duration> duration) {
        return duration.map(d -> Long.toString(d.toMillis())).orElse(null);
    }

    /**
     * Returns {@code text} in double quotes, its quotes and backslashes escaped ({@code
     * $context.error.messageString}).
     */
    public static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.append('"').toString();
    }
}
