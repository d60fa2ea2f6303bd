package dev.apigw.samples.localserver;

import dev.apigw.lambda.FunctionCode;
import dev.apigw.lambda.FunctionCodeException;
import dev.apigw.lambda.TemplateFunction;
import dev.apigw.model.ApiKey;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import dev.apigw.model.RestApiDefinition;
import dev.apigw.model.Stage;
import dev.apigw.model.cloudformation.CloudFormationImporter;
import dev.apigw.model.cloudformation.TemplateOptions;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.samples.localserver.isolate.IsolatedFunction;
import dev.apigw.samples.localserver.isolate.IsolatedFunctions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the {@link Api} of {@code --template}: the template imported with the {@code --parameter}
 * values, its REST API ({@code --api}, else its only one) on its stage ({@code --stage}, else its
 * only one) with the stage's usage plans and keys, its Java functions bound from their code
 * (in-process in their own class loaders, or each in its own JVM with {@code --isolate}), and
 * {@code --lambda} bindings over them, and the {@link StageOverrides} of the command line ({@code
 * --stage-config}, {@code --stage-var}, {@code --log-level}) laid over the stage's own settings.
 * Generated API keys are announced once, {@code API key NAME: VALUE}.
 */
final class TemplateAssembly {
    private TemplateAssembly() {}

    static ApiAssembly build(
            ServerOptions options,
            IsolatedFunctions isolated,
            Supplier<Gateway> accounts,
            StageOverrides overrides) {
        Path file = options.template().orElseThrow();
        GatewayDefinition definition = importTemplate(file, options);
        String apiId = apiLogicalId(definition, options);
        if (definition.webSocketApis().containsKey(apiId)) {
            throw LaunchException.failure(
                    apiId
                            + " is a WebSocket API: the server serves it on ws:// (WebSocketServing)");
        }
        if (definition.httpApis().containsKey(apiId)) {
            return buildHttp(definition, apiId, options, isolated, accounts, overrides);
        }
        RestApiDefinition api = definition.restApi(apiId);
        StartupWarnings warnings = new StartupWarnings();
        String stage = stageName(api, options, warnings);
        warnings.addAll(definition.warnings());
        List<AutoCloseable> resources = new ArrayList<>();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        try {
            bindFunctions(definition, options, isolated, functions, resources, warnings);
            HandlerLoader loader = HandlerLoader.create(options.classpath());
            options.lambdas().forEach((name, type) -> functions.put(name, loader.load(name, type)));
            Gateway account = accounts.get();
            Api.Builder b = Api.builder().gateway(account);
            if (api.stages().isEmpty()) {
                warnings.addAll(
                        List.of(apiId + " has no stage in the template: serving it on " + stage));
                b.restApi(api.restApi())
                        .deploy(stage, s -> options.stageVariables().forEach(s::putVariable));
            } else {
                b.definition(definition, apiId, stage)
                        .stage(stage, s -> options.stageVariables().forEach(s::putVariable));
            }
            functions.forEach(b::lambda);
            List<ApiKey> extra = ApiAssembly.localKeys(options, 0);
            if (!extra.isEmpty()) {
                extra.forEach(b::apiKey);
                b.usagePlan(ApiAssembly.usagePlan(api.restApi(), stage, extra));
            }
            HostBindings.apply(options, account.accountId(), b);
            Api built = overrides.applyTo(b.build(), stage);
            Stage served = built.stage(stage).orElseThrow();
            warnings.addAll(
                            UnboundFunctions.of(
                                    api.restApi(), functions.keySet(), served.variables()))
                    .addAll(UnboundServices.of(api.restApi(), options))
                    .addAll(built.warnings());
            return new ApiAssembly(
                    built, warnings, stage, generatedKeys(definition), () -> closeAll(resources));
        } catch (IllegalArgumentException e) {
            closeAll(resources);
            throw LaunchException.failure("cannot serve " + apiId + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Imports {@code --template} with the command line's parameters and placeholders. */
    static GatewayDefinition importTemplate(Path file, ServerOptions options) {
        if (!Files.isRegularFile(file)) {
            throw LaunchException.failure("template file not found: " + file);
        }
        TemplateOptions templateOptions =
                TemplateOptions.builder()
                        .openApi(
                                ImportOptions.builder()
                                        .placeholders(options.placeholders())
                                        .build())
                        .parameters(options.parameters())
                        .build();
        try {
            return CloudFormationImporter.create(templateOptions).importFile(file);
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure(
                    "template " + file + " does not import: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw LaunchException.failure(
                    "cannot read template " + file + ": " + e.getCause().getMessage());
        }
    }

    /**
     * Serves the template's HTTP API {@code apiId} (reference 7.2, 9.1): on {@code --stage}, else
     * its only stage, else {@code $default}; its Java functions bound as for a REST API.
     */
    private static ApiAssembly buildHttp(
            GatewayDefinition definition,
            String apiId,
            ServerOptions options,
            IsolatedFunctions isolated,
            Supplier<Gateway> accounts,
            StageOverrides overrides) {
        HttpApi api = definition.httpApi(apiId);
        String stage = options.stageGiven().orElse(null);
        if (stage == null) {
            if (api.stages().size() > 1) {
                throw LaunchException.usage(
                        apiId
                                + " has several stages "
                                + String.join(", ", api.stages().keySet())
                                + ": choose one with --stage");
            }
            stage =
                    api.stages().isEmpty()
                            ? HttpStage.DEFAULT
                            : api.stages().keySet().iterator().next();
        }
        StartupWarnings warnings = new StartupWarnings().addAll(definition.warnings());
        List<AutoCloseable> resources = new ArrayList<>();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        try {
            bindFunctions(definition, options, isolated, functions, resources, warnings);
            HandlerLoader loader = HandlerLoader.create(options.classpath());
            options.lambdas().forEach((name, type) -> functions.put(name, loader.load(name, type)));
            return HttpApiAssembly.serve(
                    api,
                    stage,
                    functions,
                    options,
                    accounts,
                    overrides,
                    warnings,
                    () -> closeAll(resources));
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Returns the logical id of the API to serve: {@code --api}, else the template's only REST,
     * HTTP or WebSocket API.
     */
    static String apiLogicalId(GatewayDefinition definition, ServerOptions options) {
        if (options.api().isPresent()) {
            String id = options.api().get();
            if (definition.httpApis().containsKey(id)
                    || definition.webSocketApis().containsKey(id)) {
                return id;
            }
            try {
                return definition.restApi(id).logicalId();
            } catch (IllegalArgumentException e) {
                throw LaunchException.usage("--api " + id + ": " + e.getMessage());
            }
        }
        List<String> served = new ArrayList<>(definition.restApis().keySet());
        served.addAll(definition.httpApis().keySet());
        served.addAll(definition.webSocketApis().keySet());
        if (served.size() == 1) {
            return served.get(0);
        }
        if (served.isEmpty()) {
            throw LaunchException.failure("the template defines no REST, HTTP or WebSocket API");
        }
        throw LaunchException.usage(
                "the template defines several APIs "
                        + String.join(", ", served)
                        + ": choose one with --api");
    }

    private static String stageName(
            RestApiDefinition api, ServerOptions options, StartupWarnings warnings) {
        List<String> names =
                api.stages().values().stream().map(Stage::stageName).collect(Collectors.toList());
        if (options.stageGiven().isPresent()) {
            String given = options.stageGiven().get();
            if (!names.isEmpty() && !names.contains(given)) {
                throw LaunchException.usage(
                        "--stage "
                                + given
                                + ": "
                                + api.logicalId()
                                + " has the stages "
                                + String.join(", ", names));
            }
            return given;
        }
        if (names.size() > 1 && api.onlyStage().isPresent()) {
            String own = api.onlyStage().get().stageName();
            warnings.addAll(
                    List.of(
                            api.logicalId()
                                    + " also has the stage 'Stage' that SAM adds when an API sets"
                                    + " no OpenApiVersion: serving "
                                    + own
                                    + "; --stage Stage serves the other"));
            return own;
        }
        if (names.size() > 1) {
            throw LaunchException.usage(
                    api.logicalId()
                            + " has several stages "
                            + String.join(", ", names)
                            + ": choose one with --stage");
        }
        return names.isEmpty() ? options.stage() : names.get(0);
    }

    /**
     * Binds the template's Java functions (in-process, or each in its own JVM with {@code
     * isolated}) into {@code functions}, except those {@code --lambda} binds; what they hold goes
     * to {@code resources}.
     */
    static void bindFunctions(
            GatewayDefinition definition,
            ServerOptions options,
            IsolatedFunctions isolated,
            Map<String, LambdaFunction> functions,
            List<AutoCloseable> resources,
            StartupWarnings warnings) {
        for (FunctionConfiguration f : definition.functions().values()) {
            if (options.lambdas().containsKey(f.functionName())) {
                continue;
            }
            if (!f.isJava()) {
                warnings.addAll(
                        List.of(
                                "function "
                                        + f.functionName()
                                        + " ("
                                        + (f.runtime().isEmpty() ? "image" : f.runtime())
                                        + ") is not Java: bind it with --lambda "
                                        + f.functionName()
                                        + "=CLASS"));
                continue;
            }
            try {
                if (isolated != null) {
                    FunctionCode code = FunctionCode.locate(f);
                    resources.add(code);
                    IsolatedFunction function = isolated.function(f, code.classpath());
                    resources.add(function);
                    functions.put(f.functionName(), function);
                } else {
                    TemplateFunction function = TemplateFunction.load(f);
                    resources.add(function);
                    functions.put(f.functionName(), function);
                    if (!f.environment().isEmpty()) {
                        warnings.addAll(
                                List.of(
                                        "function "
                                                + f.functionName()
                                                + " declares environment variables "
                                                + f.environment().keySet()
                                                + ": in-process, System.getenv does not see them"
                                                + " (run with --isolate)"));
                    }
                }
            } catch (FunctionCodeException e) {
                throw LaunchException.failure(e.getMessage());
            }
        }
    }

    private static List<String> generatedKeys(GatewayDefinition definition) {
        List<String> lines = new ArrayList<>();
        definition
                .apiKeys()
                .forEach(
                        (id, key) -> {
                            if (definition.isGenerated(id)) {
                                lines.add("API key " + key.name() + ": " + key.value());
                            }
                        });
        return lines;
    }

    /** Closes each resource, best effort. */
    static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // closing a function's class loader or code directory is best effort
            }
        }
    }
}
