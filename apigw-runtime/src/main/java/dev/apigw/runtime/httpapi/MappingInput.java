package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.parameters.ParameterInput;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.routing.RouteMatch;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the value expressions of HTTP API parameter mappings read for one call (reference 5.5): the
 * routed request or, on the response side, the integration's answer, with the stage's variables and
 * the {@code $context} variables of the pipeline. A JSONPath reads the body truncated to 100 KB,
 * parsed at most once per input. Belongs to one call.
 */
final class MappingInput implements ParameterInput {
    /** How much of a body a JSONPath reads (reference 5.5). */
    static final int BODY_PATH_BYTES = 100 * 1024;

    private final Exchange exchange;
    private final Response response;
    private JsonDocument json;
    private boolean parsed;

    private MappingInput(Exchange exchange, Response response) {
        this.exchange = exchange;
        this.response = response;
    }

    /** Returns the input of the request side. */
    static MappingInput request(Exchange exchange) {
        return new MappingInput(exchange, null);
    }

    /** Returns the input of the response side: the integration's answer {@code response}. */
    static MappingInput response(Exchange exchange, Response response) {
        return new MappingInput(exchange, response);
    }

    /** Returns the exchange the input reads. */
    Exchange exchange() {
        return exchange;
    }

    @Override
    public Optional<String> pathParameter(String name) {
        return exchange.matchedRoute()
                .map(RouteMatch::pathParameters)
                .map(parameters -> parameters.get(name));
    }

    @Override
    public List<String> queryValues(String name) {
        return response != null
                ? List.of()
                : exchange.queryParameters().getOrDefault(name, List.of());
    }

    @Override
    public List<String> headerValues(String name) {
        return response != null
                ? response.headers().values(name)
                : exchange.request().headers().values(name);
    }

    @Override
    public String body() {
        return response != null ? response.bodyAsString() : exchange.payload().text();
    }

    @Override
    public Optional<JsonDocument> bodyJson() {
        if (response == null && exchange.request().bodyLength() <= BODY_PATH_BYTES) {
            return exchange.payload().json();
        }
        if (!parsed) {
            parsed = true;
            byte[] body = response != null ? response.body() : exchange.request().body();
            if (body.length > 0) {
                byte[] truncated =
                        body.length > BODY_PATH_BYTES ? Arrays.copyOf(body, BODY_PATH_BYTES) : body;
                json = JsonDocument.parse(truncated).orElse(null);
            }
        }
        return Optional.ofNullable(json);
    }

    @Override
    public Optional<String> stageVariable(String name) {
        return exchange.attribute(HttpResolution.KEY)
                .map(resolution -> resolution.stage().stageVariables().get(name));
    }

    @Override
    public Optional<String> contextVariable(String name) {
        return Optional.ofNullable(exchange.state().contextVariables().value(exchange, name));
    }

    /** Returns the request path without the stage ({@code $request.path}); empty if unresolved. */
    String requestPath() {
        return exchange.attribute(HttpResolution.KEY).map(HttpResolution::path).orElse("");
    }

    /** Returns whether this is the response side. */
    boolean isResponse() {
        return response != null;
    }
}
