package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.SelectionValue;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AWS (non-proxy) integration with a service other than Lambda (reference 4.2, 5.2, 6.1): sends
 * the mapped request (headers and query parameters from {@code requestParameters}, the body from
 * the request template or passed through) to the host's {@link AwsServiceBackend}, and returns the
 * service's answer as the endpoint response, from which the integration response is selected by
 * status code. Only mapped headers are sent (our reading of the "Content-Type" mapping AWS's SQS
 * example needs).
 *
 * <p>Without a bound backend, or when the URI's stage variables are undefined, every call is a
 * configuration error (500). A timeout of the backend is INTEGRATION_TIMEOUT (504), another failure
 * INTEGRATION_FAILURE (504 {@code Network error communicating with endpoint}); a body over 10 MB or
 * a status outside 100 to 599 is 502, as for HTTP backends.
 */
public final class AwsServiceInvoker implements IntegrationInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(AwsServiceInvoker.class);
    private static final String STEP = "integration";

    private final AwsServiceUri uri;
    private final RequestParameters parameters;
    private final String httpMethod;
    private final String credentials;
    private final Duration timeout;

    AwsServiceInvoker(Integration integration) {
        uri = AwsServiceUri.parse(integration.uri().orElseThrow());
        parameters = new RequestParameters(integration.requestParameters(), integration.type());
        httpMethod = integration.httpMethod().orElseThrow().toUpperCase(Locale.ROOT);
        credentials = integration.credentials().orElse("");
        timeout = Duration.ofMillis(integration.timeoutInMillis());
    }

    @Override
    public Response invoke(Exchange exchange) {
        parameters.checkTargets(exchange);
        AwsServiceUri.Target target =
                uri.resolve(parameters.pathValues(exchange), exchange.stageVariables())
                        .orElseThrow(
                                () ->
                                        configurationError(
                                                exchange,
                                                "Invalid AWS service URI after stage variables: "
                                                        + uri));
        AwsServiceBackend backend =
                exchange.backends()
                        .awsService()
                        .orElseThrow(
                                () ->
                                        configurationError(
                                                exchange,
                                                "no AwsServiceBackend is bound for the "
                                                        + target.service()
                                                        + " integration "
                                                        + uri
                                                        + " (Api.builder().awsServiceBackend)"));
        AwsServiceRequest request =
                new AwsServiceRequest(
                        target.region(),
                        target.service(),
                        target.subdomain(),
                        target.action(),
                        target.path(),
                        httpMethod,
                        parameters.headers(exchange),
                        parameters.queryParameters(exchange),
                        exchange.integrationRequest().body(),
                        credentials,
                        timeout);
        exchange.trace()
                .data(
                        STEP,
                        "Endpoint request: ",
                        request.service()
                                + " "
                                + (request.action().isEmpty()
                                        ? "path/" + request.path()
                                        : "action/" + request.action()));
        exchange.trace().data(STEP, "Endpoint request headers: ", request.headers());
        BackendResponse response = send(exchange, backend, request);
        Headers.Builder headers =
                response.headers().toBuilder()
                        .remove(SelectionValue.FUNCTION_ERROR)
                        .remove(SelectionValue.EXECUTED_VERSION);
        return Response.builder()
                .statusCode(response.statusCode())
                .headers(headers.build())
                .body(response.body())
                .build();
    }

    /**
     * Sends {@code request} through the host's backend and returns its answer: a timeout is
     * INTEGRATION_TIMEOUT, any other failure of the backend (or a null answer) INTEGRATION_FAILURE,
     * each with its execution-log line. Shared by REST {@code AWS} integrations and HTTP API
     * service integrations.
     */
    public static BackendResponse send(
            Exchange exchange, AwsServiceBackend backend, AwsServiceRequest request) {
        return send(exchange.trace(), backend, request);
    }

    /**
     * Sends {@code request} through {@code backend} outside a request pipeline (a WebSocket API's
     * routes, reference 7.3), the execution-log lines going to {@code trace}; failures as {@link
     * #send(Exchange, AwsServiceBackend, AwsServiceRequest)}.
     */
    public static BackendResponse send(
            ExecutionTrace trace, AwsServiceBackend backend, AwsServiceRequest request) {
        BackendResponse response;
        try {
            response = backend.call(request);
        } catch (HttpBackendException e) {
            if (e.failure() == HttpBackendException.Failure.TIMEOUT) {
                trace.error(STEP, "Execution failed due to a timeout error: ", e.getMessage());
                throw GatewayException.of(GatewayResponseType.INTEGRATION_TIMEOUT);
            }
            throw networkError(trace, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("AWS service backend failed on {}", request.service(), e);
            throw networkError(trace, "the AWS service backend threw " + e);
        }
        if (response == null) {
            throw networkError(trace, "the AWS service backend returned null");
        }
        trace.data(STEP, "Endpoint response headers: ", response.headers());
        if (trace.isRecording()) {
            trace.data(
                    STEP,
                    "Endpoint response body before transformations: ",
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.body().length > HttpEndpoint.MAX_RESPONSE_BYTES
                || response.statusCode() < 100
                || response.statusCode() > 599) {
            trace.error(
                    STEP,
                    "Execution failed: invalid endpoint response, status ",
                    response.statusCode() + ", " + response.body().length + " bytes");
            throw GatewayException.of(
                    GatewayResponseType.INTEGRATION_FAILURE, 502, "Internal server error");
        }
        return response;
    }

    private static GatewayException configurationError(Exchange exchange, String reason) {
        exchange.trace().error(STEP, "Execution failed due to configuration error: ", reason);
        return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    private static GatewayException networkError(ExecutionTrace trace, String detail) {
        trace.error(
                STEP,
                "Execution failed due to a network error communicating with endpoint: ",
                detail);
        return GatewayException.of(
                GatewayResponseType.INTEGRATION_FAILURE,
                "Network error communicating with endpoint");
    }
}
