package dev.apigw.runtime;

import dev.apigw.runtime.apikey.ApiKeyStep;
import dev.apigw.runtime.auth.AuthorizerStep;
import dev.apigw.runtime.auth.PolicyDecisionStep;
import dev.apigw.runtime.auth.ResourcePolicyStep;
import dev.apigw.runtime.cache.CacheStep;
import dev.apigw.runtime.content.RequestDecompressionStep;
import dev.apigw.runtime.content.ResponseCompressionStep;
import dev.apigw.runtime.gatewayresponse.GatewayResponseStep;
import dev.apigw.runtime.httpapi.HttpAuthorizerStep;
import dev.apigw.runtime.httpapi.HttpErrorStep;
import dev.apigw.runtime.httpapi.HttpHeadersStep;
import dev.apigw.runtime.httpapi.HttpIntegrationStep;
import dev.apigw.runtime.httpapi.HttpResolution;
import dev.apigw.runtime.httpapi.HttpRouteStep;
import dev.apigw.runtime.httpapi.HttpStageStep;
import dev.apigw.runtime.httpapi.ParameterMappingStep;
import dev.apigw.runtime.httpapi.RouteThrottleStep;
import dev.apigw.runtime.httpapi.cors.CorsStep;
import dev.apigw.runtime.httpapi.observe.HttpAccessLogVariables;
import dev.apigw.runtime.httpapi.observe.HttpContextVariables;
import dev.apigw.runtime.integration.IntegrationRequestStep;
import dev.apigw.runtime.integration.IntegrationResponseStep;
import dev.apigw.runtime.integration.IntegrationStep;
import dev.apigw.runtime.integration.MethodResponseStep;
import dev.apigw.runtime.limits.LimitsStep;
import dev.apigw.runtime.observe.AccessLogVariables;
import dev.apigw.runtime.observe.ExecutionLogStep;
import dev.apigw.runtime.observe.ObserveStep;
import dev.apigw.runtime.observe.StandardHeadersStep;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RealChain;
import dev.apigw.runtime.pipeline.Step;
import dev.apigw.runtime.quota.QuotaStep;
import dev.apigw.runtime.resolution.RouteMatchStep;
import dev.apigw.runtime.resolution.StageResolver;
import dev.apigw.runtime.resolution.StageStep;
import dev.apigw.runtime.throttle.ThrottleStep;
import dev.apigw.runtime.validation.RequestValidationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A named assembly of steps: one ordered list per kind of API, outermost first. {@link #rest()} is
 * the REST API request pipeline, {@link #http()} the HTTP API's, which reuses the REST steps that
 * apply; WebSocket APIs get theirs when they land. Immutable and thread-safe. Internal.
 */
final class Pipeline {
    private final List<Step> steps;
    private final ContextVariables contextVariables;
    private final ContextVariables accessLogVariables;

    private Pipeline(
            List<Step> steps,
            ContextVariables contextVariables,
            ContextVariables accessLogVariables) {
        this.steps = List.copyOf(steps);
        this.contextVariables = contextVariables;
        this.accessLogVariables = accessLogVariables;
    }

    /**
     * Returns the REST API request pipeline, the steps in the order of API Gateway's request flow
     * (reference section 8.1). The front-door limits (reference 9.5) come before stage and route
     * resolution: a malformed or oversized request is refused whatever its path names. Access
     * control follows routing (reference 8.1): the resource policy's pre-check, the method's
     * authorizer, the combined policy decision, then the API key step (the key may come from a
     * Lambda authorizer), then throttling (reference 9.4: the usage plan's limit of the key, the
     * stage's of the method, the account's), then the usage plan's quota of the key (reference 8.2;
     * after throttling, so a throttled request uses no quota). Request validation follows
     * (parameters, then body). The stage cache (reference 9.3) comes next, in place of the
     * integration: after access control, the API key, throttling and quotas, which AWS applies to
     * cached answers too (a throttled or unauthorized caller never reads the cache), and after
     * request validation, so that a request missing a required parameter, possibly one of the cache
     * key, gets its 400 and never another caller's answer (the order against validation is not
     * documented by AWS: see docs/differences.md). It stores what the method response step
     * produced, before response compression, which follows each client's {@code Accept-Encoding}.
     * The stage is the first path segment, as in an execute-api URL. The execution log opens once
     * the method is known (reference 10.2); the outermost step closes it and writes the access log
     * (reference 10.3).
     */
    static Pipeline rest() {
        return new Pipeline(
                List.of(
                        new ObserveStep(),
                        new StandardHeadersStep(),
                        new GatewayResponseStep(),
                        new LimitsStep(),
                        new StageStep(StageResolver.pathPrefix()),
                        new RouteMatchStep(),
                        new ExecutionLogStep(),
                        new ResourcePolicyStep(),
                        new AuthorizerStep(),
                        new PolicyDecisionStep(),
                        new RequestDecompressionStep(),
                        new ApiKeyStep(),
                        new ThrottleStep(),
                        new QuotaStep(),
                        new RequestValidationStep(),
                        new ResponseCompressionStep(),
                        new CacheStep(),
                        new MethodResponseStep(),
                        new IntegrationResponseStep(),
                        new IntegrationRequestStep(),
                        new IntegrationStep()),
                variables().build(),
                variables().registerAll(AccessLogVariables::register).build());
    }

    /**
     * Returns the HTTP API request pipeline (reference 7.2, 3.3): the access log of the stage
     * (reference 10.4), the {@code apigw-requestid} header on every answer, CORS (reference 11.2:
     * outside the error answers, so that they carry its headers), the fixed error answers of HTTP
     * APIs, the front-door limits (reference 9.5), the stage (first path segment, else {@code
     * $default}), the route, throttling (reference 9.4: the route's, then the account's), then the
     * route's integration. Its {@code $context} variables are HTTP API's (reference 10.4).
     */
    static Pipeline http() {
        return new Pipeline(
                List.of(
                        ObserveStep.resolvingStage(
                                e ->
                                        e.attribute(HttpResolution.KEY)
                                                .map(HttpResolution::stageName)),
                        new HttpHeadersStep(),
                        new CorsStep(),
                        new HttpErrorStep(),
                        new LimitsStep(),
                        new HttpStageStep(),
                        new HttpRouteStep(),
                        new HttpAuthorizerStep(),
                        new RouteThrottleStep(),
                        new ParameterMappingStep(),
                        new HttpIntegrationStep()),
                ContextVariables.builder().registerAll(HttpContextVariables::register).build(),
                ContextVariables.builder()
                        .registerAll(HttpContextVariables::register)
                        .registerAll(HttpAccessLogVariables::register)
                        .build());
    }

    private static ContextVariables.Builder variables() {
        return ContextVariables.builder()
                .registerAll(ContextVariables::requestVariables)
                .registerAll(AuthorizerStep::contextVariables)
                .registerAll(ApiKeyStep::contextVariables);
    }

    /**
     * Returns the {@code $context} variables of access logs: every variable of {@link
     * #contextVariables()} and those only access logs have (reference 1.2, 10.3). Built once.
     */
    ContextVariables accessLogVariables() {
        return accessLogVariables;
    }

    /**
     * Returns this pipeline with {@code step} outermost, before every other step: the place of the
     * metrics step (reference 10.1), which an API only has when its account has a registry, so that
     * an API without one does not even pass through it.
     */
    Pipeline withOutermost(Step step) {
        List<Step> all = new ArrayList<>(steps.size() + 1);
        all.add(step);
        all.addAll(steps);
        return new Pipeline(all, contextVariables, accessLogVariables);
    }

    /**
     * Returns the {@code $context} variables of this pipeline: those of every request, then each
     * feature's (reference 1.2). Built once.
     */
    ContextVariables contextVariables() {
        return contextVariables;
    }

    /** Returns the steps, outermost first. */
    List<Step> steps() {
        return steps;
    }

    /** Runs every step for one exchange, through a chain of its own ({@link RealChain}). */
    Response handle(Exchange exchange) {
        return RealChain.start(steps, exchange);
    }
}
