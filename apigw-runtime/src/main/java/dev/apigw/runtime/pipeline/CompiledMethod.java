package dev.apigw.runtime.pipeline;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.runtime.mapping.MappingTemplate;
import java.util.Map;

/**
 * A resource method compiled for serving: its integration invoker, its mapping templates and its
 * request validation, parsed once when the API is built. Internal.
 *
 * @param resource the resource
 * @param method the method
 * @param invoker calls the integration
 * @param requestTemplates compiled request templates by content type, in definition order
 * @param responseTemplates compiled response templates by integration response status, then by
 *     content type
 * @param responseParameters compiled method response header mappings by integration response status
 * @param validation what the method's request validator checks; {@link RequestValidation#NONE}
 *     without one
 */
public record CompiledMethod(
        Resource resource,
        Method method,
        IntegrationInvoker invoker,
        Map<String, MappingTemplate> requestTemplates,
        Map<String, Map<String, MappingTemplate>> responseTemplates,
        Map<String, ResponseParameters> responseParameters,
        RequestValidation validation)
        implements Target {

    /** Returns the method's integration; every deployed method has one. */
    public Integration integration() {
        return method.integration().orElseThrow();
    }

    /** Returns {@code path/METHOD}: the resource path without its leading slash (reference 9.1). */
    @Override
    public String settingsKey() {
        return resource.path().substring(1) + "/" + method.httpMethod();
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
