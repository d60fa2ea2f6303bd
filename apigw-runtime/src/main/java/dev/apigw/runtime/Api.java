package dev.apigw.runtime;

import dev.apigw.model.ApiKey;
import dev.apigw.model.Deployment;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.http.JdkHttpBackend;
import dev.apigw.runtime.integration.LambdaExecutor;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.pipeline.CompiledDeployment;
import dev.apigw.runtime.pipeline.DeployedStage;
import dev.apigw.runtime.pipeline.DeploymentCompiler;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.HostBindings;
import dev.apigw.runtime.pipeline.Pipeline;
import dev.apigw.runtime.pipeline.ServingState;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REST API compiled for serving, with its deployments and stages: {@link #handle} runs API
 * Gateway's request pipeline in the calling thread; a Lambda function runs on a thread of the
 * {@code Api}'s own, so that the integration timeout holds (reference 9.5, {@link
 * Builder#requestResponseExecutor}). Immutable and thread-safe; {@link #toBuilder()} gives a
 * changed copy. As on AWS, a stage serves the deployment it points at: changing the definition
 * serves nothing new until it is deployed (reference section 9.1).
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
    private final Map<String, Deployment> deployments;
    private final Map<String, Stage> stages;
    private final Map<Deployment, CompiledDeployment> compiled;
    private final List<ApiKey> apiKeys;
    private final List<UsagePlan> usagePlans;
    private final HostBindings host;
    private final TemplateEngine templates;
    private final ServingState state;
    private final Consumer<TestInvokeResult> executionLogListener;
    private final Pipeline pipeline = new Pipeline();

    private Api(
            Builder b,
            Map<String, Deployment> deployments,
            Map<Deployment, CompiledDeployment> compiled) {
        this.restApi = b.restApi;
        this.deployments = Collections.unmodifiableMap(deployments);
        this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(b.stages));
        this.compiled = compiled;
        this.apiKeys = List.copyOf(b.apiKeys.values());
        this.usagePlans = List.copyOf(b.usagePlans.values());
        this.host =
                new HostBindings(
                        b.lambdas,
                        b.httpBackend,
                        b.awsServiceBackend == null
                                ? HostBindings.NO_AWS_SERVICE_BACKEND
                                : b.awsServiceBackend,
                        b.eventInvocations,
                        b.requestResponse,
                        b.clock,
                        b.random,
                        b.region,
                        b.accountId);
        this.templates = b.templates;
        this.executionLogListener = b.executionLogListener;
        Map<String, DeployedStage> served = new LinkedHashMap<>();
        stages.forEach(
                (name, stage) ->
                        served.put(
                                name,
                                new DeployedStage(
                                        stage,
                                        compiled.get(
                                                deployments.get(
                                                        stage.deploymentId().orElseThrow())))));
        this.state = new ServingState(restApi.id(), served, b.apiKeys, usagePlans, host);
    }

    /**
     * Returns what the build accepted that will fail requests, one line each naming the place: a
     * mapping template that does not parse ({@code /pets GET integration request template
     * application/json: does not parse: ...}) is deployed as AWS deploys it and its method answers
     * 500 (reference 1.1). Each was logged at WARN when its deployment was compiled.
     */
    public List<String> warnings() {
        return compiled.values().stream()
                .flatMap(c -> c.warnings().stream())
                .distinct()
                .collect(Collectors.toUnmodifiableList());
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
     * reached it, is logged and answered with 500. Without an {@link Builder#executionLogListener
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
        ExecutionTrace trace = ExecutionTrace.recording(host.clock());
        Instant start = host.clock().instant();
        Response response = run(request, trace);
        TestInvokeResult result =
                new TestInvokeResult(
                        request, response, trace, Duration.between(start, host.clock().instant()));
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
        RandomGenerator random = host.random();
        String requestId =
                new UUID(
                                random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
                        .toString();
        String extendedRequestId = extendedRequestId(random);
        Exchange exchange =
                Exchange.of(
                        request,
                        requestId,
                        extendedRequestId,
                        host.clock().instant(),
                        trace,
                        state);
        try {
            return pipeline.handle(exchange);
        } catch (RuntimeException | Error e) {
            LOG.error("request {} failed inside the gateway: {}", requestId, request, e);
            trace.add("api", "Internal error: ", e);
            return Response.builder()
                    .statusCode(500)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("x-amzn-ErrorType", "InternalServerErrorException")
                    .setHeader("x-amzn-RequestId", requestId)
                    .setHeader("x-amz-apigw-id", extendedRequestId)
                    .body("{\"message\": \"Internal server error\"}")
                    .build();
        }
    }

    /** Returns an id shaped like AWS's {@code x-amz-apigw-id}: 11 random bytes in base64. */
    private static String extendedRequestId(RandomGenerator random) {
        long a = random.nextLong();
        long b = random.nextLong();
        byte[] bytes = new byte[11];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a >>> (8 * i));
        }
        for (int i = 8; i < 11; i++) {
            bytes[i] = (byte) (b >>> (8 * i));
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Returns the current definition (served only where deployed). */
    public RestApi restApi() {
        return restApi;
    }

    /** Returns the deployments by id, oldest first. */
    public Map<String, Deployment> deployments() {
        return deployments;
    }

    /** Returns the stages by name. */
    public Map<String, Stage> stages() {
        return stages;
    }

    /** Returns the stage of this name, if any. */
    public Optional<Stage> stage(String stageName) {
        return Optional.ofNullable(stages.get(stageName));
    }

    /** Builds an {@link Api}. */
    public static final class Builder {
        private RestApi restApi;
        private final Map<String, Deployment> deployments = new LinkedHashMap<>();
        private final Map<Deployment, CompiledDeployment> compiled = new IdentityHashMap<>();
        private final List<PendingDeployment> pending = new ArrayList<>();
        private final Map<String, Stage> stages = new LinkedHashMap<>();
        private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
        private final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();
        private final Map<String, LambdaFunction> lambdas = new LinkedHashMap<>();
        private HttpBackend httpBackend;
        private AwsServiceBackend awsServiceBackend;
        private Executor eventInvocations;
        private Executor requestResponse;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private TemplateEngine templates;
        private Consumer<TestInvokeResult> executionLogListener;

        private Builder() {}

        private Builder(Api api) {
            restApi = api.restApi;
            deployments.putAll(api.deployments);
            compiled.putAll(api.compiled);
            stages.putAll(api.stages);
            api.apiKeys.forEach(k -> apiKeys.put(k.value(), k));
            api.usagePlans.forEach(p -> usagePlans.put(p.id(), p));
            lambdas.putAll(api.host.lambdas());
            httpBackend = api.host.httpBackend();
            awsServiceBackend = api.host.awsService().orElse(null);
            eventInvocations = api.host.eventInvocations();
            requestResponse = api.host.requestResponse();
            clock = api.host.clock();
            random = api.host.random();
            region = api.host.region();
            accountId = api.host.accountId();
            templates = api.templates;
            executionLogListener = api.executionLogListener;
        }

        /** Sets the current definition; stages keep serving their deployments. */
        public Builder restApi(RestApi restApi) {
            this.restApi = Objects.requireNonNull(restApi);
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
            pending.add(new PendingDeployment(restApi, stageName, settings));
            return this;
        }

        /** Adds an existing deployment (for example one kept from an earlier build). */
        public Builder deployment(Deployment deployment) {
            deployments.put(deployment.id(), deployment);
            return this;
        }

        /** Adds or replaces a stage; it must point at a deployment of this API. */
        public Builder stage(Stage stage) {
            stages.put(stage.stageName(), stage);
            return this;
        }

        /** Changes an existing stage: variables, settings, or the deployment it serves. */
        public Builder stage(String stageName, Consumer<Stage.Builder> changes) {
            Stage stage = stages.get(stageName);
            if (stage == null) {
                throw new IllegalArgumentException("no stage named " + stageName);
            }
            return stage(stage.copy(changes));
        }

        /** Points a stage back at an earlier deployment (AWS's UpdateStage of deploymentId). */
        public Builder rollback(String stageName, String deploymentId) {
            return stage(stageName, s -> s.deploymentId(deploymentId));
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
         * Sets the executor that runs Lambda functions invoked asynchronously: an AWS (non-proxy)
         * Lambda integration that maps {@code X-Amz-Invocation-Type} to {@code 'Event'} answers at
         * once and leaves the call to this executor (reference 2, intro; "Set up asynchronous
         * invocation of the backend Lambda function"). The host owns it and shuts it down when it
         * wants; an {@code Api} never does, since it has no life cycle. Tasks the executor rejects
         * make the request fail as a failed Invoke call.
         *
         * <p>Default: a pool of at most four daemon threads named {@code apigw-lambda-event-N},
         * created with the {@code Api}, whose idle threads end after 60 seconds, so an unused or
         * forgotten {@code Api} holds no thread and never keeps the JVM alive. Its queue is
         * unbounded. {@link #toBuilder()} copies share it.
         */
        public Builder eventInvocationExecutor(Executor executor) {
            this.eventInvocations = Objects.requireNonNull(executor);
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
         * Sets the executor that runs synchronous Lambda calls (invocation type {@code
         * RequestResponse}, AWS_PROXY and AWS integrations), so that the gateway can stop waiting
         * at the integration timeout (reference 4.2, 9.5) while the function's thread is
         * interrupted and left to end. It must run each task on a thread of its own at once: a task
         * that waits in a queue spends the integration's time there. A task it rejects fails the
         * request as a failed Invoke call (502). An executor that runs tasks in the calling thread
         * ({@code Runnable::run}) gives up the timeout.
         *
         * <p>Default: a {@link LambdaExecutor} created with the {@code Api}, of at most 1,000
         * daemon threads (the default concurrency of a Lambda account) named {@code
         * apigw-lambda-N}, started on demand, one of them spinning 50 microseconds for the next
         * call after one, and ended after 60 idle seconds, so an unused {@code Api} holds no
         * thread. {@link #toBuilder()} copies share it.
         */
        public Builder requestResponseExecutor(Executor executor) {
            this.requestResponse = Objects.requireNonNull(executor);
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

        /** Sets the clock (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Sets a thread-safe random source for ids (default: thread-local random). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** Sets the region (default {@code us-east-1}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Sets the owner's account id (default {@code 123456789012}). */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /**
         * Deploys what was asked, compiles every deployment a stage serves and builds the API;
         * fails naming the place of an invalid definition.
         */
        public Api build() {
            if (restApi == null) {
                throw new IllegalStateException("restApi is required");
            }
            if (httpBackend == null) {
                httpBackend = JdkHttpBackend.create();
            }
            if (templates == null) {
                templates = TemplateEngine.create();
            }
            if (eventInvocations == null) {
                eventInvocations = defaultEventInvocations();
            }
            if (requestResponse == null) {
                requestResponse = defaultRequestResponse();
            }
            Map<String, Deployment> all = new LinkedHashMap<>(deployments);
            Map<String, Stage> allStages = new LinkedHashMap<>(stages);
            for (PendingDeployment p : pending) {
                Deployment d = new Deployment(newDeploymentId(all), "", clock.instant(), p.restApi);
                all.put(d.id(), d);
                Stage existing = allStages.get(p.stageName);
                Stage.Builder s =
                        existing != null
                                ? existing.toBuilder()
                                : Stage.builder().stageName(p.stageName);
                p.settings.accept(s.deploymentId(d.id()));
                allStages.put(p.stageName, s.build());
            }
            DeploymentCompiler compiler = new DeploymentCompiler(templates);
            Map<Deployment, CompiledDeployment> served = new IdentityHashMap<>();
            for (Stage stage : allStages.values()) {
                String id =
                        stage.deploymentId()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "stage "
                                                                + stage.stageName()
                                                                + " has no deployment"));
                Deployment d = all.get(id);
                if (d == null) {
                    throw new IllegalArgumentException(
                            "stage " + stage.stageName() + ": Deployment id does not exist: " + id);
                }
                served.computeIfAbsent(
                        d,
                        x ->
                                compiled.containsKey(x)
                                        ? compiled.get(x)
                                        : logged(compiler.compile(x)));
            }
            stages.clear();
            stages.putAll(allStages);
            pending.clear();
            deployments.putAll(all);
            compiled.putAll(served);
            return new Api(this, all, served);
        }

        /**
         * Returns a fresh six-character id. Each attempt mixes its number into the random value, so
         * that even a random source that always answers the same (a test's) ends.
         */
        private String newDeploymentId(Map<String, Deployment> taken) {
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            for (long attempt = 0; ; attempt++) {
                long bits = random.nextLong() + attempt * 0x9E3779B97F4A7C15L;
                StringBuilder id = new StringBuilder(6);
                for (int i = 0; i < 6; i++) {
                    id.append(alphabet.charAt((int) Math.floorMod(bits, 36L)));
                    bits = Math.floorDiv(bits, 36L);
                }
                if (!taken.containsKey(id.toString())) {
                    return id.toString();
                }
            }
        }

        private static CompiledDeployment logged(CompiledDeployment deployment) {
            deployment.warnings().forEach(line -> LOG.warn("{}", line));
            return deployment;
        }

        private static Executor defaultEventInvocations() {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(
                            4,
                            4,
                            60,
                            TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(),
                            task -> {
                                Thread t =
                                        new Thread(
                                                task,
                                                "apigw-lambda-event-" + count.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }

        private static Executor defaultRequestResponse() {
            return LambdaExecutor.create(1_000, Duration.ofNanos(50_000), Duration.ofSeconds(60));
        }

        private static final class PendingDeployment {
            final RestApi restApi;
            final String stageName;
            final Consumer<Stage.Builder> settings;

            PendingDeployment(RestApi restApi, String stageName, Consumer<Stage.Builder> s) {
                this.restApi = restApi;
                this.stageName = stageName;
                this.settings = s;
            }
        }
    }
}
