package dev.apigw.runtime.apikey;

import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;

/**
 * Checks the API key of methods that require one (reference section 8.2): read from the {@code
 * x-api-key} header (any casing) when the API's key source is HEADER, or, when it is AUTHORIZER,
 * the {@code usageIdentifierKey} the method's Lambda authorizer returned (reference 8.2, 8.3; the
 * header is then ignored); the key must exist, be enabled and belong to a usage plan that covers
 * this API stage. Otherwise INVALID_API_KEY, 403 {@code {"message":"Forbidden"}}. Methods without
 * {@code apiKeyRequired} ignore keys.
 */
public final class ApiKeyStep implements Step {
    /**
     * Registers the {@code $context} variables of API keys (reference 1.2): {@code identity.apiKey}
     * and {@code identity.apiKeyId}, the key this step accepted; unset without one.
     */
    public static void contextVariables(ContextVariables.Builder variables) {
        variables
                .register("identity.apiKey", e -> e.apiKey().map(ApiKey::value).orElse(null))
                .register("identity.apiKeyId", e -> e.apiKey().map(ApiKey::id).orElse(null));
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        if (!exchange.method().method().apiKeyRequired()) {
            return next.proceed(exchange);
        }
        ApiKeySourceType source = exchange.stage().deployment().restApi().apiKeySource();
        String value =
                source == ApiKeySourceType.AUTHORIZER
                        ? exchange.caller()
                                .authorizerOutput()
                                .flatMap(AuthorizerOutput::usageIdentifier)
                                .orElse(null)
                        : exchange.request().headers().first("x-api-key").orElse(null);
        if (value == null) {
            exchange.trace().add("api-key", "API Key not provided");
            throw GatewayException.of(GatewayResponseType.INVALID_API_KEY);
        }
        ApiKey key = exchange.state().apiKeys().find(value).orElse(null);
        if (key == null || !key.enabled() || !inPlanOfStage(key, exchange)) {
            exchange.trace().add("api-key", "Invalid API Key identifier specified");
            throw GatewayException.of(GatewayResponseType.INVALID_API_KEY);
        }
        exchange.trace().add("api-key", "API Key authorized: ", key.id());
        return next.proceed(exchange.withApiKey(key));
    }

    private static boolean inPlanOfStage(ApiKey key, Exchange exchange) {
        return exchange.state().usagePlans().find(key.id(), exchange.stageSettings().stageName())
                != null;
    }
}
