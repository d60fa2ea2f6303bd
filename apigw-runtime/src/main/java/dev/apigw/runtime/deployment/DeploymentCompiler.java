package dev.apigw.runtime.deployment;

import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.auth.AuthorizerCaches;
import dev.apigw.runtime.auth.CompiledAuthorizers;
import dev.apigw.runtime.auth.ResourcePolicy;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.gatewayresponse.GatewayResponses;
import dev.apigw.runtime.integration.IntegrationInvokers;
import dev.apigw.runtime.integration.ResponseParameters;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.pipeline.CompiledDeployment;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.routing.RouteMatcher;
import dev.apigw.runtime.throttle.MethodThrottle;
import dev.apigw.runtime.validation.ModelSchemas;
import dev.apigw.runtime.validation.RequestValidation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiles a deployment for serving: the route trie, one invoker per method, every mapping template
 * and parameter mapping parsed, every request model a validator uses compiled (the API's models are
 * loaded once, and only when a method validates its body), the gateway responses resolved. A method
 * without an integration cannot be deployed, as on AWS ({@code No integration defined for method}).
 * A mapping template that does not parse is deployed, as AWS deploys it, with a warning; its method
 * answers 500 (reference 1.1). Internal.
 */
public final class DeploymentCompiler {
    private final TemplateEngine templates;
    private final String region;
    private final String accountId;
    private final AuthorizerCaches authorizerCaches;

    /**
     * Creates a compiler whose templates run on {@code templates}, for APIs of this region and
     * account (a resource policy's {@code execute-api:/} shorthand names them, reference 8.8).
     */
    public DeploymentCompiler(TemplateEngine templates, String region, String accountId) {
        this(templates, region, accountId, AuthorizerCaches.create());
    }

    /**
     * Creates a compiler as {@link #DeploymentCompiler(TemplateEngine, String, String)} does, whose
     * Lambda authorizers cache their answers in the API's {@code authorizerCaches}, shared by every
     * deployment of the API (reference 8.3).
     */
    public DeploymentCompiler(
            TemplateEngine templates,
            String region,
            String accountId,
            AuthorizerCaches authorizerCaches) {
        this.templates = templates;
        this.region = region;
        this.accountId = accountId;
        this.authorizerCaches = authorizerCaches;
    }

    /** Compiles a deployment; fails naming the resource and method at fault. */
    public CompiledDeployment compile(Deployment deployment) {
        List<String> warnings = new ArrayList<>();
        RouteMatcher.Builder<CompiledMethod> routes = RouteMatcher.builder();
        ModelSchemas[] models = new ModelSchemas[1];
        Supplier<ModelSchemas> lazyModels =
                () -> {
                    if (models[0] == null) {
                        models[0] = ModelSchemas.of(deployment.restApi());
                    }
                    return models[0];
                };
        for (Resource resource : deployment.restApi().resources().values()) {
            for (Method method : resource.methods().values()) {
                routes.add(
                        resource.path(),
                        method.httpMethod(),
                        compile(deployment.restApi(), resource, method, lazyModels, warnings));
            }
        }
        return new CompiledDeployment(
                deployment,
                routes.build(),
                GatewayResponses.compile(deployment.restApi()),
                warnings,
                Attributes.empty()
                        .with(
                                ResourcePolicy.KEY,
                                ResourcePolicy.compile(deployment.restApi(), region, accountId))
                        .with(
                                CompiledAuthorizers.KEY,
                                CompiledAuthorizers.compile(
                                        deployment.restApi(), authorizerCaches)));
    }

    private CompiledMethod compile(
            RestApi api,
            Resource resource,
            Method method,
            Supplier<ModelSchemas> models,
            List<String> warnings) {
        String place = resource.path() + " " + method.httpMethod();
        Integration integration =
                method.integration()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                place + ": No integration defined for method"));
        Map<String, MappingTemplate> requestTemplates =
                compileAll(
                        place + " integration request template ",
                        integration.requestTemplates(),
                        warnings);
        Map<String, Map<String, MappingTemplate>> responseTemplates = new LinkedHashMap<>();
        Map<String, ResponseParameters> responseParameters = new LinkedHashMap<>();
        for (IntegrationResponse response : integration.integrationResponses().values()) {
            responseTemplates.put(
                    response.statusCode(),
                    compileAll(
                            place + " integration response " + response.statusCode() + " template ",
                            response.responseTemplates(),
                            warnings));
            try {
                responseParameters.put(
                        response.statusCode(),
                        ResponseParameters.compile(response, integration.type()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        place
                                + " integration response "
                                + response.statusCode()
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
        try {
            return new CompiledMethod(
                    resource,
                    method,
                    IntegrationInvokers.create(integration),
                    requestTemplates,
                    Collections.unmodifiableMap(responseTemplates),
                    Attributes.empty()
                            .with(
                                    ResponseParameters.KEY,
                                    Collections.unmodifiableMap(responseParameters))
                            .with(
                                    RequestValidation.KEY,
                                    RequestValidation.compile(api, method, models))
                            .with(
                                    MethodThrottle.KEY,
                                    MethodThrottle.compile(api.id(), resource, method)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(place + ": " + e.getMessage(), e);
        }
    }

    private Map<String, MappingTemplate> compileAll(
            String place, Map<String, String> texts, List<String> warnings) {
        Map<String, MappingTemplate> compiled = new LinkedHashMap<>();
        texts.forEach(
                (contentType, text) ->
                        compiled.put(
                                MediaTypes.mimeType(contentType),
                                templates.compileForDeployment(
                                        place + contentType, text, warnings::add)));
        return Collections.unmodifiableMap(compiled);
    }
}
