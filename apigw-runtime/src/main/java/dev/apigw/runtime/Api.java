package dev.apigw.runtime;

import dev.apigw.model.ApiKey;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.RestApi;
import dev.apigw.model.RestApiDefinition;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.auth.AuthorizerCaches;
import dev.apigw.runtime.auth.UserPoolBindings;
import dev.apigw.runtime.auth.UserPoolKeys;
import dev.apigw.runtime.cache.CacheClusters;
import dev.apigw.runtime.deployment.DeploymentCompiler;
import dev.apigw.runtime.deployment.Deployments;
import dev.apigw.runtime.http.JdkHttpBackend;
import dev.apigw.runtime.httpapi.CompiledHttpApi;
import dev.apigw.runtime.httpapi.cors.CorsPolicy;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.metrics.MetricsStep;
import dev.apigw.runtime.pipeline.AccessLogFormat;
import dev.apigw.runtime.pipeline.ApiKeys;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.ReceivedRequest;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.pipeline.ServingState;
import dev.apigw.runtime.pipeline.UsagePlans;
import dev.apigw.runtime.quota.UsageReports;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REST API compiled for serving, with its deployments and stages: {@link #handle} runs API
 * Gateway's request pipeline in the calling thread; a Lambda function runs on a thread of the
 * account's ({@link Gateway}), so that the integration timeout holds (reference 9.5, {@link
 * Gateway.Builder#requestResponseExecutor}). Immutable and thread-safe; {@link #toBuilder()} gives
 * a changed copy. As on AWS, a stage serves the deployment it points at: changing the definition
 * serves nothing new until it is deployed (reference section 9.1). {@link #deploy}, {@link
 * #deployCanary}, {@link #rollback}, {@link #promoteCanary} and {@link #removeCanary} return the
 * API as those operations leave it on AWS, sharing this one's account (its throttle buckets and
 * other stores) and its Lambda authorizer caches, so that their state survives a redeploy.
 *
 * <pre>{@code
 * Api api = Api.builder()
 *     .restApi(petstore)
 *     .deploy("dev")
 *     .lambda("pets", LambdaHandlers.streamHandler(new PetsHandler()))
 *     .build();
 * Response response = api.handle(Request.of("GET", "/dev/pets"));
 * }</pre>
 */
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private final RestApi restApi;
    private final HttpApi httpApi;
    private final Deployments deployments;
    private final List<ApiKey> apiKeys;
    private final List<UsagePlan> usagePlans;
    private final Gateway gateway;
    private final Backends backends;
    private final TemplateEngine templates;
    private final ServingState state;
    private final UsageReports usageReports;
    private final Consumer<TestInvokeResult> executionLogListener;
    private final InternalErrorHandler internalErrorHandler;
    private final AuthorizerCaches authorizerCaches;
    private final Pipeline pipeline;

    private Api(
            Builder b,
            Gateway gateway,
            Backends backends,
            TemplateEngine templates,
            Deployments deployments,
            AuthorizerCaches authorizerCaches,
            Attributes features) {
        this.restApi = b.restApi;
        this.httpApi = b.httpApi;
        String apiId = restApi != null ? restApi.id() : httpApi.id();
        this.deployments = deployments;
        this.apiKeys = List.copyOf(b.apiKeys.values());
        this.usagePlans = List.copyOf(b.usagePlans.values());
        this.gateway = gateway;
        this.backends = backends;
        this.templates = templates;
        this.executionLogListener = b.executionLogListener;
        this.internalErrorHandler = b.internalErrorHandler;
        this.authorizerCaches = authorizerCaches;
        UsagePlans plans = UsagePlans.of(apiId, usagePlans, gateway.usageStore(), gateway.clock());
        this.usageReports = new UsageReports(plans, gateway.usageStore());
        this.pipeline = restApi != null ? pipeline(gateway, restApi) : pipeline(gateway, httpApi);
        this.state =
                new ServingState(
                        apiId,
                        deployments.served(),
                        ApiKeys.of(b.apiKeys.values()),
                        plans,
                        gateway,
                        backends,
                        pipeline.contextVariables(),
                        deployments.canaries(),
                        httpApi != null
                                ? accessLogFormats(httpApi, pipeline)
                                : accessLogFormats(deployments.served(), pipeline),
                        features);
    }

    /**
     * Returns the REST pipeline of an API of {@code gateway}: with the metrics step outermost when
     * the account has a registry (reference 10.1), without it otherwise.
     */
    static Pipeline pipeline(Gateway gateway, RestApi restApi) {
        Pipeline rest = Pipeline.rest();
        return gateway.meterRegistry()
                .map(r -> rest.withOutermost(MetricsStep.of(r, restApi.id(), restApi.name())))
                .orElse(rest);
    }

    /**
     * Returns the pipeline of an HTTP API of {@code gateway}: with the metrics step outermost when
     * the account has a registry (reference 10.1, HTTP API metrics), without it otherwise.
     */
    static Pipeline pipeline(Gateway gateway, HttpApi httpApi) {
        Pipeline http = Pipeline.http();
        return gateway.meterRegistry()
                .map(r -> http.withOutermost(MetricsStep.http(r, httpApi.id())))
                .orElse(http);
    }

    /**
     * Compiles the access-log format of each served stage that has one (reference 10.3); fails
     * naming the stage of an invalid format.
     */
    private static Map<String, AccessLogFormat> accessLogFormats(
            Map<String, DeployedStage> stages, Pipeline pipeline) {
        Map<String, AccessLogFormat> formats = new LinkedHashMap<>();
        for (DeployedStage served : stages.values()) {
            Stage stage = served.stage();
            stage.accessLogSettings()
                    .ifPresent(
                            settings ->
                                    formats.put(
                                            stage.stageName(),
                                            AccessLogFormat.compile(
                                                    stage.stageName(),
                                                    settings,
                                                    pipeline.accessLogVariables())));
        }
        return formats;
    }

    /**
     * Compiles the access-log format of each stage of an HTTP API that has one (reference 10.4, 3
     * KB at most); fails naming the stage of an invalid format.
     */
    private static Map<String, AccessLogFormat> accessLogFormats(
            HttpApi httpApi, Pipeline pipeline) {
        Map<String, AccessLogFormat> formats = new LinkedHashMap<>();
        httpApi.stages()
                .forEach(
                        (name, stage) ->
                                stage.accessLogSettings()
                                        .ifPresent(
                                                settings ->
                                                        formats.put(
                                                                name,
                                                                AccessLogFormat.compile(
                                                                        name,
                                                                        settings,
                                                                        pipeline
                                                                                .accessLogVariables()))));
        return formats;
    }

    /**
     * Returns what the build accepted that will fail requests, one line each naming the place: a
     * mapping template that does not parse ({@code /pets GET integration request template
     * application/json: does not parse: ...}) is deployed as AWS deploys it and its method answers
     * 500 (reference 1.1). Each was logged at WARN when its deployment was compiled.
     */
    public List<String> warnings() {
        return deployments.warnings();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this API's definition, deployments, stages and bindings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Handles one request and returns what API Gateway would send. Never throws: every failure is a
     * gateway response, and a bug of the runtime, or an {@link Error} from a host backend that
     * reached it, goes to the {@link Builder#internalErrorHandler internal-error handler}, by
     * default logged and answered with 500. Without an {@link Builder#executionLogListener
     * execution log listener} no execution log is recorded; with one, the request is handled as
     * {@link #testInvoke} handles it.
     */
    public Response handle(Request request) {
        if (executionLogListener == null) {
            return run(request, ExecutionTrace.off());
        }
        return testInvoke(request).response();
    }

    /**
     * Handles one request as the console's TestInvokeMethod does: the response together with the
     * execution log and the latency (reference section 10.2).
     */
    public TestInvokeResult testInvoke(Request request) {
        ExecutionTrace trace = ExecutionTrace.recording(gateway.clock());
        Instant start = gateway.clock().instant();
        Response response = run(request, trace);
        TestInvokeResult result =
                new TestInvokeResult(
                        request,
                        response,
                        trace,
                        Duration.between(start, gateway.clock().instant()));
        if (executionLogListener != null) {
            try {
                executionLogListener.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("the execution log listener failed for request {}", request, e);
            }
        }
        return result;
    }

    private Response run(Request request, ExecutionTrace trace) {
        Objects.requireNonNull(request, "request");
        String requestId = "";
        String extendedRequestId = "";
        try {
            if (httpApi != null) {
                extendedRequestId = RequestIds.extendedRequestId(gateway.random());
                requestId = extendedRequestId;
            } else {
                requestId = RequestIds.requestId(gateway.random());
                extendedRequestId = RequestIds.extendedRequestId(gateway.random());
            }
            ReceivedRequest received =
                    ReceivedRequest.of(
                            request, requestId, extendedRequestId, gateway.clock().instant());
            return pipeline.handle(Exchange.of(received, trace, state));
        } catch (RuntimeException | Error e) {
            trace.add("api", "Internal error: ", e);
            return internalErrorHandler.handle(request, requestId, extendedRequestId, e);
        }
    }

    /**
     * Returns the current REST definition (served only where deployed); fails for an API that
     * serves an {@link #httpApi() HTTP API}.
     */
    public RestApi restApi() {
        if (restApi == null) {
            throw new IllegalStateException(
                    "this Api serves the HTTP API " + httpApi.name() + ": see httpApi()");
        }
        return restApi;
    }

    /** Returns the HTTP API this Api serves, if it serves one rather than a REST API. */
    public Optional<HttpApi> httpApi() {
        return Optional.ofNullable(httpApi);
    }

    /** Returns the deployments by id, oldest first. */
    public Map<String, Deployment> deployments() {
        return deployments.deployments();
    }

    /** Returns the stages by name. */
    public Map<String, Stage> stages() {
        return deployments.stages();
    }

    /** Returns the account this API lives in. */
    public Gateway gateway() {
        return gateway;
    }

    /** Returns the stage of this name, if any. */
    public Optional<Stage> stage(String stageName) {
        return Optional.ofNullable(deployments.stages().get(stageName));
    }

    /**
     * Drops every cached Lambda authorizer answer of a stage, its canary's included, as AWS's
     * FlushStageAuthorizersCache ({@code DELETE /restapis/{id}/stages/{stage}/cache/authorizers},
     * reference 9.3) does: the next request of each caller calls its authorizer again. The cache is
     * the API's, so copies of this API made by {@link #toBuilder()} or a redeploy share it. Fails
     * with {@link IllegalArgumentException} when there is no such stage.
     */
    public void flushStageAuthorizersCache(String stageName) {
        if (state.stage(Objects.requireNonNull(stageName, "stageName")).isEmpty()) {
            throw new IllegalArgumentException("no stage named " + stageName);
        }
        authorizerCaches.flushStage(stageName);
    }

    /**
     * Returns this API with its current definition deployed to a stage, as CreateDeployment with a
     * {@code stageName} does (reference 9.1): a new deployment, the stage created if needed and
     * pointed at it. The new API shares this one's account and caches, so that throttle, quota and
     * cache state and cached authorizer answers survive the redeploy, as on AWS; this API keeps
     * serving what it served.
     */
    public Api deploy(String stageName) {
        return toBuilder().deploy(stageName).build();
    }

    /**
     * Returns this API with its current definition deployed to a stage and {@code settings} applied
     * to the stage, as {@link #deploy(String)} does.
     */
    public Api deploy(String stageName, Consumer<Stage.Builder> settings) {
        return toBuilder().deploy(stageName, settings).build();
    }

    /**
     * Returns this API with its current definition deployed as the canary of an existing stage, as
     * CreateDeployment with {@code canarySettings} does (reference 9.2): the new deployment becomes
     * the canary, with the settings {@code canary} sets (its {@code percentTraffic}, {@code
     * stageVariableOverrides}, {@code useStageCache}; from 0.0 percent, no overrides and no stage
     * cache), and the stage keeps its deployment. State is shared as {@link #deploy(String)} shares
     * it.
     *
     * @throws IllegalArgumentException with AWS's message {@code Invalid deployment content
     *     specified.Stage <name> must already be created before making a canary release deployment}
     *     when there is no such stage
     */
    public Api deployCanary(String stageName, Consumer<CanarySettings.Builder> canary) {
        return toBuilder().deployCanary(stageName, canary).build();
    }

    /**
     * Returns this API with a stage pointed back at an earlier deployment, as UpdateStage of {@code
     * /deploymentId} does (reference 9.1: AWS has no rollback operation). State is shared as {@link
     * #deploy(String)} shares it.
     *
     * @throws IllegalArgumentException when there is no such stage or deployment
     */
    public Api rollback(String stageName, String deploymentId) {
        return toBuilder().rollback(stageName, deploymentId).build();
    }

    /**
     * Returns this API with the canary of a stage promoted (reference 9.2): the stage serves the
     * canary's deployment, the canary's stage variable overrides are merged into the stage's
     * variables, and the canary stays with {@code percentTraffic} 0.0, as the console's "Promote
     * canary" leaves it. State is shared as {@link #deploy(String)} shares it.
     *
     * @throws IllegalArgumentException when there is no such stage
     * @throws IllegalStateException with AWS's message {@code Promotion not available. Canary does
     *     not exist.} when the stage has no canary
     */
    public Api promoteCanary(String stageName) {
        return toBuilder().promoteCanary(stageName).build();
    }

    /**
     * Returns this API with the canary of a stage removed ({@code remove /canarySettings},
     * reference 9.2): every request is served by the stage's deployment. State is shared as {@link
     * #deploy(String)} shares it.
     *
     * @throws IllegalArgumentException when there is no such stage
     */
    public Api removeCanary(String stageName) {
        return toBuilder().removeCanary(stageName).build();
    }

    /**
     * Returns the usage of a usage plan's API keys on each UTC day from {@code startDate} to {@code
     * endDate} inclusive, as AWS's GetUsage ({@code GET /usageplans/{id}/usage}, reference 8.2)
     * does: per key id, one {@code [used, remaining]} pair per day, the requests the plan counted
     * that day and the quota left in the day's period at its end ({@link Usage#toJson()} gives
     * AWS's JSON). The counters live in the account's {@link Gateway#usageStore()}, so copies of
     * this API share them.
     *
     * @param usagePlanId the id of one of this API's usage plans
     * @param keyId the id of one of the plan's API keys, or null for all of them
     * @throws IllegalArgumentException naming the plan or key when this API has no such plan or the
     *     plan no such key, or when {@code endDate} is before {@code startDate} or more than ten
     *     years after it
     */
    public Usage usage(String usagePlanId, String keyId, LocalDate startDate, LocalDate endDate) {
        return usageReports.usage(
                usagePlanId, keyId, startDate, endDate, gateway.clock().instant());
    }

    /**
     * Sets the quota a usage plan's API key has left in the current period, as AWS's UpdateUsage
     * ({@code PATCH /usageplans/{id}/keys/{keyId}/usage}, reference 8.2) grants a temporary
     * extension: the key may make {@code remaining} more requests before the period ends (even
     * above the plan's limit); the next period starts afresh. Returns the key's usage of today.
     *
     * @throws IllegalArgumentException naming the plan or key when this API has no such plan, the
     *     plan no such key or no quota, or {@code remaining} is negative
     */
    public Usage updateUsage(String usagePlanId, String keyId, long remaining) {
        return usageReports.updateUsage(usagePlanId, keyId, remaining, gateway.clock().instant());
    }

    /**
     * Drops every entry of a stage's cache, as AWS's FlushStageCache ({@code DELETE
     * /restapis/{id}/stages/{stage}/cache/data}, reference 9.3) does: the next request of each key
     * goes to the integration. The entries live in the account's {@link
     * Gateway#responseCacheStore()}, so copies of this API share them. Fails with {@link
     * IllegalArgumentException} when there is no such stage; a stage without the cache has nothing
     * to flush.
     */
    public void flushStageCache(String stageName) {
        DeployedStage stage =
                state.stage(Objects.requireNonNull(stageName, "stageName"))
                        .orElseThrow(
                                () -> new IllegalArgumentException("no stage named " + stageName));
        gateway.responseCacheStore().flush(CacheClusters.of(state.apiId(), stage.stage()));
    }

    /** Builds an {@link Api}. */
    public static final class Builder {
        private RestApi restApi;
        private HttpApi httpApi;
        private Deployments deployments = Deployments.none();
        private final List<PendingDeployment> pending = new ArrayList<>();
        private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
        private final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();
        private final Map<String, LambdaFunction> lambdas = new LinkedHashMap<>();
        private HttpBackend httpBackend;
        private AwsServiceBackend awsServiceBackend;
        private CredentialsResolver credentials = Backends.NO_CREDENTIALS;
        private final Map<String, UserPoolKeys> userPoolKeys = new LinkedHashMap<>();
        private Gateway gateway;
        private TemplateEngine templates;
        private Consumer<TestInvokeResult> executionLogListener;
        private InternalErrorHandler internalErrorHandler = InternalErrorHandler.logAndAnswer500();
        private AuthorizerCaches authorizerCaches;

        private Builder() {}

        private Builder(Api api) {
            restApi = api.restApi;
            httpApi = api.httpApi;
            deployments = api.deployments;
            api.apiKeys.forEach(k -> apiKeys.put(k.value(), k));
            api.usagePlans.forEach(p -> usagePlans.put(p.id(), p));
            lambdas.putAll(api.backends.lambdas());
            httpBackend = api.backends.httpBackend();
            awsServiceBackend = api.backends.awsService().orElse(null);
            credentials = api.backends.credentials();
            userPoolKeys.putAll(api.backends.binding(UserPoolKeys.BINDINGS).orElse(Map.of()));
            gateway = api.gateway;
            templates = api.templates;
            executionLogListener = api.executionLogListener;
            internalErrorHandler = api.internalErrorHandler;
            authorizerCaches = api.authorizerCaches;
        }

        /** Sets the current definition; stages keep serving their deployments. */
        public Builder restApi(RestApi restApi) {
            this.restApi = Objects.requireNonNull(restApi);
            return this;
        }

        /**
         * Serves an HTTP API instead of a REST API: every stage of {@code httpApi} serves it as
         * given, {@code $default} at the root (reference 7.2, 9.1).
         */
        public Builder httpApi(HttpApi httpApi) {
            this.httpApi = Objects.requireNonNull(httpApi);
            return this;
        }

        /** Builds and sets the current definition. */
        public Builder restApi(Consumer<RestApi.Builder> spec) {
            RestApi.Builder b = restApi == null ? RestApi.builder() : restApi.toBuilder();
            spec.accept(b);
            return restApi(b.build());
        }

        /**
         * Deploys the current definition to a stage, creating the stage if needed: the stage then
         * serves a frozen snapshot of the definition as it is now.
         */
        public Builder deploy(String stageName) {
            return deploy(stageName, s -> {});
        }

        /** Deploys the current definition to a stage and applies stage settings. */
        public Builder deploy(String stageName, Consumer<Stage.Builder> settings) {
            if (restApi == null) {
                throw new IllegalStateException("set restApi before deploying it");
            }
            pending.add(new PendingDeployment(restApi, stageName, null, settings, null));
            return this;
        }

        /**
         * Deploys the current definition to a stage as {@link #deploy(String, Consumer)} does, with
         * the deployment id {@code deploymentId} (lowercase letters and digits) instead of a fresh
         * random one. A fleet of JVMs serving one API on one Redis gives each the same id, so that
         * their stage caches share entries (an entry is kept per deployment, reference 9.3); build
         * fails when the id is malformed or already a deployment of this API.
         */
        public Builder deploy(
                String stageName, String deploymentId, Consumer<Stage.Builder> settings) {
            if (restApi == null) {
                throw new IllegalStateException("set restApi before deploying it");
            }
            Objects.requireNonNull(deploymentId, "deploymentId");
            pending.add(new PendingDeployment(restApi, stageName, deploymentId, settings, null));
            return this;
        }

        /**
         * Deploys the current definition as the canary of a stage (reference 9.2), as {@link
         * Api#deployCanary} does; the stage must exist when the deployment is made, at {@link
         * #build()}, after the deployments asked for before.
         */
        public Builder deployCanary(String stageName, Consumer<CanarySettings.Builder> canary) {
            if (restApi == null) {
                throw new IllegalStateException("set restApi before deploying it");
            }
            Objects.requireNonNull(canary, "canary");
            pending.add(new PendingDeployment(restApi, stageName, null, s -> {}, canary));
            return this;
        }

        /** Adds an existing deployment (for example one kept from an earlier build). */
        public Builder deployment(Deployment deployment) {
            deployments = deployments.withDeployment(deployment);
            return this;
        }

        /** Adds or replaces a stage; it must point at a deployment of this API. */
        public Builder stage(Stage stage) {
            deployments = deployments.withStage(stage);
            return this;
        }

        /** Changes an existing stage: variables, settings, or the deployment it serves. */
        public Builder stage(String stageName, Consumer<Stage.Builder> changes) {
            Stage stage = deployments.stages().get(stageName);
            if (stage == null) {
                throw new IllegalArgumentException("no stage named " + stageName);
            }
            return stage(stage.copy(changes));
        }

        /** Points a stage back at an earlier deployment (AWS's UpdateStage of deploymentId). */
        public Builder rollback(String stageName, String deploymentId) {
            return stage(stageName, s -> s.deploymentId(deploymentId));
        }

        /**
         * Promotes the canary of an existing stage (reference 9.2), as {@link Api#promoteCanary}
         * does.
         */
        public Builder promoteCanary(String stageName) {
            deployments = deployments.withCanaryPromoted(stageName);
            return this;
        }

        /**
         * Removes the canary of an existing stage (reference 9.2), as {@link Api#removeCanary}
         * does.
         */
        public Builder removeCanary(String stageName) {
            deployments = deployments.withoutCanary(stageName);
            return this;
        }

        /**
         * Serves an API of an imported template ({@code
         * dev.apigw.model.cloudformation.CloudFormationImporter}). A REST API: its definition,
         * every stage with the deployment it serves (a canary's too), and the usage plans of those
         * stages with their API keys (reference sections 8.2 and 9.1). An HTTP API: as {@link
         * #httpApi(HttpApi)}, with its stages. The template's functions are bound with {@link
         * #lambda} (module apigw-lambda loads Java ones from their jars).
         */
        public Builder definition(GatewayDefinition definition, String apiLogicalId) {
            HttpApi http = definition.httpApis().get(apiLogicalId);
            if (http != null) {
                return httpApi(http);
            }
            RestApiDefinition api = definition.restApi(apiLogicalId);
            return definition(definition, api, api.stages().values());
        }

        /**
         * Serves one stage of a REST API of an imported template, as {@link
         * #definition(GatewayDefinition, String)} does for all; fails naming the API's stages when
         * it has no stage {@code stageName}.
         */
        public Builder definition(
                GatewayDefinition definition, String apiLogicalId, String stageName) {
            RestApiDefinition api = definition.restApi(apiLogicalId);
            Stage stage =
                    api.stage(stageName)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    apiLogicalId
                                                            + " has no stage "
                                                            + stageName
                                                            + "; its stages: "
                                                            + api.stages().values().stream()
                                                                    .map(Stage::stageName)
                                                                    .collect(Collectors.toList())));
            return definition(definition, api, List.of(stage));
        }

        private Builder definition(
                GatewayDefinition definition, RestApiDefinition api, Collection<Stage> stages) {
            restApi(api.restApi());
            Map<String, Deployment> byId = new LinkedHashMap<>();
            api.deployments().values().forEach(d -> byId.put(d.id(), d));
            for (Stage stage : stages) {
                stage.deploymentId().map(byId::get).ifPresent(this::deployment);
                stage.canarySettings()
                        .map(c -> byId.get(c.deploymentId()))
                        .ifPresent(this::deployment);
                stage(stage);
                for (UsagePlan plan : definition.usagePlans().values()) {
                    if (plan.covers(api.restApi().id(), stage.stageName())) {
                        usagePlan(plan);
                        definition.apiKeys().values().stream()
                                .filter(k -> plan.apiKeyIds().contains(k.id()))
                                .forEach(this::apiKey);
                    }
                }
            }
            return this;
        }

        /** Adds an API key of the account. */
        public Builder apiKey(ApiKey apiKey) {
            apiKeys.put(apiKey.value(), apiKey);
            return this;
        }

        /** Adds a usage plan of the account. */
        public Builder usagePlan(UsagePlan usagePlan) {
            usagePlans.put(usagePlan.id(), usagePlan);
            return this;
        }

        /**
         * Binds a Lambda function to the name used in integration URIs ({@code name} or {@code
         * name:qualifier}).
         */
        public Builder lambda(String name, LambdaFunction function) {
            lambdas.put(name, Objects.requireNonNull(function));
            return this;
        }

        /** Sets the backend of HTTP integrations (default: {@link JdkHttpBackend#create()}). */
        public Builder httpBackend(HttpBackend httpBackend) {
            this.httpBackend = Objects.requireNonNull(httpBackend);
            return this;
        }

        /**
         * Sets the backend of AWS service integrations ({@code
         * arn:aws:apigateway:{region}:{service}:action/…} or {@code …:path/…}, reference 4.2).
         * Without one, such integrations answer 500 and the execution trace says why.
         */
        public Builder awsServiceBackend(AwsServiceBackend awsServiceBackend) {
            this.awsServiceBackend = Objects.requireNonNull(awsServiceBackend);
            return this;
        }

        /**
         * Sets the IAM credentials {@code AWS_IAM} methods accept (reference 8.7): a request's
         * SigV4 signature is verified with the secret the resolver returns for its access key id,
         * and the caller's account and ARN fill {@code $context.identity}. Without one, every
         * signed request answers 403 ({@code The security token included in the request is
         * invalid.}).
         */
        public Builder credentials(CredentialsResolver credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        /**
         * Binds the JSON Web Key Set of a Cognito user pool (reference 8.4): the tokens of the pool
         * {@code poolId} (as in the authorizer's providerARN, e.g. {@code us-east-1_AbCdEf123}) are
         * verified against the RSA keys of this document. Every user pool a served {@code
         * COGNITO_USER_POOLS} authorizer names needs one: {@link #build()} fails without it. When
         * {@code poolId} is an issuer URL ({@code https://...} or {@code http://...}) it binds that
         * issuer's key set for HTTP API JWT authorizers (reference 8.5); an issuer without one is
         * discovered through its {@code /.well-known/openid-configuration} on first use.
         *
         * @throws IllegalArgumentException naming the pool when the document is not a key set
         */
        public Builder jwks(String poolId, String jwksJson) {
            return userPoolKeys(UserPoolKeys.of(poolId, jwksJson));
        }

        /**
         * Binds the JSON Web Key Set of a Cognito user pool read from a file now, as {@link
         * #jwks(String, String)} does.
         *
         * @throws IllegalArgumentException naming the pool and file when it cannot be read or is
         *     not a key set
         */
        public Builder jwks(String poolId, Path file) {
            return userPoolKeys(UserPoolKeys.file(poolId, file));
        }

        /**
         * Binds the JSON Web Key Set of a Cognito user pool at an http(s) URL (such as the pool's
         * {@code https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json}),
         * fetched when a token first needs it, within 1,500 ms, and kept once fetched; until a
         * fetch succeeds, tokens of the pool answer 401 and each failure is logged.
         */
        public Builder jwks(String poolId, URI url) {
            return userPoolKeys(UserPoolKeys.url(poolId, url));
        }

        private Builder userPoolKeys(UserPoolKeys keys) {
            userPoolKeys.put(keys.poolId(), keys);
            return this;
        }

        /**
         * Sets a listener told of every request the API handles, through {@link Api#handle} or
         * {@link Api#testInvoke}: it receives the request's {@link TestInvokeResult} (response,
         * execution log, latency) before the caller gets the response. Setting one makes {@code
         * handle} record each request's execution log, as {@code testInvoke} does; without one (the
         * default, or {@code null}) {@code handle} records nothing and costs nothing more. The
         * listener runs in the handling thread, so it must be thread-safe and quick; an exception
         * it throws is logged and never reaches the caller.
         */
        public Builder executionLogListener(Consumer<TestInvokeResult> listener) {
            this.executionLogListener = listener;
            return this;
        }

        /**
         * Sets the engine mapping templates run on (default {@link TemplateEngine#create()}):
         * another engine has other rendering budgets or another ticker (issue 9 part 3).
         */
        public Builder templateEngine(TemplateEngine engine) {
            this.templates = Objects.requireNonNull(engine);
            return this;
        }

        /**
         * Sets the account the API lives in (default: a new {@link Gateway#create()} per built
         * API): its clock, random source, Lambda threads, metrics and access log. {@link
         * Api#toBuilder()} keeps it, so that what it holds survives a redeploy.
         */
        public Builder gateway(Gateway gateway) {
            this.gateway = Objects.requireNonNull(gateway);
            return this;
        }

        /**
         * Sets what answers a request that failed inside the gateway through a bug of ours
         * (default: {@link InternalErrorHandler#logAndAnswer500()}); the testkit sets one that
         * fails the test.
         */
        public Builder internalErrorHandler(InternalErrorHandler handler) {
            this.internalErrorHandler = Objects.requireNonNull(handler);
            return this;
        }

        /**
         * Deploys what was asked, compiles every deployment a stage serves and builds the API;
         * fails naming the place of an invalid definition, or a Cognito authorizer whose user pool
         * has no {@link #jwks(String, String) key set} bound. The builder does not change: building
         * twice deploys twice.
         */
        public Api build() {
            if (restApi == null && httpApi == null) {
                throw new IllegalStateException("restApi or httpApi is required");
            }
            if (restApi != null && httpApi != null) {
                throw new IllegalStateException(
                        "an Api serves one API: set restApi or httpApi, not both");
            }
            if (httpApi != null && (!pending.isEmpty() || !deployments.deployments().isEmpty())) {
                throw new IllegalStateException(
                        "deployments, stages and canaries are for REST APIs: the stages of an HTTP"
                                + " API are HttpApi.stages()");
            }
            Gateway account = gateway != null ? gateway : Gateway.create();
            TemplateEngine engine = templates != null ? templates : TemplateEngine.create();
            Deployments all = deployments;
            for (PendingDeployment p : pending) {
                all = p.applyTo(all, account);
            }
            Backends backends =
                    new Backends(
                            lambdas,
                            httpBackend != null ? httpBackend : JdkHttpBackend.create(),
                            awsServiceBackend != null
                                    ? awsServiceBackend
                                    : Backends.NO_AWS_SERVICE_BACKEND,
                            credentials,
                            Attributes.empty()
                                    .with(UserPoolKeys.BINDINGS, Map.copyOf(userPoolKeys)));
            AuthorizerCaches caches =
                    authorizerCaches != null
                            ? authorizerCaches
                            : account.authorizerResultStore()
                                    .map(
                                            store ->
                                                    AuthorizerCaches.shared(
                                                            store,
                                                            restApi != null
                                                                    ? restApi.id()
                                                                    : httpApi.id()))
                                    .orElseGet(AuthorizerCaches::create);
            Deployments compiled =
                    all.compiled(
                            new DeploymentCompiler(
                                    engine, account.region(), account.accountId(), caches));
            UserPoolBindings.check(
                    compiled.servedDefinitions(),
                    backends.binding(UserPoolKeys.BINDINGS).orElse(Map.of()));
            Attributes features =
                    httpApi == null
                            ? Attributes.empty()
                            : Attributes.empty()
                                    .with(
                                            CompiledHttpApi.KEY,
                                            CompiledHttpApi.compile(httpApi, account));
            if (httpApi != null && httpApi.corsConfiguration().isPresent()) {
                features =
                        features.with(
                                CorsPolicy.KEY,
                                CorsPolicy.compile(httpApi.corsConfiguration().get()));
            }
            return new Api(this, account, backends, engine, compiled, caches, features);
        }

        /**
         * A deployment asked for, made at build: a canary's when {@code canary} is set, else the
         * stage's, with {@code deploymentId} or a fresh id.
         */
        private record PendingDeployment(
                RestApi restApi,
                String stageName,
                String deploymentId,
                Consumer<Stage.Builder> settings,
                Consumer<CanarySettings.Builder> canary) {
            Deployments applyTo(Deployments all, Gateway account) {
                Instant now = account.clock().instant();
                if (canary != null) {
                    return all.deployCanary(restApi, stageName, canary, now, account.random());
                }
                return deploymentId != null
                        ? all.deploy(restApi, stageName, deploymentId, settings, now)
                        : all.deploy(restApi, stageName, settings, now, account.random());
            }
        }
    }
}
