package dev.apigw.runtime.integration;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.EndpointBody;
import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.parameters.ParameterInput;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.List;
import java.util.Optional;

/**
 * The integration response of one call as method response mappings read it (reference 5.3): the
 * endpoint's headers, its body (parsed at most once, through the response's {@link EndpointBody}),
 * the JSON inside a Lambda function error's {@code errorMessage} (reference 1.7, T12), stage
 * variables and {@code $context} variables. Belongs to one response.
 */
final class IntegrationResponseInput implements ParameterInput {
    private final Response endpoint;
    private final EndpointBody body;
    private final Exchange exchange;

    IntegrationResponseInput(Response endpoint, EndpointBody body, Exchange exchange) {
        this.endpoint = endpoint;
        this.body = body;
        this.exchange = exchange;
    }

    @Override
    public List<String> headerValues(String name) {
        return endpoint.headers().values(name);
    }

    @Override
    public String body() {
        return endpoint.bodyAsString();
    }

    @Override
    public Optional<JsonDocument> bodyJson() {
        return body.json();
    }

    @Override
    public Optional<JsonDocument> errorMessage() {
        return body.errorMessage();
    }

    @Override
    public Optional<String> stageVariable(String name) {
        return Optional.ofNullable(exchange.stageVariables().get(name));
    }

    @Override
    public Optional<String> contextVariable(String name) {
        return Optional.ofNullable(ContextVariables.get(exchange, name));
    }
}
