package dev.apigw.runtime.websocket;

import dev.apigw.model.ApiKey;
import dev.apigw.model.WebSocketApi;
import dev.apigw.runtime.pipeline.ApiKeys;
import dev.apigw.runtime.pipeline.UsagePlans;
import java.util.Optional;

/**
 * Checks the API key of a {@code $connect} route with {@code apiKeyRequired} (reference 7.3, 8.2),
 * as REST API keys are checked ({@code ApiKeyStep}): the key is read where the API's {@code
 * apiKeySelectionExpression} says, the {@code x-api-key} header (any casing) or the {@code
 * usageIdentifierKey} the Lambda authorizer returned; it must be one of the account's keys, enabled
 * and in a usage plan covering this API and stage ({@link ApiKeys}, {@link UsagePlans}). Usage plan
 * throttles and quotas are not counted for connections. Immutable and thread-safe.
 */
final class ConnectApiKey {
    private final boolean fromAuthorizer;
    private final ApiKeys keys;
    private final UsagePlans plans;
    private final String stageName;

    ConnectApiKey(WebSocketApi api, ApiKeys keys, UsagePlans plans, String stageName) {
        this.fromAuthorizer =
                api.apiKeySelectionExpression().equals(WebSocketApi.API_KEY_AUTHORIZER);
        this.keys = keys;
        this.plans = plans;
        this.stageName = stageName;
    }

    /**
     * Returns the valid key of this upgrade request, or empty (refused with 403) when it is
     * missing, unknown, disabled or in no plan of this stage.
     */
    Optional<ApiKey> check(ConnectRequest request, Optional<String> usageIdentifierKey) {
        String value = fromAuthorizer ? usageIdentifierKey.orElse("") : request.header("x-api-key");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return keys.find(value)
                .filter(ApiKey::enabled)
                .filter(key -> plans.find(key.id(), stageName) != null);
    }
}
