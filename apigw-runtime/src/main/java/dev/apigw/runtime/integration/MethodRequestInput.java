package dev.apigw.runtime.integration;

import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.parameters.ParameterInput;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.List;
import java.util.Optional;

/**
 * The method request of one exchange as integration request mappings read it (reference 5.2): path
 * parameters of the matched route, the query string, the client's headers, the payload (parsed as
 * JSON at most once), stage variables and {@code $context} variables. Belongs to one call.
 */
final class MethodRequestInput implements ParameterInput {
    private final Exchange exchange;

    MethodRequestInput(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(exchange.route().pathParameters().get(name));
    }

    @Override
    public List<String> queryValues(String name) {
        return exchange.queryParameters().getOrDefault(name, List.of());
    }

    @Override
    public List<String> headerValues(String name) {
        return exchange.request().headers().values(name);
    }

    @Override
    public String body() {
        return exchange.payload().text();
    }

    @Override
    public Optional<JsonDocument> bodyJson() {
        return exchange.payload().json();
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
