package dev.apigw.samples.localserver;

import dev.apigw.model.ApiKey;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.OpenApiImportException;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.samples.localserver.demo.DemoApi;
import dev.apigw.samples.localserver.isolate.IsolatedFunctions;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the {@link Api} the command line describes, from scratch each time: the spec imported (or
 * the bundled demo), the handler classes loaded by a fresh {@link HandlerLoader}, the API keys in
 * one usage plan, the stage deployed with its variables, the user pools' key sets, the IAM
 * credentials and the AWS endpoints ({@link HostBindings}); and the {@link StartupWarnings} of that
 * definition ({@link UnboundFunctions}, {@link UnboundServices}). Used at start and by {@code
 * --watch} on every change.
 *
 * <p>With {@code --template}, {@link TemplateAssembly} builds it instead; with a spec that is an
 * HTTP API definition ({@link ApiType}), {@link HttpApiAssembly}.
 *
 * @param api the API to serve
 * @param warnings what the definition uses that the server cannot serve as AWS would
 * @param stage the stage served
 * @param notices lines printed once at start, before {@code Listening on} (generated API keys)
 * @param resources what the API's functions hold (class loaders, code directories), closed when the
 *     API is no longer served
 */
record ApiAssembly(
        Api api,
        StartupWarnings warnings,
        String stage,
        List<String> notices,
        AutoCloseable resources) {
    /**
     * Builds the API in an account from {@code accounts}, with the {@link StageOverrides} of the
     * options laid over its stage; {@code echoUrl} is where the demo's HTTP backend is served,
     * {@code isolated} runs template functions in their own JVMs ({@code --isolate}; null without).
     * Fails with a one-line {@link LaunchException} on a spec, template, stage configuration,
     * handler class or API key that cannot be used.
     */
    static ApiAssembly build(
            ServerOptions options,
            String echoUrl,
            IsolatedFunctions isolated,
            Supplier<Gateway> accounts) {
        StageOverrides overrides = StageOverrides.of(options);
        if (options.template().isPresent()) {
            return TemplateAssembly.build(options, isolated, accounts, overrides);
        }
        if (options.spec().isPresent()
                && ApiType.of(options.spec().get(), options.apiType().orElse(null))
                        == ApiType.HTTP) {
            return HttpApiAssembly.build(options, accounts, overrides);
        }
        HandlerLoader loader = HandlerLoader.create(options.classpath());
        boolean demo = options.spec().isEmpty();
        RestApi definition =
                demo
                        ? DemoApi.definition()
                        : importSpec(options.spec().get(), options.placeholders());
        String deploymentId =
                demo
                        ? FleetDeploymentId.of(
                                "demo".getBytes(StandardCharsets.UTF_8), options.stage())
                        : FleetDeploymentId.of(options.spec().get(), options.stage());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        List<ApiKey> keys = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        if (demo) {
            functions.putAll(DemoApi.functions());
            keys.add(ApiKey.builder().name("demo").value(DemoApi.API_KEY).build());
            variables.put(DemoApi.BACKEND_VARIABLE, echoUrl);
        }
        options.lambdas()
                .forEach((name, className) -> functions.put(name, loader.load(name, className)));
        keys.addAll(localKeys(options, keys.size()));
        variables.putAll(options.stageVariables());
        List<UsagePlan> plans =
                keys.isEmpty() ? List.of() : List.of(usagePlan(definition, options.stage(), keys));
        Gateway account = accounts.get();
        Api api =
                build(
                        account,
                        definition,
                        options.stage(),
                        deploymentId,
                        variables,
                        functions,
                        keys,
                        plans,
                        b -> HostBindings.apply(options, account.accountId(), b),
                        overrides);
        Stage stage = api.stage(options.stage()).orElseThrow();
        StartupWarnings warnings =
                new StartupWarnings()
                        .addAll(
                                UnboundFunctions.of(
                                        definition, functions.keySet(), stage.variables()))
                        .addAll(UnboundServices.of(definition, options))
                        .addAll(api.warnings());
        return new ApiAssembly(api, warnings, options.stage(), List.of(), () -> {});
    }

    /** Fails with a one-line {@link LaunchException} when the spec file cannot be read. */
    static void checkReadable(Path spec) {
        if (!Files.isRegularFile(spec)) {
            throw LaunchException.failure("spec file not found: " + spec);
        }
        if (!Files.isReadable(spec)) {
            throw LaunchException.failure("spec file is not readable: " + spec);
        }
    }

    private static RestApi importSpec(Path spec, Map<String, String> placeholders) {
        checkReadable(spec);
        try {
            return OpenApiImporter.create(
                            ImportOptions.builder().placeholders(placeholders).build())
                    .importFile(spec)
                    .api();
        } catch (OpenApiImportException | IllegalArgumentException e) {
            throw LaunchException.failure("spec " + spec + " does not import: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw LaunchException.failure(
                    "cannot read spec " + spec + ": " + e.getCause().getMessage());
        }
    }

    /**
     * Returns the {@code --api-key} keys, named {@code local-N} after the {@code existing} keys;
     * fails with a usage line on a value AWS would refuse.
     */
    static List<ApiKey> localKeys(ServerOptions options, int existing) {
        List<ApiKey> keys = new ArrayList<>();
        for (String value : options.apiKeys()) {
            keys.add(apiKey("local-" + (existing + keys.size() + 1), value));
        }
        return keys;
    }

    private static ApiKey apiKey(String name, String value) {
        try {
            return ApiKey.builder().name(name).value(value).build();
        } catch (IllegalArgumentException e) {
            throw LaunchException.usage("--api-key " + value + ": " + e.getMessage());
        }
    }

    /** Returns the usage plan that makes every key valid on the stage. */
    static UsagePlan usagePlan(RestApi definition, String stage, List<ApiKey> keys) {
        UsagePlan.Builder plan =
                UsagePlan.builder().name("local").addApiStage(definition.id(), stage);
        keys.forEach(key -> plan.addApiKey(key));
        return plan.build();
    }

    private static Api build(
            Gateway account,
            RestApi definition,
            String stage,
            String deploymentId,
            Map<String, String> variables,
            Map<String, LambdaFunction> functions,
            List<ApiKey> keys,
            List<UsagePlan> plans,
            Consumer<Api.Builder> bindings,
            StageOverrides overrides) {
        try {
            Api.Builder api =
                    Api.builder()
                            .gateway(account)
                            .restApi(definition)
                            .deploy(stage, deploymentId, s -> variables.forEach(s::putVariable));
            functions.forEach(api::lambda);
            keys.forEach(api::apiKey);
            plans.forEach(api::usagePlan);
            bindings.accept(api);
            return overrides.applyTo(api.build(), stage);
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure("cannot serve the API: " + e.getMessage());
        }
    }
}
