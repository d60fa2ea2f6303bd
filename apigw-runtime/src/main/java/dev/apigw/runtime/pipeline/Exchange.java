package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiKey;
import dev.apigw.model.Stage;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.mapping.Overrides;
import dev.apigw.runtime.routing.RouteMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed state of one request as it goes through the pipeline: the request, its ids and time,
 * the serving state, and what earlier steps found (stage, route, API key, integration request).
 * Immutable: steps change it through withers. Reading a part before the step that sets it is a bug
 * and fails naming the part.
 */
public final class Exchange {
    private final Request request;
    private final Map<String, List<String>> query;
    private final Payload payload;
    private final TemplateParameters parameters;
    private final Overrides overrides;
    private final String requestId;
    private final String extendedRequestId;
    private final Instant requestTime;
    private final ExecutionTrace trace;
    private final ServingState state;
    private final DeployedStage stage;
    private final String resourcePath;
    private final RouteMatch<CompiledMethod> route;
    private final ApiKey apiKey;
    private final IntegrationRequest integrationRequest;

    private Exchange(
            Request request,
            Map<String, List<String>> query,
            Payload payload,
            TemplateParameters parameters,
            Overrides overrides,
            String requestId,
            String extendedRequestId,
            Instant requestTime,
            ExecutionTrace trace,
            ServingState state,
            DeployedStage stage,
            String resourcePath,
            RouteMatch<CompiledMethod> route,
            ApiKey apiKey,
            IntegrationRequest integrationRequest) {
        this.request = request;
        this.query = query;
        this.payload = payload;
        this.parameters = parameters;
        this.overrides = overrides;
        this.requestId = requestId;
        this.extendedRequestId = extendedRequestId;
        this.requestTime = requestTime;
        this.trace = trace;
        this.state = state;
        this.stage = stage;
        this.resourcePath = resourcePath;
        this.route = route;
        this.apiKey = apiKey;
        this.integrationRequest = integrationRequest;
    }

    /** Returns the exchange of a new request. */
    public static Exchange of(
            Request request,
            String requestId,
            String extendedRequestId,
            Instant requestTime,
            ExecutionTrace trace,
            ServingState state) {
        Map<String, List<String>> query = QueryString.parse(request.rawQueryString());
        return new Exchange(
                request,
                query,
                new Payload(request),
                new TemplateParameters(request, query),
                new Overrides(),
                Objects.requireNonNull(requestId),
                Objects.requireNonNull(extendedRequestId),
                Objects.requireNonNull(requestTime),
                Objects.requireNonNull(trace),
                Objects.requireNonNull(state),
                null,
                null,
                null,
                null,
                null);
    }

    /** Returns the request. */
    public Request request() {
        return request;
    }

    /** Returns the query string parameters, form-decoded, every value in order. */
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /** Returns the parameters templates see through {@code $input.params}, built once. */
    TemplateParameters templateParameters() {
        return parameters;
    }

    /** Returns the request payload, decoded and parsed at most once. */
    public Payload payload() {
        return payload;
    }

    /**
     * Returns the request's {@code $context.requestOverride} and {@code $context.responseOverride}
     * (reference 1.6): shared by its request and response templates.
     */
    public Overrides overrides() {
        return overrides;
    }

    /** Returns the request id ({@code $context.requestId}, {@code x-amzn-RequestId}). */
    public String requestId() {
        return requestId;
    }

    /** Returns the extended request id ({@code x-amz-apigw-id}). */
    public String extendedRequestId() {
        return extendedRequestId;
    }

    /** Returns when the request arrived. */
    public Instant requestTime() {
        return requestTime;
    }

    /** Returns the execution trace of this request. */
    public ExecutionTrace trace() {
        return trace;
    }

    /** Returns what the API serves from. */
    public ServingState state() {
        return state;
    }

    /** Returns the host bindings. */
    public HostBindings host() {
        return state.host();
    }

    /** Returns the resolved stage. */
    public DeployedStage stage() {
        return require(stage, "stage");
    }

    /** Returns the resolved stage, if the stage step found one. */
    public Optional<DeployedStage> resolvedStage() {
        return Optional.ofNullable(stage);
    }

    /** Returns the stage variables of this request. */
    public Map<String, String> stageVariables() {
        return stage == null ? Map.of() : stage.stage().variables();
    }

    /** Returns the request path after the stage, raw ({@code /pets/1}). */
    public String resourcePath() {
        return require(resourcePath, "resourcePath");
    }

    /** Returns the matched resource method and path parameters. */
    public RouteMatch<CompiledMethod> route() {
        return require(route, "route");
    }

    /** Returns the matched route, if routing succeeded. */
    public Optional<RouteMatch<CompiledMethod>> matchedRoute() {
        return Optional.ofNullable(route);
    }

    /** Returns the matched resource method. */
    public CompiledMethod method() {
        return route().target();
    }

    /** Returns the API key the caller used, if one was required and valid. */
    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** Returns the mapped integration request of a non-proxy integration. */
    public IntegrationRequest integrationRequest() {
        return require(integrationRequest, "integrationRequest");
    }

    /**
     * Returns a copy whose request is {@code request} (same query and ids), with a new payload over
     * its body: the request body decompressed (reference 6.4).
     */
    Exchange withRequest(Request request) {
        return new Exchange(
                request,
                query,
                new Payload(request),
                new TemplateParameters(request, query),
                overrides,
                requestId,
                extendedRequestId,
                requestTime,
                trace,
                state,
                stage,
                resourcePath,
                route,
                apiKey,
                integrationRequest);
    }

    /** Returns a copy with the stage resolved and the path after it. */
    public Exchange withStage(DeployedStage stage, String resourcePath) {
        return new Exchange(
                request,
                query,
                payload,
                parameters,
                overrides,
                requestId,
                extendedRequestId,
                requestTime,
                trace,
                state,
                Objects.requireNonNull(stage),
                Objects.requireNonNull(resourcePath),
                route,
                apiKey,
                integrationRequest);
    }

    /** Returns a copy with the matched route. */
    public Exchange withRoute(RouteMatch<CompiledMethod> route) {
        return new Exchange(
                request,
                query,
                payload,
                parameters,
                overrides,
                requestId,
                extendedRequestId,
                requestTime,
                trace,
                state,
                stage,
                resourcePath,
                Objects.requireNonNull(route),
                apiKey,
                integrationRequest);
    }

    /** Returns a copy with the caller's API key. */
    public Exchange withApiKey(ApiKey apiKey) {
        return new Exchange(
                request,
                query,
                payload,
                parameters,
                overrides,
                requestId,
                extendedRequestId,
                requestTime,
                trace,
                state,
                stage,
                resourcePath,
                route,
                Objects.requireNonNull(apiKey),
                integrationRequest);
    }

    /** Returns a copy with the mapped integration request. */
    public Exchange withIntegrationRequest(IntegrationRequest integrationRequest) {
        return new Exchange(
                request,
                query,
                payload,
                parameters,
                overrides,
                requestId,
                extendedRequestId,
                requestTime,
                trace,
                state,
                stage,
                resourcePath,
                route,
                apiKey,
                Objects.requireNonNull(integrationRequest));
    }

    /** Returns the stage's settings. */
    public Stage stageSettings() {
        return stage().stage();
    }

    private static <T> T require(T value, String part) {
        if (value == null) {
            throw new IllegalStateException(part + " is read before the step that sets it");
        }
        return value;
    }
}
