package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiKey;
import dev.apigw.model.Stage;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.mapping.Overrides;
import dev.apigw.runtime.routing.RouteMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one request as it goes through the pipeline, in a few parts: the request as received
 * ({@link ReceivedRequest}), where it goes ({@link Resolution}: stage, deployment, target), who
 * calls ({@link Caller}), feature data under typed {@link AttributeKey}s, and what the API serves
 * from. Steps pass changes on through withers, which all go through one copy; reading a part before
 * the step that sets it is a bug and fails naming the part.
 *
 * <p>Four parts are mutable, each for one request only and on purpose: the {@link #payload()}
 * caches the body once it is decoded and parsed, so that no step parses it twice; the {@link
 * #overrides()} collect what the request template sets in {@code $context.requestOverride} and
 * {@code $context.responseOverride} for the response side to apply (reference 1.6); the {@link
 * #trace()} records the execution log; the {@link #record()} keeps the most resolved exchange for
 * the outer steps. Everything else is immutable.
 */
public final class Exchange {
    private final ReceivedRequest received;
    private final Payload payload;
    private final TemplateParameters parameters;
    private final Overrides overrides;
    private final ExecutionTrace trace;
    private final RequestRecord record;
    private final ServingState state;
    private final Resolution resolution;
    private final Caller caller;
    private final Attributes attributes;

    private Exchange(
            ReceivedRequest received,
            Payload payload,
            TemplateParameters parameters,
            Overrides overrides,
            ExecutionTrace trace,
            RequestRecord record,
            ServingState state,
            Resolution resolution,
            Caller caller,
            Attributes attributes) {
        this.received = received;
        this.payload = payload;
        this.parameters = parameters;
        this.overrides = overrides;
        this.trace = trace;
        this.record = record;
        this.state = state;
        this.resolution = resolution;
        this.caller = caller;
        this.attributes = attributes;
    }

    /** Returns the exchange of a request that just arrived. */
    public static Exchange of(ReceivedRequest received, ExecutionTrace trace, ServingState state) {
        return new Exchange(
                received,
                new Payload(received.request()),
                new TemplateParameters(received.request(), received.queryParameters()),
                new Overrides(),
                Objects.requireNonNull(trace),
                new RequestRecord(),
                Objects.requireNonNull(state),
                Resolution.NONE,
                Caller.ANONYMOUS,
                Attributes.empty());
    }

    private Exchange copy(
            ReceivedRequest received, Resolution resolution, Caller caller, Attributes attributes) {
        boolean sameRequest = received == this.received;
        return new Exchange(
                received,
                sameRequest ? payload : new Payload(received.request()),
                sameRequest
                        ? parameters
                        : new TemplateParameters(received.request(), received.queryParameters()),
                overrides,
                trace,
                record,
                state,
                resolution,
                caller,
                attributes);
    }

    /** Returns the request as received, with its ids and time. */
    public ReceivedRequest received() {
        return received;
    }

    /** Returns where the request goes, as far as it is resolved. */
    public Resolution resolution() {
        return resolution;
    }

    /** Returns who calls, as far as it is established. */
    public Caller caller() {
        return caller;
    }

    /** Returns the value a feature set under {@code key}, if any. */
    public <T> Optional<T> attribute(AttributeKey<T> key) {
        return attributes.get(key);
    }

    /** Returns the value a feature set under {@code key}; reading it before it is set is a bug. */
    public <T> T requireAttribute(AttributeKey<T> key) {
        return require(attributes.get(key).orElse(null), key.name());
    }

    /** Returns the request. */
    public Request request() {
        return received.request();
    }

    /** Returns the query string parameters, form-decoded, every value in order. */
    public Map<String, List<String>> queryParameters() {
        return received.queryParameters();
    }

    /** Returns the parameters templates see through {@code $input.params}, built once. */
    public TemplateParameters templateParameters() {
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
        return received.requestId();
    }

    /** Returns the extended request id ({@code x-amz-apigw-id}). */
    public String extendedRequestId() {
        return received.extendedRequestId();
    }

    /** Returns when the request arrived. */
    public Instant requestTime() {
        return received.requestTime();
    }

    /** Returns the execution trace of this request. */
    public ExecutionTrace trace() {
        return trace;
    }

    /**
     * Returns the record of this request that outer steps read once the inner steps ran: the most
     * resolved exchange.
     */
    public RequestRecord record() {
        return record;
    }

    /** Returns what the API serves from. */
    public ServingState state() {
        return state;
    }

    /** Returns the account the API lives in. */
    public Gateway gateway() {
        return state.gateway();
    }

    /** Returns the backends the API's integrations call. */
    public Backends backends() {
        return state.backends();
    }

    /** Returns the resolved stage. */
    public DeployedStage stage() {
        return require(resolution.stage(), "stage");
    }

    /** Returns the resolved stage, if the stage step found one. */
    public Optional<DeployedStage> resolvedStage() {
        return resolution.resolvedStage();
    }

    /**
     * Returns whether the request was routed to the stage's canary ({@code
     * $context.isCanaryRequest}, reference 9.2); false before stage resolution.
     */
    public boolean isCanaryRequest() {
        return resolution.stage() != null && resolution.stage().canary();
    }

    /** Returns the stage's settings. */
    public Stage stageSettings() {
        return stage().stage();
    }

    /** Returns the stage variables of this request. */
    public Map<String, String> stageVariables() {
        return resolution.stage() == null ? Map.of() : resolution.stage().stage().variables();
    }

    /** Returns the request path after the stage, raw ({@code /pets/1}). */
    public String resourcePath() {
        return require(resolution.resourcePath(), "resourcePath");
    }

    /** Returns the matched target and path parameters. */
    public RouteMatch<? extends Target> route() {
        return require(resolution.route(), "route");
    }

    /** Returns the matched route, if routing succeeded. */
    public Optional<RouteMatch<? extends Target>> matchedRoute() {
        return resolution.matchedRoute();
    }

    /** Returns the matched target as the type its kind of API compiles ({@link CompiledMethod}). */
    public <T extends Target> T target(Class<T> type) {
        Target target = route().target();
        if (!type.isInstance(target)) {
            throw new IllegalStateException(
                    target.place()
                            + " is a "
                            + target.getClass().getSimpleName()
                            + ", not a "
                            + type.getSimpleName());
        }
        return type.cast(target);
    }

    /** Returns the matched REST resource method. */
    public CompiledMethod method() {
        return target(CompiledMethod.class);
    }

    /** Returns the API key the caller used, if one was required and valid. */
    public Optional<ApiKey> apiKey() {
        return caller.key();
    }

    /** Returns the mapped integration request of a non-proxy integration. */
    public IntegrationRequest integrationRequest() {
        return requireAttribute(IntegrationRequest.KEY);
    }

    /**
     * Returns a copy whose request is {@code request} (same query and ids), with a new payload over
     * its body: the request body decompressed (reference 6.4).
     */
    public Exchange withRequest(Request request) {
        return copy(received.withRequest(request), resolution, caller, attributes);
    }

    /**
     * Returns a copy whose request is {@code request} with its own query string, decoded again: a
     * request an HTTP API parameter mapping changed (reference 5.5). Same ids and time.
     */
    public Exchange withMappedRequest(Request request) {
        ReceivedRequest mapped =
                new ReceivedRequest(
                        request,
                        QueryString.parse(request.rawQueryString()),
                        received.requestId(),
                        received.extendedRequestId(),
                        received.requestTime());
        return copy(mapped, resolution, caller, attributes);
    }

    /** Returns a copy with the stage resolved and the path after it. */
    public Exchange withStage(DeployedStage stage, String resourcePath) {
        return copy(received, resolution.withStage(stage, resourcePath), caller, attributes);
    }

    /** Returns a copy with the matched route. */
    public Exchange withRoute(RouteMatch<? extends Target> route) {
        return copy(received, resolution.withRoute(route), caller, attributes);
    }

    /** Returns a copy with the caller's API key. */
    public Exchange withApiKey(ApiKey apiKey) {
        return copy(received, resolution, caller.withApiKey(apiKey), attributes);
    }

    /** Returns a copy with the verified IAM caller (reference 8.7). */
    public Exchange withIamIdentity(IamIdentity iam) {
        return copy(received, resolution, caller.withIam(iam), attributes);
    }

    /** Returns a copy with what the method's authorizer returned (reference 8.3, 8.4). */
    public Exchange withAuthorizerOutput(AuthorizerOutput output) {
        return copy(received, resolution, caller.withAuthorizer(output), attributes);
    }

    /** Returns a copy where {@code key} has {@code value}. */
    public <T> Exchange withAttribute(AttributeKey<T> key, T value) {
        return copy(received, resolution, caller, attributes.with(key, value));
    }

    /** Returns a copy with the mapped integration request. */
    public Exchange withIntegrationRequest(IntegrationRequest integrationRequest) {
        return withAttribute(IntegrationRequest.KEY, integrationRequest);
    }

    private static <T> T require(T value, String part) {
        if (value == null) {
            throw new IllegalStateException(part + " is read before the step that sets it");
        }
        return value;
    }
}
