package dev.apigw.runtime.httpapi.observe;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.httpapi.CompiledHttpApi;
import dev.apigw.runtime.httpapi.CompiledRoute;
import dev.apigw.runtime.observe.AccessLogVariables;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code $context} variables of HTTP API access logs that only exist once the response is final
 * (reference 10.4), read from the request's record: {@code status}, {@code responseLength}, {@code
 * responseLatency} and {@code integrationLatency} (ms), {@code integration.latency}, {@code
 * integration.status} (the backend's status; for a Lambda proxy, the function's), {@code
 * integrationStatus} and {@code integration.integrationStatus} (for a Lambda proxy, Lambda's own
 * status, 200 once the function answered), {@code error.message}, {@code error.messageString}
 * (quoted), {@code error.responseType}, and {@code dataProcessed}: the bytes of the request's and
 * the response's bodies (unconfirmed, docs/differences.md). {@code integrationErrorMessage}, {@code
 * integration.error}, {@code integration.requestId}, {@code awsEndpointRequestId*} and {@code
 * customDomain.*} are left unset and render {@code -}.
 */
public final class HttpAccessLogVariables {
    private HttpAccessLogVariables() {}

    /** Registers the access-log-only variables of HTTP APIs. */
    public static void register(ContextVariables.Builder variables) {
        variables
                .register("status", e -> positive(e.record().status()))
                .register("responseLength", e -> whenFinal(e, e.record().responseLength()))
                .register("responseLatency", e -> millis(e.record().responseLatency()))
                .register("integrationLatency", e -> millis(e.record().integrationLatency()))
                .register("integrationStatus", HttpAccessLogVariables::serviceStatus)
                .register("integration.latency", e -> millis(e.record().integrationLatency()))
                .register("integration.status", e -> positive(e.record().integrationStatus()))
                .register("integration.integrationStatus", HttpAccessLogVariables::serviceStatus)
                .register("error.message", e -> e.record().errorMessage().orElse(null))
                .register("error.messageString", HttpAccessLogVariables::messageString)
                .register(
                        "error.responseType",
                        e -> e.record().errorType().map(GatewayResponseType::name).orElse(null))
                .register(
                        "dataProcessed",
                        e -> whenFinal(e, e.request().bodyLength() + e.record().responseLength()));
    }

    private static String whenFinal(Exchange e, long value) {
        return e.record().responseLatency().isPresent() ? Long.toString(value) : null;
    }

    private static String messageString(Exchange e) {
        if (e.record().errorType().isEmpty()) {
            return null;
        }
        return e.record().errorMessage().map(AccessLogVariables::quote).orElse("null");
    }

    /**
     * Returns {@code $context.integrationStatus}: 200 for a Lambda proxy integration whose function
     * answered, else the backend's status.
     */
    private static String serviceStatus(Exchange e) {
        int status = e.record().integrationStatus();
        if (status == 0) {
            return null;
        }
        return lambdaProxy(e) ? "200" : Integer.toString(status);
    }

    private static boolean lambdaProxy(Exchange e) {
        Optional<String> integrationId =
                e.matchedRoute()
                        .map(r -> r.target())
                        .filter(CompiledRoute.class::isInstance)
                        .flatMap(t -> ((CompiledRoute) t).route().integrationId());
        if (integrationId.isEmpty()) {
            return false;
        }
        HttpIntegration integration =
                e.state()
                        .feature(CompiledHttpApi.KEY)
                        .api()
                        .integrations()
                        .get(integrationId.get());
        return integration != null
                && integration.integrationType() == IntegrationType.AWS_PROXY
                && integration.integrationSubtype().isEmpty();
    }

    private static String positive(int value) {
        return value > 0 ? Integer.toString(value) : null;
    }

    private static String millis(Optional<Duration> duration) {
        return duration.map(d -> Long.toString(d.toMillis())).orElse(null);
    }
}
