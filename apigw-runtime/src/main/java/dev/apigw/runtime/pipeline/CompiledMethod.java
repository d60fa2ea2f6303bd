package dev.apigw.runtime.pipeline;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.runtime.mapping.MappingTemplate;
import java.util.Map;

/**
 * A resource method compiled for serving: its integration invoker, its mapping templates and what
 * each feature compiled for it (request validation, response parameter mappings), parsed once when
 * the API is built. A feature's compiled part is kept under the feature's own {@link AttributeKey},
 * so that this record names no feature and a feature package can hold both its compiled part and
 * its step. Internal.
 *
 * @param resource the resource
 * @param method the method
 * @param settingsKey the method's key in a stage's method settings, {@code path/METHOD}: the
 *     resource path without its leading slash (reference 9.1), made once
 * @param invoker calls the integration
 * @param requestTemplates compiled request templates by content type, in definition order
 * @param responseTemplates compiled response templates by integration response status, then by
 *     content type
 * @param features what each feature compiled for the method, by the feature's key
 */
public record CompiledMethod(
        Resource resource,
        Method method,
        String settingsKey,
        IntegrationInvoker invoker,
        Map<String, MappingTemplate> requestTemplates,
        Map<String, Map<String, MappingTemplate>> responseTemplates,
        Attributes features)
        implements Target {

    /** Returns a compiled method whose settings key is made from its resource and method. */
    public CompiledMethod(
            Resource resource,
            Method method,
            IntegrationInvoker invoker,
            Map<String, MappingTemplate> requestTemplates,
            Map<String, Map<String, MappingTemplate>> responseTemplates,
            Attributes features) {
        this(
                resource,
                method,
                resource.path().substring(1) + "/" + method.httpMethod(),
                invoker,
                requestTemplates,
                responseTemplates,
                features);
    }

    /** Returns what the feature of {@code key} compiled for this method; a bug if it did not. */
    public <T> T feature(AttributeKey<T> key) {
        return features.get(key)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        place() + " has no compiled " + key.name()));
    }

    /** Returns the method's integration; every deployed method has one. */
    public Integration integration() {
        return method.integration().orElseThrow();
    }

    @Override
    public AuthorizationType authorizationType() {
        return method.authorizationType();
    }

    @Override
    public boolean apiKeyRequired() {
        return method.apiKeyRequired();
    }

    /** Returns {@code /path METHOD} for messages. */
    @Override
    public String place() {
        return resource.path() + " " + method.httpMethod();
    }
}
