package dev.apigw.samples.localserver;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import dev.apigw.redis.RedisStores;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.ApiGatewayMetrics;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.AccessLogSink;
import dev.apigw.samples.localserver.demo.DemoApi;
import dev.apigw.samples.localserver.isolate.IsolatedFunctions;
import dev.apigw.samples.localserver.isolate.IsolationSettings;
import dev.apigw.servlet.ApiServlet;
import dev.apigw.servlet.LocalServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The command line of {@code apigw-local.jar}: serves an OpenAPI file (a REST or an HTTP API, see
 * {@link ApiType}), a CloudFormation or SAM template's REST API (or the bundled demo API) on {@code
 * http://HOST:PORT/STAGE} through Jetty 12, an HTTP API's {@code $default} stage on {@code
 * http://HOST:PORT}, a template's WebSocket API on {@code ws://HOST:PORT/STAGE} ({@link
 * WebSocketServing}, which prints only {@code Listening on ws://HOST:PORT/STAGE}). When ready it
 * prints {@code Admin paths: http://HOST:PORT/_apigw/ (REST API ID, stage STAGE)} ({@code HTTP API
 * ID} for an HTTP API; {@link AdminPaths}) and {@code Listening on} the stage's URL ({@link
 * #stageUrl}); from then on standard output (the access log, {@link AccessLogPrinter}) and standard
 * error (everything logged) are written in batches (see {@link BatchingOutputStream}), and SIGINT
 * or SIGTERM stops Jetty through a shutdown hook, which prints the metrics ({@link MetricsSummary})
 * on standard error, then {@code Stopped}, and writes what is left. A bad flag prints one line on
 * standard error and exits 2; a spec, handler or port that cannot be used prints one line and exits
 * 1. See {@link ServerOptions#USAGE}.
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
        RunningServer server;
        ServerOptions options;
        try {
            options = ServerOptions.parse(arguments);
            server = launch(options, line -> System.out.println(line), System.err);
        } catch (LaunchException e) {
            System.err.println("apigw-local: " + e.getMessage());
            System.exit(e.exitStatus());
            return;
        }
        BatchingOutputStream output =
                BatchingOutputStream.start(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(output, false, Charset.defaultCharset()));
        BatchingOutputStream errors =
                BatchingOutputStream.start(new FileOutputStream(FileDescriptor.err));
        System.setErr(new PrintStream(errors, false, Charset.defaultCharset()));
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> stop(server, output, errors), "apigw-local-shutdown"));
        if (server.apiType() == ApiType.WEBSOCKET) {
            System.out.println(
                    "Listening on "
                            + WebSocketServing.stageUrl(server.server().baseUrl(), server.stage()));
        } else {
            printListening(server);
        }
        output.drain();
        try {
            server.server().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printListening(RunningServer server) {
        System.out.println(
                "Admin paths: "
                        + server.server().baseUrl()
                        + "/_apigw/ ("
                        + server.apiType().toString().toUpperCase(Locale.ROOT)
                        + " API "
                        + server.apiId()
                        + ", stage "
                        + server.stage()
                        + ")");
        System.out.println("Listening on " + stageUrl(server.server().baseUrl(), server.stage()));
    }

    /**
     * Returns where a stage is served: an HTTP API's {@code $default} stage at the root ({@code
     * http://HOST:PORT}, reference 7.2), any other under its name ({@code http://HOST:PORT/STAGE}).
     */
    static String stageUrl(String baseUrl, String stage) {
        return stage.equals(HttpStage.DEFAULT) ? baseUrl : baseUrl + "/" + stage;
    }

    /**
     * Returns the project version from the jar manifest's {@code Implementation-Version}, or {@code
     * (unknown version: not run from apigw-local.jar)} when run from classes.
     */
    static String version() {
        String version = LocalServerMain.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version: not run from apigw-local.jar)" : version;
    }

    private static void stop(
            RunningServer server, BatchingOutputStream output, BatchingOutputStream errors) {
        server.close();
        MetricsSummary.lines(server.metrics()).forEach(System.err::println);
        errors.drain();
        System.out.println("Stopped");
        output.drain();
    }

    /**
     * Builds the API the options describe ({@link ApiAssembly}), prints its {@link StartupWarnings}
     * on {@code err} and starts serving it, watching its files with {@code --watch} (reload lines
     * to {@code out}, failures on {@code err}); fails with a one-line {@link LaunchException} on a
     * spec, handler class, API key or port that cannot be used.
     */
    public static RunningServer launch(
            ServerOptions options, Consumer<String> out, PrintStream err) {
        options.cacheDataKeyFile()
                .flatMap(CacheDataKeyFile::exposure)
                .ifPresent(warning -> err.println("apigw-local: warning: " + warning));
        if (options.template().isPresent()) {
            GatewayDefinition definition =
                    TemplateAssembly.importTemplate(options.template().get(), options);
            String apiId = TemplateAssembly.apiLogicalId(definition, options);
            if (definition.webSocketApis().containsKey(apiId)) {
                return WebSocketServing.launch(
                        options, definition, apiId, out, err, options.isolate() ? isolate() : null);
            }
        }
        LocalServer server = open(options);
        DefinitionWatcher watcher = null;
        IsolatedFunctions isolated = null;
        RedisStores redis = null;
        AtomicReference<ApiAssembly> served = new AtomicReference<>();
        PrometheusMeterRegistry metrics = metricsRegistry();
        AccessLogSink accessLog = new AccessLogPrinter(out);
        try {
            if (options.redis().isPresent()) {
                redis =
                        RedisAccountStores.connect(
                                options.redis().get(), options.redisFail(), metrics, out, false);
            }
            RedisStores shared = redis;
            Supplier<Gateway> accounts =
                    () -> {
                        Gateway.Builder account =
                                account(options).meterRegistry(metrics).accessLog(accessLog);
                        return (shared == null ? account : shared.applyTo(account)).build();
                    };
            String echoUrl = loopbackUrl(server) + DemoApi.ECHO_PATH;
            isolated = options.isolate() ? isolate() : null;
            IsolatedFunctions children = isolated;
            ApiAssembly assembly = ApiAssembly.build(options, echoUrl, children, accounts);
            served.set(assembly);
            assembly.warnings().print(err);
            assembly.notices().forEach(out);
            Supplier<Api> api = () -> served.get().api();
            server.serve(
                    "/*",
                    new ApiServlet(
                            new AdminPaths(api, metrics)
                                    .inFrontOf(request -> api.get().handle(request))));
            if (options.spec().isEmpty()) {
                server.serve(DemoApi.ECHO_PATH + "/*", new EchoServlet());
            }
            if (options.watch()) {
                watcher =
                        DefinitionWatcher.start(
                                options.watchedPaths(),
                                new Reloader(
                                        () ->
                                                ApiAssembly.build(
                                                        options, echoUrl, children, accounts),
                                        served,
                                        out,
                                        line -> err.println("apigw-local: " + line)));
            }
            return new RunningServer(
                    server.start(),
                    watcher,
                    assembly.stage(),
                    () -> {
                        try {
                            closeFunctions(served, children);
                        } finally {
                            if (shared != null) {
                                shared.close();
                            }
                        }
                    },
                    metrics,
                    assembly.api().httpApi().isPresent() ? ApiType.HTTP : ApiType.REST,
                    apiId(assembly.api()));
        } catch (RuntimeException e) {
            if (watcher != null) {
                watcher.close();
            }
            server.close();
            if (redis != null) {
                redis.close();
            }
            closeFunctions(served, isolated);
            throw e;
        }
    }

    /** Returns the id of the API served: its HTTP API's, else its REST API's. */
    static String apiId(Api api) {
        return api.httpApi().map(HttpApi::id).orElseGet(() -> api.restApi().id());
    }

    private static IsolatedFunctions isolate() {
        try {
            return IsolatedFunctions.start(IsolationSettings.defaults());
        } catch (IOException e) {
            throw LaunchException.failure("--isolate: cannot start the Lambda runtime API: " + e);
        }
    }

    private static void closeFunctions(
            AtomicReference<ApiAssembly> served, IsolatedFunctions isolated) {
        ApiAssembly assembly = served.get();
        try {
            if (assembly != null) {
                assembly.resources().close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the functions: " + e, e);
        } finally {
            if (isolated != null) {
                isolated.close();
            }
        }
    }

    private static LocalServer open(ServerOptions options) {
        try {
            return LocalServer.create(options.host(), options.port()).open();
        } catch (IllegalStateException e) {
            throw LaunchException.failure(e.getMessage());
        }
    }

    /** Returns the server's URL as the server itself can reach it (a wildcard host is local). */
    private static String loopbackUrl(LocalServer server) {
        String host = server.host();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        return wildcard ? "http://127.0.0.1:" + server.port() : server.baseUrl();
    }

    /**
     * Returns the registry of the server's metrics: Prometheus, with the API Gateway meters under
     * {@link ApiGatewayMetrics#namespace()} so that {@code 4XXError} and {@code 5XXError} keep
     * names of their own ({@code aws_apigateway_4XXError_total}; reference 10.1).
     */
    static PrometheusMeterRegistry metricsRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(ApiGatewayMetrics.namespace());
        return registry;
    }

    /**
     * The account's builder with {@code --account-throttle} (reference 9.4) and {@code
     * --cache-data-key-file} (reference 9.3), if given.
     */
    static Gateway.Builder account(ServerOptions options) {
        Gateway.Builder account = Gateway.builder();
        options.accountThrottle().ifPresent(account::accountThrottle);
        options.cacheDataKey().ifPresent(account::cacheDataKey);
        return account;
    }
}
