package dev.apigw.runtime.websocket;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.integration.AwsServiceInvoker;
import dev.apigw.runtime.integration.AwsServiceUri;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS service of a WebSocket {@code AWS} integration whose URI is no Lambda function (reference
 * 4.2, 6.1): {@code arn:aws:apigateway:{region}:{service}:action/{Action}} or {@code path/...}
 * ({@link AwsServiceUri}), called through the host's {@link AwsServiceBackend} ({@code
 * --aws-endpoint} in the local server) with the mapped headers, query parameters and body, as REST
 * {@code AWS} integrations are ({@link AwsServiceInvoker#send}). Without a bound backend, or when
 * the URI's stage variables are undefined, every call is a configuration error (500). Immutable and
 * thread-safe.
 */
final class ServiceCall implements IntegrationCall {
    private final AwsServiceUri uri;
    private final String httpMethod;
    private final String credentials;
    private final Duration timeout;
    private final Backends backends;
    private final Map<String, String> stageVariables;

    ServiceCall(
            WebSocketIntegration integration,
            Backends backends,
            Map<String, String> stageVariables) {
        this.uri = AwsServiceUri.parse(integration.integrationUri().orElseThrow());
        this.httpMethod = integration.integrationMethod().orElse("POST").toUpperCase(Locale.ROOT);
        this.credentials = integration.credentialsArn().orElse("");
        this.timeout = Duration.ofMillis(integration.timeoutInMillis());
        this.backends = backends;
        this.stageVariables = Map.copyOf(stageVariables);
    }

    @Override
    public Answer call(RouteRequest request, Mapped mapped) {
        AwsServiceUri.Target target =
                uri.resolve(mapped.parameters().path(), stageVariables)
                        .orElseThrow(ServiceCall::configurationError);
        AwsServiceBackend service =
                backends.awsService().orElseThrow(ServiceCall::configurationError);
        Map<String, List<String>> query = new LinkedHashMap<>();
        mapped.parameters()
                .query()
                .forEach(
                        e ->
                                query.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                        .add(e.getValue()));
        AwsServiceRequest call =
                new AwsServiceRequest(
                        target.region(),
                        target.service(),
                        target.subdomain(),
                        target.action(),
                        target.path(),
                        httpMethod,
                        mapped.parameters().headers(),
                        query,
                        mapped.body(),
                        credentials,
                        timeout);
        BackendResponse response = AwsServiceInvoker.send(ExecutionTrace.off(), service, call);
        return new Answer(
                response.statusCode(), response.headers(), response.body(), Optional.empty());
    }

    private static GatewayException configurationError() {
        return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
}
