package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.integration.AwsServiceInvoker;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP API AWS service integration ({@code AWS_PROXY} with an {@code integrationSubtype},
 * reference 4.2, 11.1): per request evaluates the subtype's parameters ({@link MappingValue},
 * reference 5.5), calls the host's {@link AwsServiceBackend} with the service and action of the
 * subtype and the parameters as the service's API takes them ({@link ServiceRequests}), and gives
 * the client the service's status, body and {@code Content-Type}.
 *
 * <p>Failures answer as reference 3.3 says: no backend bound, a backend that throws or returns
 * nothing usable (a status outside 100 to 599, a body over 10 MB) 500 {@code Internal Server
 * Error}; no answer within the integration's {@code timeoutInMillis} ({@link
 * HttpBackendException.Failure#TIMEOUT}) 503 {@code Service Unavailable}.
 */
final class ServiceIntegration implements RouteIntegration {
    private static final String STEP = "integration";
    private static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    private final String integrationId;
    private final IntegrationSubtype subtype;
    private final Map<String, MappingValue> parameters;
    private final String defaultRegion;
    private final String credentials;
    private final Duration timeout;

    private ServiceIntegration(HttpIntegration integration, String defaultRegion) {
        this.integrationId = integration.integrationId();
        this.subtype = integration.integrationSubtype().orElseThrow();
        Map<String, MappingValue> compiled = new LinkedHashMap<>();
        integration
                .requestParameters()
                .forEach((name, value) -> compiled.put(name, compile(name, value)));
        this.parameters = Collections.unmodifiableMap(compiled);
        this.defaultRegion = defaultRegion;
        this.credentials = integration.credentialsArn().orElse("");
        this.timeout = Duration.ofMillis(integration.timeoutInMillis());
    }

    /**
     * Compiles the service integration {@code integration} for an API in {@code defaultRegion};
     * fails naming the integration and the parameter whose value does not parse.
     */
    static ServiceIntegration compile(HttpIntegration integration, String defaultRegion) {
        return new ServiceIntegration(integration, defaultRegion);
    }

    private MappingValue compile(String name, String value) {
        try {
            return MappingValue.compile(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "integration " + integrationId + ": parameter " + name + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Response invoke(Exchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> values.put(name, value.evaluate(exchange)));
        AwsServiceRequest request =
                ServiceRequests.request(subtype, values, defaultRegion, credentials, timeout);
        AwsServiceBackend backend =
                exchange.backends()
                        .awsService()
                        .orElseThrow(
                                () ->
                                        configurationError(
                                                exchange,
                                                "no AwsServiceBackend is bound for the "
                                                        + subtype.awsName()
                                                        + " integration "
                                                        + integrationId
                                                        + " (Api.builder().awsServiceBackend)"));
        exchange.trace()
                .data(
                        STEP,
                        "Endpoint request: ",
                        request.service() + " " + request.action() + " in " + request.region());
        BackendResponse answer = call(exchange, backend, request);
        Response.Builder response = Response.builder().statusCode(answer.statusCode());
        answer.headers()
                .first("Content-Type")
                .ifPresent(type -> response.setHeader("content-type", type));
        return response.body(answer.body()).build();
    }

    private BackendResponse call(
            Exchange exchange, AwsServiceBackend backend, AwsServiceRequest request) {
        BackendResponse answer = AwsServiceInvoker.send(exchange, backend, request);
        if (answer.statusCode() < 100
                || answer.statusCode() > 599
                || answer.body().length > MAX_RESPONSE_BYTES) {
            throw failure(
                    exchange,
                    "invalid service response, status "
                            + answer.statusCode()
                            + ", "
                            + answer.body().length
                            + " bytes");
        }
        return answer;
    }

    private static GatewayException failure(Exchange exchange, String reason) {
        exchange.trace().error(STEP, "Execution failed: ", reason);
        return GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE);
    }

    private static GatewayException configurationError(Exchange exchange, String reason) {
        exchange.trace().error(STEP, "Execution failed due to configuration error: ", reason);
        return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
}
