package dev.apigw.samples.localserver;

import dev.apigw.model.ApiKey;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.OpenApiImportException;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.servlet.ApiServlet;
import dev.apigw.servlet.LocalServer;
import dev.apigw.samples.localserver.demo.DemoApi;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code apigw-local.jar}: serves an OpenAPI file (or the bundled demo API)
 * on {@code http://HOST:PORT/STAGE} through Jetty 12. When ready it prints {@code Listening on
 * http://HOST:PORT/STAGE}; from then on standard output is written in batches (see {@link
 * BatchingOutputStream}), and SIGINT or SIGTERM stops Jetty through a shutdown hook, which
 * prints {@code Stopped} and writes what is left. A bad flag prints one line on standard error
 * and exits 2; a spec, handler or port that cannot be used prints one line and exits 1. See
 * {@link ServerOptions#USAGE}.
 */
public final class LocalServerMain {
    private LocalServerMain() {}

    /** Runs the server until the process is stopped. */
    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (ServerOptions.wantsHelp(arguments)) {
            System.out.println(ServerOptions.USAGE);
            return;
        }
        if (ServerOptions.wantsVersion(arguments)) {
            System.out.println("apigw-local " + version());
            return;
        }
        LocalServer server;
        ServerOptions options;
        try {
            options = ServerOptions.parse(arguments);
            server = launch(options, System.err);
        } catch (LaunchException e) {
            System.err.println("apigw-local: " + e.getMessage());
            System.exit(e.exitStatus());
            return;
        }
        BatchingOutputStream output = BatchingOutputStream.start(
                new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(output, false, Charset.defaultCharset()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, output),
                "apigw-local-shutdown"));
        System.out.println("Listening on " + server.baseUrl() + "/" + options.stage());
        output.drain();
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the project version from the jar manifest's {@code Implementation-Version}, or
     * {@code (unknown version: not run from apigw-local.jar)} when run from classes.
     */
    static String version() {
        String version = LocalServerMain.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version: not run from apigw-local.jar)" : version;
    }

    private static void stop(LocalServer server, BatchingOutputStream output) {
        server.close();
        System.out.println("Stopped");
        output.drain();
    }

    /**
     * Builds the API the options describe, prints its {@link StartupWarnings} on {@code err}
     * and starts serving it; fails with a one-line {@link LaunchException} on a spec, handler
     * class, API key or port that cannot be used.
     */
    public static LocalServer launch(ServerOptions options, PrintStream err) {
        HandlerLoader loader = HandlerLoader.create(options.classpath());
        boolean demo = options.spec().isEmpty();
        RestApi definition = demo ? DemoApi.definition()
                : importSpec(options.spec().get(), options.placeholders());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        List<ApiKey> keys = new ArrayList<>();
        if (demo) {
            functions.putAll(DemoApi.functions());
            keys.add(ApiKey.builder().name("demo").value(DemoApi.API_KEY).build());
        }
        options.lambdas().forEach((name, className) ->
                functions.put(name, loader.load(name, className)));
        for (String value : options.apiKeys()) {
            keys.add(apiKey("local-" + (keys.size() + 1), value));
        }
        LocalServer server = open(options);
        try {
            Map<String, String> variables = new LinkedHashMap<>();
            if (demo) {
                variables.put(DemoApi.BACKEND_VARIABLE, loopbackUrl(server) + DemoApi.ECHO_PATH);
            }
            variables.putAll(options.stageVariables());
            List<UsagePlan> plans = keys.isEmpty() ? List.of()
                    : List.of(usagePlan(definition, options.stage(), keys));
            Api api = build(definition, options.stage(), variables, functions, keys, plans);
            Stage stage = api.stage(options.stage()).orElseThrow();
            new StartupWarnings()
                    .addAll(UnboundFunctions.of(definition, functions.keySet(),
                            stage.variables()))
                    .addAll(UnenforcedFeatures.of(definition, stage, plans))
                    .print(err);
            server.serve("/*", new ApiServlet(ExecutionLog.of(() -> api, options.logLevel(),
                    new FailureHints(options.stage()), System.err)));
            if (demo) {
                server.serve(DemoApi.ECHO_PATH + "/*", new EchoServlet());
            }
            return server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static LocalServer open(ServerOptions options) {
        try {
            return LocalServer.create(options.host(), options.port()).open();
        } catch (IllegalStateException e) {
            throw LaunchException.failure(e.getMessage());
        }
    }

    private static RestApi importSpec(Path spec, Map<String, String> placeholders) {
        if (!Files.isRegularFile(spec)) {
            throw LaunchException.failure("spec file not found: " + spec);
        }
        if (!Files.isReadable(spec)) {
            throw LaunchException.failure("spec file is not readable: " + spec);
        }
        try {
            return OpenApiImporter.create(ImportOptions.builder().placeholders(placeholders)
                    .build()).importFile(spec).api();
        } catch (OpenApiImportException | IllegalArgumentException e) {
            throw LaunchException.failure("spec " + spec + " does not import: "
                    + e.getMessage());
        } catch (UncheckedIOException e) {
            throw LaunchException.failure("cannot read spec " + spec + ": "
                    + e.getCause().getMessage());
        }
    }

    private static ApiKey apiKey(String name, String value) {
        try {
            return ApiKey.builder().name(name).value(value).build();
        } catch (IllegalArgumentException e) {
            throw LaunchException.usage("--api-key " + value + ": " + e.getMessage());
        }
    }

    /** Returns the usage plan that makes every key valid on the stage. */
    private static UsagePlan usagePlan(RestApi definition, String stage, List<ApiKey> keys) {
        UsagePlan.Builder plan = UsagePlan.builder().name("local")
                .addApiStage(definition.id(), stage);
        keys.forEach(key -> plan.addApiKey(key));
        return plan.build();
    }

    private static Api build(RestApi definition, String stage, Map<String, String> variables,
            Map<String, LambdaFunction> functions, List<ApiKey> keys, List<UsagePlan> plans) {
        try {
            Api.Builder api = Api.builder().restApi(definition)
                    .deploy(stage, s -> variables.forEach(s::putVariable));
            functions.forEach(api::lambda);
            keys.forEach(api::apiKey);
            plans.forEach(api::usagePlan);
            return api.build();
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure("cannot serve the API: " + e.getMessage());
        }
    }

    /** Returns the server's URL as the server itself can reach it (a wildcard host is local). */
    private static String loopbackUrl(LocalServer server) {
        String host = server.host();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        return wildcard ? "http://127.0.0.1:" + server.port() : server.baseUrl();
    }
}
