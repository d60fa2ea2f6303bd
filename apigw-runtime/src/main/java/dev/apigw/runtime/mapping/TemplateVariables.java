package dev.apigw.runtime.mapping;

import java.util.Map;
import java.util.Objects;

/**
 * What a template sees, besides {@code $util}.
 *
 * @param body the payload of {@code $input}
 * @param parameters the request parameters of {@code $input.params}
 * @param context {@code $context}, a nested map ({@code identity.sourceIp} is {@code
 *     context.identity.sourceIp}), without the overrides
 * @param stageVariables {@code $stageVariables}
 * @param overrides the request's {@code requestOverride} and {@code responseOverride}, shown in
 *     {@code $context}
 */
public record TemplateVariables(
        Body body,
        Parameters parameters,
        Map<String, Object> context,
        Map<String, String> stageVariables,
        Overrides overrides) {
    /** Checks that no field is null. */
    public TemplateVariables {
        Objects.requireNonNull(body);
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(context);
        Objects.requireNonNull(stageVariables);
        Objects.requireNonNull(overrides);
    }
}
