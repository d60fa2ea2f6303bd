package dev.apigw.runtime.mapping;

import java.util.Map;
import java.util.Objects;

/**
 * The variables a template sees.
 *
 * @param input {@code $input}
 * @param context {@code $context}, a nested map ({@code identity.sourceIp} is {@code
 *     context.identity.sourceIp}); request templates may add overrides to it
 * @param stageVariables {@code $stageVariables}
 */
public record TemplateVariables(Input input, Map<String, Object> context,
        Map<String, String> stageVariables) {
    /** Checks that no field is null. */
    public TemplateVariables {
        Objects.requireNonNull(input);
        Objects.requireNonNull(context);
        Objects.requireNonNull(stageVariables);
    }
}
