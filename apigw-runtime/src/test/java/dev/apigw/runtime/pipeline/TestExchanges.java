package dev.apigw.runtime.pipeline;

import dev.apigw.model.ApiKey;
import dev.apigw.model.Deployment;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.apikey.ApiKeyStep;
import dev.apigw.runtime.auth.AuthorizerStep;
import dev.apigw.runtime.deployment.DeploymentCompiler;
import dev.apigw.runtime.deployment.Deployments;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.resolution.StageResolver;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds the exchange a step sees at a given point of the pipeline in one line (LocalStack's {@code
 * create_context}): as it {@link #arrived}, {@link Builder#atStage at its stage}, or {@link
 * Builder#routed routed} to its method, with fixed ids, time and account, and backends that fail a
 * test that calls them unless it binds its own. {@link Builder#method} deploys a one-method API;
 * {@link Builder#apiKey} and {@link Builder#usagePlan} fill the account's keys and plans.
 */
public final class TestExchanges {
    /** The time every fixture exchange arrived at. */
    public static final Instant NOW = Instant.parse("2025-02-03T04:05:06Z");

    /** The {@code $context} variables of the REST pipeline, as {@code Pipeline.rest()} has them. */
    public static final ContextVariables REST_CONTEXT =
            ContextVariables.builder()
                    .registerAll(ContextVariables::requestVariables)
                    .registerAll(AuthorizerStep::contextVariables)
                    .registerAll(ApiKeyStep::contextVariables)
                    .build();

    private TestExchanges() {}

    /** Returns the exchange of {@code request} as it arrives, before stage resolution. */
    public static Exchange arrived(Request request) {
        return builder().arrived(request);
    }

    /** Returns a builder of fixture exchanges. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds fixture exchanges; every setter has a fixed default. */
    public static final class Builder {
        private String requestId = "req-1";
        private String extendedRequestId = "ext-1";
        private String apiId = "unitapi001";
        private Gateway.Builder gateway =
                Gateway.builder()
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .random(() -> 7L)
                        .region("ap-south-1")
                        .accountId("111122223333")
                        .eventInvocationExecutor(
                                task -> {
                                    throw new AssertionError("no asynchronous invocation expected");
                                })
                        .requestResponseExecutor(Runnable::run);
        private final Map<String, LambdaFunction> lambdas = new LinkedHashMap<>();
        private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
        private final List<UsagePlan> usagePlans = new ArrayList<>();
        private Map<String, AccessLogFormat> accessLogFormats = Map.of();
        private HttpBackend httpBackend =
                request -> {
                    throw new AssertionError("no backend expected");
                };
        private ExecutionTrace trace = ExecutionTrace.off();
        private Attributes bindings = Attributes.empty();
        private RestApi restApi;
        private Stage stage = Stage.builder().stageName("test").deploymentId("fixture").build();

        private Builder() {}

        /** Adds a host binding ({@code Backends#binding}), e.g. the JSON Web Key Sets. */
        public <T> Builder binding(AttributeKey<T> key, T value) {
            this.bindings = bindings.with(key, value);
            return this;
        }

        /** Sets the ids of the request. */
        public Builder ids(String requestId, String extendedRequestId) {
            this.requestId = requestId;
            this.extendedRequestId = extendedRequestId;
            return this;
        }

        /** Sets the API id. */
        public Builder apiId(String apiId) {
            this.apiId = apiId;
            return this;
        }

        /** Changes the account (clock, random, region, account id, executors). */
        public Builder gateway(Consumer<Gateway.Builder> changes) {
            changes.accept(gateway);
            return this;
        }

        /** Binds a Lambda function. */
        public Builder lambda(String name, LambdaFunction function) {
            lambdas.put(name, function);
            return this;
        }

        /** Sets the HTTP backend. */
        public Builder httpBackend(HttpBackend httpBackend) {
            this.httpBackend = httpBackend;
            return this;
        }

        /** Records the execution log into {@code trace}. */
        public Builder trace(ExecutionTrace trace) {
            this.trace = trace;
            return this;
        }

        /** Sets the API deployed to the stage, compiled as {@code Api} compiles it. */
        public Builder restApi(RestApi restApi) {
            this.restApi = restApi;
            return this;
        }

        /**
         * Sets the API to one method at {@code path}: a MOCK integration answering 200 through a
         * default integration response, with method response 200, as {@code spec} changes it.
         */
        public Builder method(String path, String httpMethod, Consumer<Method.Builder> spec) {
            return method(api -> {}, path, httpMethod, spec);
        }

        /**
         * Sets the API to one method as {@link #method(String, String, Consumer)} does, in an API
         * that {@code api} changes (models, validators, gateway responses, key source...).
         */
        public Builder method(
                Consumer<RestApi.Builder> api,
                String path,
                String httpMethod,
                Consumer<Method.Builder> spec) {
            RestApi.Builder b = RestApi.builder().name("fixture");
            api.accept(b);
            return restApi(
                    b.resource(path, r -> r.method(httpMethod, m -> spec.accept(mock200(m))))
                            .build());
        }

        private static Method.Builder mock200(Method.Builder method) {
            return method.methodResponse("200", mr -> {})
                    .integration(
                            i ->
                                    i.type(IntegrationType.MOCK)
                                            .putRequestTemplate(
                                                    "application/json", "{\"statusCode\": 200}")
                                            .integrationResponse("200", ir -> {}));
        }

        /** Adds an API key of the account. */
        public Builder apiKey(ApiKey apiKey) {
            apiKeys.put(apiKey.value(), apiKey);
            return this;
        }

        /** Adds a usage plan of the account. */
        public Builder usagePlan(UsagePlan usagePlan) {
            usagePlans.add(usagePlan);
            return this;
        }

        /** Sets the compiled access-log formats by stage name (reference 10.3). */
        public Builder accessLogFormats(Map<String, AccessLogFormat> formats) {
            this.accessLogFormats = Map.copyOf(formats);
            return this;
        }

        /** Sets the stage settings (its name is the first path segment of requests). */
        public Builder stage(Stage stage) {
            this.stage = stage.copy(s -> s.deploymentId("fixture"));
            return this;
        }

        /** Returns the exchange of {@code request} as it arrives, before stage resolution. */
        public Exchange arrived(Request request) {
            Gateway account = gateway.build();
            Map<String, DeployedStage> stages = new LinkedHashMap<>();
            if (restApi != null) {
                Deployments deployments =
                        Deployments.none()
                                .withDeployment(new Deployment("fixture", "", NOW, restApi))
                                .withStage(stage)
                                .compiled(
                                        new DeploymentCompiler(
                                                TemplateEngine.create(),
                                                account.region(),
                                                account.accountId()));
                stages.putAll(deployments.served());
            }
            ServingState state =
                    new ServingState(
                            apiId,
                            stages,
                            ApiKeys.of(apiKeys.values()),
                            UsagePlans.of(apiId, usagePlans, account.usageStore(), account.clock()),
                            account,
                            new Backends(
                                    lambdas,
                                    httpBackend,
                                    Backends.NO_AWS_SERVICE_BACKEND,
                                    Backends.NO_CREDENTIALS,
                                    bindings),
                            REST_CONTEXT,
                            Map.of(),
                            accessLogFormats);
            return Exchange.of(
                    ReceivedRequest.of(
                            request, requestId, extendedRequestId, account.clock().instant()),
                    trace,
                    state);
        }

        /** Returns the exchange of {@code request} with its stage resolved from its path. */
        public Exchange atStage(Request request) {
            Exchange exchange = arrived(request);
            StageResolver.ResolvedStage resolved =
                    StageResolver.pathPrefix()
                            .resolve(request, exchange.state().stages())
                            .orElseThrow(() -> new AssertionError("no stage for " + request));
            return exchange.withStage(resolved.stage(), resolved.resourcePath());
        }

        /** Returns the exchange of {@code request} with its stage and its method resolved. */
        public Exchange routed(Request request) {
            Exchange exchange = atStage(Objects.requireNonNull(request));
            return exchange.withRoute(
                    exchange.stage()
                            .deployment()
                            .routes()
                            .match(request.httpMethod(), exchange.resourcePath())
                            .orElseThrow(() -> new AssertionError("no route for " + request)));
        }
    }
}
