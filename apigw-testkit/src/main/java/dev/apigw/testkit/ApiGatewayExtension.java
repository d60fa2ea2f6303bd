package dev.apigw.testkit;

import dev.apigw.model.ApiKey;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.cloudformation.TemplateOptions;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.TestInvokeResult;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit 5 extension that gives each test an {@link Api} deployed to a stage, with fresh {@link
 * FakeLambda}s, a {@link RecordingHttpBackend} and a {@link ManualClock} bound to it. Register it
 * with {@code @RegisterExtension} and configure it with {@link #builder()}; test methods (and
 * {@code @BeforeEach}/{@code @AfterEach} methods) declare what they need as parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ApiGatewayExtension gateway = ApiGatewayExtension.builder()
 *         .openApi(Path.of("src/main/resources/api.yaml"))
 *         .lambda("PetsFunction")
 *         .build();
 *
 * @Test
 * void getPet_known_returnsIt(Api api, FakeLambda pets) {
 *     pets.returnsProxyResponse(200, "{\"id\": 7}");
 *
 *     assertThat(api.testInvoke(Request.of("GET", "/test/pets/7"))).hasStatus(200);
 *     assertThat(pets.lastEvent().pathParameter("id")).contains("7");
 * }
 * }</pre>
 *
 * <p>Resolved parameters: {@link Api}; {@link FakeLambda} (the only one bound, or the one named by
 * {@link Lambda @Lambda("name")}); {@link RecordingHttpBackend}; {@link ManualClock}; {@link
 * ServedApi}, the same {@code Api} served on a loopback port for an HTTP client, started only when
 * a test asks for it.
 *
 * <p>Life cycle: the definition is imported and compiled once per test class when the extension is
 * in a {@code static} field (once per test otherwise); each test then gets its own {@code Api}, a
 * copy of that one bound to new fakes, a new backend and a clock standing at {@link
 * Builder#clockStartingAt the start instant}. The per-test state lives in the test's {@link
 * ExtensionContext.Store}; after the test (and its {@code @AfterEach} methods) the extension
 * removes and closes it, which stops the served API and closes the fakes and the backend, so that a
 * call leaking out of its test fails instead of being recorded. Nothing is shared between tests,
 * and tests may run in parallel. The extension works with JUnit 5.11 and later, whichever the test
 * project uses.
 *
 * <p>Each test's {@code Api} records the execution log of every request (an {@link
 * Api.Builder#executionLogListener execution log listener}), so that a failing {@link
 * ResponseAssert} check on a plain {@code api.handle(...)} response prints the console's test
 * result, as one on {@code api.testInvoke(...)} does; a listener set in {@link Builder#configure}
 * is replaced by it.
 *
 * <p>Asynchronous Lambda invocations ({@code X-Amz-Invocation-Type: 'Event'}) run in the calling
 * thread, before {@code handle} returns, so that a test can assert on them at once without waiting.
 * Register one {@code ApiGatewayExtension} per test class: two would both resolve {@code Api}.
 */
public final class ApiGatewayExtension
        implements BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestExecutionExceptionHandler {
    /** The instant {@link ManualClock} starts at unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

    /** The stage the API is deployed to unless told otherwise. */
    public static final String DEFAULT_STAGE = "test";

    private static final String TESTKIT_USAGE_PLAN = "apigw-testkit";

    private final Supplier<RestApi> definition;
    private final TemplateSource template;
    private final Consumer<Api.Builder> configuration;
    private final String stage;
    private final Map<String, String> stageVariables;
    private final List<String> lambdas;
    private final List<ApiKey> apiKeys;
    private final Instant start;
    private final ExtensionContext.Namespace namespace;

    private ApiGatewayExtension(Builder b) {
        this.definition = b.definition;
        this.template = b.template;
        this.configuration = b.configuration;
        this.stage = b.stage;
        this.stageVariables = Map.copyOf(b.stageVariables);
        this.lambdas = List.copyOf(b.lambdas);
        this.apiKeys = List.copyOf(b.apiKeys);
        this.start = b.start;
        this.namespace = ExtensionContext.Namespace.create(ApiGatewayExtension.class, this);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the stage the API is deployed to: the first segment of request paths. With a {@link
     * Builder#template template} and no {@link Builder#stage stage} set, it is the template API's
     * only stage.
     */
    public String stage() {
        if (template == null || stage != null) {
            return stage == null ? DEFAULT_STAGE : stage;
        }
        return template.onlyStage();
    }

    /** Builds this test's {@code Api} and its fakes; fails the test if the API is invalid. */
    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext scope = context.getParent().orElse(context);
        Api compiled =
                scope.getStore(namespace)
                        .getOrComputeIfAbsent(Api.class, k -> compile(), Api.class);
        Map<String, FakeLambda> fakes = new LinkedHashMap<>();
        lambdas.forEach(name -> fakes.put(name, FakeLambda.create(name)));
        RecordingHttpBackend backend = RecordingHttpBackend.create();
        ManualClock clock = ManualClock.startingAt(start);
        ExecutionLogs logs = new ExecutionLogs();
        Api.Builder api =
                compiled.toBuilder()
                        .httpBackend(backend)
                        .gateway(compiled.gateway().toBuilder().clock(clock).build())
                        .executionLogListener(logs);
        fakes.forEach(api::lambda);
        context.getStore(namespace)
                .put(
                        TestState.class,
                        new TestState(api.build(), stage(), fakes, backend, clock, logs));
    }

    /**
     * Stops this test's served API, if any, and closes its fakes and backend. Done here rather than
     * left to the store, since JUnit before 5.13 closes only its own resource type.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        TestState state = context.getStore(namespace).remove(TestState.class, TestState.class);
        if (state != null) {
            state.close();
        }
    }

    private Api compile() {
        Api.Builder b =
                Api.builder()
                        .gateway(
                                Gateway.builder()
                                        .clock(ManualClock.startingAt(start))
                                        .eventInvocationExecutor(Runnable::run)
                                        .build())
                        .internalErrorHandler(FailingInternalErrorHandler.create());
        String stage = stage();
        if (template != null) {
            b.definition(template.definition(), template.apiLogicalId(), stage);
        } else if (definition != null) {
            b.restApi(definition.get());
        }
        configuration.accept(b);
        Api configured = b.build();
        Api.Builder deployed =
                template != null
                        ? configured.toBuilder()
                                .stage(stage, s -> stageVariables.forEach(s::putVariable))
                        : configured.toBuilder()
                                .deploy(stage, s -> stageVariables.forEach(s::putVariable));
        if (!apiKeys.isEmpty()) {
            UsagePlan.Builder plan =
                    UsagePlan.builder()
                            .id(TESTKIT_USAGE_PLAN)
                            .name(TESTKIT_USAGE_PLAN)
                            .addApiStage(configured.restApi().id(), stage);
            for (ApiKey key : apiKeys) {
                deployed.apiKey(key);
                plan.addApiKey(key);
            }
            deployed.usagePlan(plan.build());
        }
        return deployed.build();
    }

    /**
     * Adds the console's test result (request, response, execution log) to the message of a {@link
     * ResponseAssert} failure on a plain response of this test's {@code Api}, so that {@code
     * assertThat(api.handle(request))} explains itself as {@code
     * assertThat(api.testInvoke(request))} does. Other failures pass unchanged.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        if (thrown instanceof ResponseAssertionError) {
            ResponseAssertionError failure = (ResponseAssertionError) thrown;
            TestState state = context.getStore(namespace).get(TestState.class, TestState.class);
            Optional<TestInvokeResult> result =
                    state == null ? Optional.empty() : state.logs.find(failure.response());
            if (result.isPresent()) {
                AssertionError explained =
                        new AssertionError(ConsoleLog.appendTo(failure.getMessage(), result.get()));
                explained.setStackTrace(failure.getStackTrace());
                throw explained;
            }
        }
        throw thrown;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class
                || type == FakeLambda.class
                || type == ManualClock.class
                || type == RecordingHttpBackend.class
                || type == ServedApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestState state = context.getStore(namespace).get(TestState.class, TestState.class);
        if (state == null || !(parameter.getDeclaringExecutable() instanceof Method)) {
            throw new ParameterResolutionException(
                    "ApiGatewayExtension resolves "
                            + parameter.getParameter().getType().getSimpleName()
                            + " only for test"
                            + " methods and @BeforeEach/@AfterEach methods, not for "
                            + parameter.getDeclaringExecutable());
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Api.class) {
            return state.api;
        }
        if (type == ManualClock.class) {
            return state.clock;
        }
        if (type == RecordingHttpBackend.class) {
            return state.backend;
        }
        if (type == ServedApi.class) {
            return state.served();
        }
        return lambda(state, parameter.findAnnotation(Lambda.class));
    }

    private static FakeLambda lambda(TestState state, Optional<Lambda> named) {
        if (named.isPresent()) {
            FakeLambda fake = state.lambdas.get(named.get().value());
            if (fake == null) {
                throw new ParameterResolutionException(
                        "no FakeLambda named "
                                + named.get().value()
                                + "; the extension binds "
                                + state.lambdas.keySet()
                                + " (ApiGatewayExtension.builder().lambda(name))");
            }
            return fake;
        }
        if (state.lambdas.size() != 1) {
            throw new ParameterResolutionException(
                    "the extension binds "
                            + state.lambdas.size()
                            + " FakeLambdas "
                            + state.lambdas.keySet()
                            + ": name the one wanted with @Lambda(\"name\")");
        }
        return state.lambdas.values().iterator().next();
    }

    /**
     * One test's API and fakes, and its served API once asked for; closing it stops the server and
     * closes the fakes and the backend.
     */
    private static final class TestState implements AutoCloseable {
        final Api api;
        final String stage;
        final Map<String, FakeLambda> lambdas;
        final RecordingHttpBackend backend;
        final ManualClock clock;
        final ExecutionLogs logs;
        private ServedApi served;

        TestState(
                Api api,
                String stage,
                Map<String, FakeLambda> lambdas,
                RecordingHttpBackend backend,
                ManualClock clock,
                ExecutionLogs logs) {
            this.api = api;
            this.stage = stage;
            this.lambdas = lambdas;
            this.backend = backend;
            this.clock = clock;
            this.logs = logs;
        }

        /** Returns the served API, starting it on first use. */
        synchronized ServedApi served() {
            if (served == null) {
                served = ServedApi.start(api, stage);
            }
            return served;
        }

        @Override
        public synchronized void close() {
            if (served != null) {
                served.close();
            }
            lambdas.values().forEach(FakeLambda::close);
            backend.close();
        }
    }

    /** Configures an {@link ApiGatewayExtension}. */
    public static final class Builder {
        private Supplier<RestApi> definition;
        private TemplateSource template;
        private Consumer<Api.Builder> configuration = b -> {};
        private String stage;
        private final Map<String, String> stageVariables = new LinkedHashMap<>();
        private final Set<String> lambdas = new LinkedHashSet<>();
        private final List<ApiKey> apiKeys = new ArrayList<>();
        private Instant start = DEFAULT_START;

        private Builder() {}

        /** Sets the definition to deploy. */
        public Builder restApi(RestApi restApi) {
            Objects.requireNonNull(restApi, "restApi");
            this.definition = () -> restApi;
            this.template = null;
            return this;
        }

        /** Builds the definition to deploy. */
        public Builder restApi(Consumer<RestApi.Builder> spec) {
            Objects.requireNonNull(spec, "spec");
            this.definition =
                    () -> {
                        RestApi.Builder b = RestApi.builder();
                        spec.accept(b);
                        return b.build();
                    };
            this.template = null;
            return this;
        }

        /** Imports the definition from an OpenAPI or Swagger file, with the default options. */
        public Builder openApi(Path file) {
            return openApi(file, ImportOptions.defaults());
        }

        /**
         * Imports the definition from an OpenAPI or Swagger file with these options (placeholders,
         * base path mode, fail on warnings). The file is read when the first test of the class
         * starts; an import error fails it.
         */
        public Builder openApi(Path file, ImportOptions options) {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(options, "options");
            this.definition = () -> OpenApiImporter.create(options).importFile(file).api();
            this.template = null;
            return this;
        }

        /**
         * Serves the REST API of a CloudFormation, SAM or {@code cdk synth} template (its only one)
         * with its stage settings, usage plans and API keys, as {@link Api.Builder#definition}
         * does: the test's requests address the template's stage ({@link #stage}, by default the
         * API's only stage). The file is read when the first test of the class starts; an import
         * error fails it.
         */
        public Builder template(Path file) {
            return template(file, TemplateOptions.defaults(), null);
        }

        /**
         * Serves the REST API {@code apiLogicalId} (null: the template's only one) of a template
         * imported with these options (parameter values, region, account).
         */
        public Builder template(Path file, TemplateOptions options, String apiLogicalId) {
            this.template = new TemplateSource(file, options, apiLogicalId);
            this.definition = null;
            return this;
        }

        /**
         * Sets a function that finishes the {@code Api.Builder} before the stage is deployed: the
         * definition itself if none was given, usage plans, other stages, region, real Lambda
         * handlers bound by name. The extension then deploys the definition as it left it, and
         * binds its own fakes, backend and clock over whatever the function set.
         */
        public Builder configure(Consumer<Api.Builder> configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * Sets the stage to deploy to (default {@value ApiGatewayExtension#DEFAULT_STAGE}); with a
         * {@link #template template}, the template's stage to serve.
         */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /** Adds a variable of the stage. */
        public Builder putStageVariable(String name, String value) {
            stageVariables.put(
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Binds a new {@link FakeLambda} for each test to this function name (as in the integration
         * URI, {@code name} or {@code name:qualifier}).
         */
        public Builder lambda(String name) {
            lambdas.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Adds an enabled API key with this value, in a usage plan that covers the stage, so that
         * requests sending it as {@code x-api-key} pass methods that require a key. As on AWS, the
         * value has 20 to 128 characters; a shorter one fails here.
         */
        public Builder apiKey(String value) {
            apiKeys.add(ApiKey.of(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Sets where each test's {@link ManualClock} starts (default {@link
         * ApiGatewayExtension#DEFAULT_START}).
         */
        public Builder clockStartingAt(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** Returns the extension. */
        public ApiGatewayExtension build() {
            return new ApiGatewayExtension(this);
        }
    }
}
