package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.HttpBackendException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends integration requests through the host's {@link dev.apigw.runtime.spi.HttpBackend} with an
 * integration's timeout and TLS setting, and turns the host's failures into gateway errors
 * (reference 3.1, 3.3 and 9.5): shared by REST HTTP integrations and HTTP API HTTP proxies.
 * Immutable and thread-safe. Internal.
 */
public final class EndpointSender {
    /** The largest endpoint response body API Gateway passes on (reference 9.5). */
    public static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    private static final String NETWORK_ERROR = "Network error communicating with endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(EndpointSender.class);

    private final Duration timeout;
    private final boolean insecureSkipVerification;

    /** Returns a sender waiting {@code timeout} for each answer. */
    public EndpointSender(Duration timeout, boolean insecureSkipVerification) {
        this.timeout = timeout;
        this.insecureSkipVerification = insecureSkipVerification;
    }

    /**
     * Sends a request to the endpoint and returns its answer. A timeout is INTEGRATION_TIMEOUT (504
     * {@code Endpoint request timed out}); a network failure, or any other exception or a null
     * answer from the host's backend, is INTEGRATION_FAILURE (504 {@code Network error
     * communicating with endpoint}); a body over 10 MB, a status outside 100 to 599, a header that
     * is not a valid RFC 9110 field, or an answer the backend reports as {@code INVALID_RESPONSE}
     * (too many headers, an endless status line) is INTEGRATION_FAILURE with 502 {@code Internal
     * server error} (our choice).
     */
    public BackendResponse send(
            Exchange exchange, String method, URI target, Headers headers, byte[] body) {
        return send(
                exchange.backends().httpBackend(), exchange.trace(), method, target, headers, body);
    }

    /**
     * Sends a request through {@code backend} outside a request pipeline (a WebSocket API's routes,
     * reference 7.3), the execution-log lines going to {@code trace}; failures as {@link
     * #send(Exchange, String, URI, Headers, byte[])}.
     */
    public BackendResponse send(
            HttpBackend backend,
            ExecutionTrace trace,
            String method,
            URI target,
            Headers headers,
            byte[] body) {
        BackendRequest request =
                new BackendRequest(
                        method, target, headers, body, timeout, insecureSkipVerification);
        trace.add("integration", "Endpoint request URI: ", target);
        trace.data("integration", "Endpoint request headers: ", headers);
        BackendResponse response;
        try {
            response = backend.send(request);
        } catch (HttpBackendException e) {
            if (e.failure() == HttpBackendException.Failure.TIMEOUT) {
                trace.error(
                        "integration", "Execution failed due to a timeout error: ", e.getMessage());
                throw GatewayException.of(GatewayResponseType.INTEGRATION_TIMEOUT);
            }
            if (e.failure() == HttpBackendException.Failure.INVALID_RESPONSE) {
                throw badAnswer(trace, e.getMessage());
            }
            throw networkError(trace, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("HTTP backend failed on {} {}", method, target, e);
            throw networkError(trace, "the HTTP backend threw " + e);
        }
        if (response == null) {
            throw networkError(trace, "the HTTP backend returned null");
        }
        return checked(trace, response);
    }

    private static BackendResponse checked(ExecutionTrace trace, BackendResponse response) {
        trace.data("integration", "Endpoint response headers: ", response.headers());
        if (trace.isRecording()) {
            trace.data(
                    "integration",
                    "Endpoint response body before transformations: ",
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            throw badAnswer(
                    trace,
                    "endpoint response body of "
                            + response.body().length
                            + " bytes exceeds the 10 MB limit");
        }
        if (response.statusCode() < 100 || response.statusCode() > 599) {
            throw badAnswer(trace, "invalid endpoint status " + response.statusCode());
        }
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            if (!Headers.isValidName(headers.name(i)) || !Headers.isValidValue(headers.value(i))) {
                throw badAnswer(trace, "invalid endpoint response header " + headers.name(i));
            }
        }
        return response;
    }

    /** A backend answer API Gateway does not pass on: 502 INTEGRATION_FAILURE (our choice). */
    private static GatewayException badAnswer(ExecutionTrace trace, String detail) {
        trace.error("integration", "Execution failed: ", detail);
        return GatewayException.of(
                GatewayResponseType.INTEGRATION_FAILURE, 502, "Internal server error");
    }

    private static GatewayException networkError(ExecutionTrace trace, String detail) {
        trace.error(
                "integration",
                "Execution failed due to a network error communicating with endpoint: ",
                detail);
        return GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE, NETWORK_ERROR);
    }
}
